"""`storyclip doctor`: can this machine run the engine? ffmpeg, probe, encoders, folders."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from storyclip_gui.core.ffmpeg.locate import FFmpegNotFound, Toolchain, bundled_toolchain, locate
from storyclip_gui.core.selftest import SubprocessRunner, self_test

HW_H264 = re.compile(r"^\s*V\S*\s+(h264_(?:nvenc|vaapi|qsv|amf|videotoolbox|v4l2m2m|mf|vulkan))\s",
                     re.M)  # fmt: skip


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


def encoder_works(ffmpeg: str, encoder: str) -> bool:
    """Encode a few frames for real: listed encoders often lack their hardware or driver."""
    argv = [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi",
            "-i", "color=size=256x256:rate=30:duration=0.2", "-frames:v", "3",
            "-c:v", encoder, "-f", "null", "-"]  # fmt: skip
    try:
        return _run(argv).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


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
        x264 = encoder_works(tools.ffmpeg, "libx264")
        report.add("libx264", "usable" if x264 else "NOT usable: clips cannot be encoded",
                   ok=x264, fatal=not x264 and not _bundled_passes(tools))  # fmt: skip
        _self_test(report, tools)
        try:
            listed = HW_H264.findall(_run([tools.ffmpeg, "-hide_banner", "-encoders"]).stdout)
        except (OSError, subprocess.TimeoutExpired):
            listed = []
        usable = [name for name in listed if encoder_works(tools.ffmpeg, name)]
        report.add(
            "hardware H.264",
            ", ".join(usable)
            if usable
            else f"none usable ({len(listed)} listed by ffmpeg, none with working hardware)",
        )
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
