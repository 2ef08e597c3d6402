"""`storyclip doctor`: can this machine run the engine? ffmpeg, probe, encoders, folders."""

from __future__ import annotations

import asyncio
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from storyclip_gui.core.encoder_detect import choose, detect, encoder_works
from storyclip_gui.core.ffmpeg.encoders import X264
from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound, Toolchain, bundled_toolchain, locate
from storyclip_gui.core.options import EncoderChoice
from storyclip_gui.core.selftest import SubprocessRunner, self_test


@dataclass
class DoctorReport:
    lines: list[tuple[str, str, bool]] = field(default_factory=list)  # (label, value, ok)
    fatal: bool = False

    def add(self, label: str, value: str, ok: bool = True, fatal: bool = False) -> None:
        self.lines.append((label, value, ok))
        if not ok and fatal:
            self.fatal = True


def _run(argv: list[str], timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        errors="replace",
    )


def _version(path: str) -> str:
    try:
        out = _run([path, "-hide_banner", "-version"]).stdout
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unusable ({exc})"
    return out.splitlines()[0] if out else "unknown"


def _writable(path: Path) -> tuple[bool, str]:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".storyclip-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return False, f"{path} (not writable: {exc.strerror})"
    return True, str(path)


def diagnose(configured_ffmpeg: str | None, folders: dict[str, Path]) -> DoctorReport:
    report = DoctorReport()
    try:
        tools: Toolchain | None = locate(configured_ffmpeg)
    except FFmpegNotFound as exc:
        tools = None
        report.add("ffmpeg", str(exc), ok=False, fatal=True)
    if tools:
        report.add("ffmpeg", f"{tools.ffmpeg} (from {tools.source})")
        report.add("ffmpeg version", _version(tools.ffmpeg))
        if tools.ffprobe:
            report.add("probe", f"ffprobe: {tools.ffprobe} — {_version(tools.ffprobe)}")
        else:
            report.add("probe", "no ffprobe; probing parses `ffmpeg -i` output (fully supported)")
        x264 = asyncio.run(encoder_works(SubprocessRunner(), tools.ffmpeg, X264)).works
        report.add("libx264", "usable" if x264 else "NOT usable: clips cannot be encoded",
                   ok=x264, fatal=not x264 and not _bundled_passes(tools))  # fmt: skip
        _self_test(report, tools)
        # the engine's own detection (a one-frame encode each); ok: x264 is always there
        statuses = asyncio.run(detect(SubprocessRunner(), tools.ffmpeg))
        auto = choose(EncoderChoice.AUTO, statuses).encoder
        report.add("hardware H.264", f"the encoder `auto` picks: {auto}")
        for status in statuses.values():
            report.add(f"  {status.name}", status.describe())
    framing = framing_available()
    report.add("smart framing", "OpenCV face cascades found" if framing is None
               else f"unavailable ({framing}): the smart layout cannot be used",
               ok=framing is None)  # fmt: skip
    for label, path in folders.items():
        ok, text = _writable(path)
        report.add(f"{label} folder", text, ok=ok, fatal=label in ("output", "temp", "data"))
    report.add("cores", str(os.cpu_count()))
    return report


def framing_available() -> str | None:
    """None when the smart layout's detector can load OpenCV and its cascades, else why not."""
    try:
        from storyclip_gui.core.framing_worker import Detector

        Detector((64, 36))
    except (ImportError, RuntimeError) as exc:
        return str(exc)
    return None


def _self_test(report: DoctorReport, tools: Toolchain) -> None:
    """Cut a generated video with this build and verify the clips, as jobs would."""
    problem = asyncio.run(self_test(SubprocessRunner(), tools))
    if problem is None:
        report.add("self-test", "exact: a 4 s test video cut into two verified clips")
        return
    if _bundled_passes(tools):
        report.add("self-test", f"FAILED: {problem} Jobs will use the bundled ffmpeg "
                   "instead.", ok=False)  # fmt: skip
    else:
        report.add("self-test", f"FAILED: {problem}", ok=False, fatal=True)


def _bundled_passes(tools: Toolchain) -> bool:
    """The fallback jobs would use when `tools` is not good enough."""
    bundled = bundled_toolchain()
    if bundled is None or bundled.ffmpeg == tools.ffmpeg:
        return False
    return asyncio.run(self_test(SubprocessRunner(), bundled)) is None


def render(report: DoctorReport) -> str:
    width = max(len(label) for label, _, _ in report.lines)
    out = [f"{'✓' if ok else '✗'} {label:<{width}}  {value}" for label, value, ok in report.lines]
    out.append("")
    out.append("The engine cannot run: fix the ✗ lines above." if report.fatal
               else "Everything the engine needs is here.")  # fmt: skip
    return "\n".join(out)
