"""Engine benchmark: app vs raw ffmpeg, per-clip runs vs the old one pass, exactness, copy path.

Run: python bench/bench_engine.py [--builds bundled,system] [--rounds 2] [--quick]

For each ffmpeg build (`bundled` = imageio-ffmpeg, `system` = ffmpeg on PATH, or a path), in one
run, side by side (the machine is shared: compare ratios, don't trust absolute seconds):
  (1) app wall time / raw ffmpeg re-running the argvs the app used (from `job.commands`),
      on A (60 s 1920x1080 30 fps) and on B (10 s: one clip); target <= 1.03;
  (2) the default pipeline (one ffmpeg run per clip) / the old one-pass design (keyframes
      forced at the boundaries + the segment muxer), raw ffmpeg, on A and on C (600 s
      1280x720); target <= 1 (per-clip no slower than the better of the two);
  (3) exactness of both designs: every clip decoded with PyAV, its frame count minus the
      source frames in its planned range (source frame times demuxed with PyAV, file clock);
  (4) the copy path (`fast_copy`, 1080x1920 H.264 source): x realtime and the real cuts.
Sources are generated once by the bundled build (x264 ultrafast, default GOP) and cached under
the system temp dir. `--quick` uses 20 s and 120 s sources instead of 60 s and 600 s. Each time
is the best of `--rounds`; CPU seconds (user + system, children included) are shown too: they
move much less than wall time when other work shares the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import av
import ffmpeg

from storyclip_gui.app import build_engine, run_headless
from storyclip_gui.config import load_settings
from storyclip_gui.core.ffmpeg.command import GLOBAL_ARGS, _video_graph, build_clip
from storyclip_gui.core.ffmpeg.locate import bundled_toolchain, locate
from storyclip_gui.core.ffmpeg.packets import parse_scan, scan_argv
from storyclip_gui.core.jobs import Job
from storyclip_gui.core.manager import JobSpec
from storyclip_gui.core.options import StoryOptions
from storyclip_gui.core.plan import ClipPlan, frame_cut, plan_clips
from storyclip_gui.core.probe import MediaInfo, parse_ffmpeg_banner
from storyclip_gui.core.selftest import SubprocessRunner, ToolchainGate

OPTIONS = StoryOptions(clip_seconds=15, quality="medium")  # 1080x1920 crop, veryfast CRF 23
COPY_OPTIONS = StoryOptions(clip_seconds=15, fast_copy=True)


# -- measuring -----------------------------------------------------------------------------
@dataclass
class Timing:
    wall: float
    cpu: float  # user + system seconds of this process and its children


def _cpu() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_argvs(argvs: list[list[str]]) -> Timing:
    """Run ffmpeg argvs one after the other, as the app does."""
    wall, cpu = time.perf_counter(), _cpu()
    for argv in argvs:
        subprocess.run(argv, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return Timing(time.perf_counter() - wall, _cpu() - cpu)


def best(timings: list[Timing]) -> Timing:
    return min(timings, key=lambda t: t.wall)


def engine_state() -> str:
    """Which engine was measured: the commit, plus a digest of storyclip_gui/ when it differs."""
    root = Path(__file__).resolve().parents[1]
    git = ["git", "-C", str(root)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()  # fmt: skip
    dirty = subprocess.run([*git, "status", "--porcelain", "storyclip_gui"], capture_output=True,
                           text=True).stdout.split()[1::2]  # fmt: skip
    if not dirty:
        return f"commit {head}"
    digest = hashlib.sha1()
    for path in sorted((root / "storyclip_gui").rglob("*.py")):
        digest.update(path.read_bytes())
    return (f"commit {head} + uncommitted changes to {', '.join(dirty)} "
            f"(storyclip_gui/**/*.py sha1 {digest.hexdigest()[:10]})")  # fmt: skip


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# -- builds and sources --------------------------------------------------------------------
@dataclass
class Build:
    name: str
    ffmpeg: str
    version: str
    data_dir: Path  # one per build: its history and its self-test result


def resolve_build(name: str, work: Path) -> Build:
    if name == "bundled":
        toolchain = bundled_toolchain()
        assert toolchain, "no bundled ffmpeg (pip install imageio-ffmpeg)"
        path = toolchain.ffmpeg
    else:
        path = locate(name).ffmpeg  # "system" = ffmpeg on PATH, or a path
    banner = subprocess.run([path, "-version"], capture_output=True, text=True).stdout
    version = banner.split("\n", 1)[0].split(" Copyright")[0].replace("ffmpeg version ", "")
    return Build(name, path, version, work / f"data-{name}")


def pass_self_test(build: Build, bundled: str) -> str:
    """Run the app's self-test gate now, with the app's cache file, so that no timed job pays
    for it; returns what the gate decided."""
    gate = ToolchainGate(locate(build.ffmpeg), locate(bundled), SubprocessRunner(),
                         build.data_dir / "ffmpeg-checks.json", print)  # fmt: skip
    chosen = asyncio.run(gate.toolchain())
    if chosen.ffmpeg != build.ffmpeg:
        raise SystemExit(f"{build.name}: the app would not use this build: {gate.problem}")
    return "self-test passed" if build.ffmpeg != bundled else "bundled, not self-tested"


def make_source(ffmpeg_path: str, path: Path, seconds: int, size: str) -> Path:
    """x264's default GOP (keyint 250, 8.3 s at 30 fps), as most real files have."""
    if not path.exists():
        part = path.with_suffix(".part.mp4")
        subprocess.run([ffmpeg_path, "-nostdin", "-y", "-f", "lavfi", "-i",
                        f"testsrc2=size={size}:rate=30:duration={seconds}", "-f", "lavfi",
                        "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264",
                        "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                        "-shortest", str(part)], check=True, capture_output=True)  # fmt: skip
        part.rename(path)
    return path


@dataclass
class Prepared:
    """What the engine reads from a source with one build: media, frame times, plan. Times count
    from the first video frame, which is at `origin` on the file's clock (as in the pipeline)."""

    media: MediaInfo
    origin: float
    times: list[float]
    time_base: Fraction
    plans: list[ClipPlan]


def prepare(ffmpeg_path: str, source: Path, options: StoryOptions) -> Prepared:
    """The engine's steps before rendering (pipeline._scan_source and _prepare_outputs)."""
    banner = subprocess.run([ffmpeg_path, "-hide_banner", "-i", str(source)],
                            capture_output=True, text=True).stderr  # fmt: skip
    video = parse_scan(subprocess.run(scan_argv(ffmpeg_path, str(source)),
                                      capture_output=True, check=True).stdout).video  # fmt: skip
    origin = video.start or 0.0
    media = replace(parse_ffmpeg_banner(banner), duration=video.duration)
    times = [t - origin for t in video.times()]
    return Prepared(media, origin, times, video.time_base, plan_clips(video.duration, options))


# -- the two designs -------------------------------------------------------------------------
def per_clip_argvs(ffmpeg_path: str, source: Path, prep: Prepared, out: Path) -> list[list[str]]:
    """The default pipeline: one ffmpeg run per clip (pipeline._render; an MP4 source is
    seeked to the cut itself)."""
    end = prep.media.duration or 0.0
    argvs = []
    for plan in prep.plans:
        start, stop = (frame_cut(prep.times, t, end) if t < end else end
                       for t in (plan.start, plan.end))  # fmt: skip
        argvs.append(build_clip(ffmpeg_path, str(source), prep.origin + start,
                                prep.origin + stop, prep.media, OPTIONS,
                                str(out / f"clip{plan.index:03d}.mp4"), prep.time_base))
    return argvs


def _t(seconds: float) -> str:
    text = f"{seconds:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def one_pass_argv(ffmpeg_path: str, source: Path, prep: Prepared, out: Path) -> list[str]:
    """The old design (build_encode before the per-clip engine): one pass over the source,
    keyframes forced at every clip boundary, the segment muxer cutting there. The filter graph
    is the engine's, so both designs encode the same pictures."""
    clips, media = prep.plans, prep.media
    origin = clips[0].start
    kwargs: dict[str, Any] = {"ss": _t(prep.origin + origin)} if prep.origin + origin > 0 else {}
    if media.duration is None or clips[-1].end < media.duration:
        kwargs["to"] = _t(prep.origin + clips[-1].end)
    inp = ffmpeg.input(str(source), **kwargs)
    streams = [_video_graph(inp["v:0"], media, OPTIONS)]
    q = OPTIONS.quality_settings
    args: dict[str, Any] = {"c:v": "libx264", "preset": q.x264_preset, "crf": q.crf,
                            "profile:v": "high"}  # fmt: skip
    cuts = ",".join(_t(c.start - origin) for c in clips[1:])
    if cuts:
        args["force_key_frames"] = cuts
    if OPTIONS.audio and media.has_audio:
        streams.append(inp["a:0"])
        args.update({"c:a": "aac", "b:a": q.audio_bitrate})
    args["map_metadata"] = -1
    args["f"] = "segment"
    if cuts:
        args["segment_times"] = cuts
        args["segment_time_delta"] = _t(media.frame_duration / 2)
    args.update(segment_start_number=clips[0].index, reset_timestamps=1,
                segment_list=str(out / "list.csv"), segment_list_type="csv",
                segment_format="mp4", segment_format_options="movflags=+faststart")  # fmt: skip
    node = ffmpeg.output(*streams, str(out / "clip%03d.mp4"), **args)
    return [ffmpeg_path, *GLOBAL_ARGS, *ffmpeg.get_args(node)]


# -- the app -----------------------------------------------------------------------------------
def run_app(build: Build, work: Path, tag: str, source: Path, options: StoryOptions):
    settings = load_settings(overrides={"ffmpeg": build.ffmpeg, "output_dir": work / tag,
                                        "temp_dir": work / "tmp",
                                        "data_dir": build.data_dir})  # fmt: skip
    engine = build_engine(settings)

    async def go():
        wall, cpu = time.perf_counter(), _cpu()
        job = engine.manager.submit(JobSpec(str(source), options))
        await engine.manager.wait_until_idle()
        return job, Timing(time.perf_counter() - wall, _cpu() - cpu)

    job, timing = run_headless(go, lambda: None)
    used = {argv[0] for argv in job.commands}
    assert used <= {build.ffmpeg}, f"{build.name}: the app ran {used}"
    return job, timing


def completed(job: Job) -> Job:
    if job.state.value != "completed":
        raise SystemExit(f"the job failed: {job.error}")
    return job


def redirect(argvs: list[list[str]], out: Path) -> list[list[str]]:
    """The app's argvs with their output (the last argument) moved into `out`."""
    assert all(argv[-1].endswith(".part") for argv in argvs), "output is not the last argument"
    return [[*argv[:-1], str(out / f"clip{i:03d}.mp4")] for i, argv in enumerate(argvs, 1)]


# -- exactness (PyAV only: no ffmpeg command line, no storyclip code) ------------------------
def source_frame_times(path: Path) -> list[float]:
    """Shown video frames' times from the first one (as plans count), demuxed with PyAV."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        tb = stream.time_base  # read it while the file is open
        pts = [p.pts for p in container.demux(stream) if p.pts is not None and not p.is_discard]
    pts.sort()
    return [float((p - pts[0]) * tb) for p in pts]


def decoded_frames(path: Path) -> int:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        return sum(1 for _ in container.decode(stream))


def frame_errors(files: list[Path], plans: list[ClipPlan], times: list[float]) -> list[int]:
    """Decoded frames of each clip minus the source frames in its planned range [start, end)."""
    errors = []
    for path, plan in zip(files, plans, strict=False):
        lo = bisect.bisect_left(times, plan.start - 1e-7)
        hi = bisect.bisect_left(times, plan.end - 1e-7)
        errors.append(decoded_frames(path) - (hi - lo))
    return errors


def exactness(files: list[Path], plans: list[ClipPlan], times: list[float]) -> str:
    errors = frame_errors(files, plans, times)
    text = " ".join(f"{e:+d}" for e in errors)
    if len(files) != len(plans):
        counts = ",".join(str(decoded_frames(f)) for f in files)
        text = (f"{len(files)} files for {len(plans)} planned (frames {counts}); "
                f"first {len(errors)} vs plan: {text}")  # fmt: skip
    return f"{text}  (max |error| {max(map(abs, errors), default=0)})"


# -- one round -----------------------------------------------------------------------------
@dataclass
class Results:
    timings: dict[str, list[Timing]] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)
    cuts: dict[str, str] = field(default_factory=dict)
    argvs: dict[tuple[str, str], list[list[str]]] = field(default_factory=dict)

    def add(self, key: str, timing: Timing) -> None:
        self.timings.setdefault(key, []).append(timing)

    def last(self, build: str, source: str, method: str) -> float:
        return self.timings[f"{build}/{source}/{method}"][-1].wall


@dataclass
class Source:
    label: str
    path: Path
    seconds: int
    size: str
    times: list[float]  # shown frames, demuxed with PyAV
    plans: list[ClipPlan]


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def round_for(build: Build, sources: dict[str, Source], vertical: Path, work: Path,
              r: int, res: Results) -> None:  # fmt: skip
    """Everything for one build, once. Odd rounds run the methods in the reverse order (against
    drifting load). Exactness is checked on the first round's files."""
    name, first, flip = build.name, r == 0, r % 2 == 1
    line: list[str] = []
    checking = 0.0  # seconds spent decoding clips for (3)

    def one_pass(key: str, prep: Prepared, out: Path) -> None:
        argv = one_pass_argv(build.ffmpeg, sources[key].path, prep, out)
        res.add(f"{name}/{key}/one-pass", run_argvs([argv]))

    # A and B: (1) the app, then raw ffmpeg on its argvs; (2) those raw runs vs one pass
    for key in ("A", "B"):
        src = sources[key]
        prep = prepare(build.ffmpeg, src.path, OPTIONS)
        app, raw, one = (fresh(work / f"{name}-{key}-{m}") for m in ("app", "raw", "one"))
        if flip:  # the argvs the app used in the first round (outputs are moved anyway)
            one_pass(key, prep, one)
            res.add(f"{name}/{key}/per-clip", run_argvs(redirect(res.argvs[name, key], raw)))
        job, timing = run_app(build, work, app.name, src.path, OPTIONS)
        completed(job)
        res.add(f"{name}/{key}/app", timing)
        res.argvs[name, key] = job.commands
        if not flip:
            res.add(f"{name}/{key}/per-clip", run_argvs(redirect(job.commands, raw)))
            one_pass(key, prep, one)
        if redirect(job.commands, raw) != per_clip_argvs(build.ffmpeg, src.path, prep, raw):
            print(f"  note: {name} {key}: the app's argvs differ from per_clip_argvs()")
        if first:
            began = time.perf_counter()
            clips = [Path(c.path) for c in sorted(job.clips, key=lambda c: c.index)]
            res.exact[f"{name}/{key}/per-clip"] = exactness(clips, prep.plans, src.times)
            res.exact[f"{name}/{key}/one-pass"] = exactness(
                sorted(one.glob("clip*.mp4")), prep.plans, src.times
            )
            checking += time.perf_counter() - began
        for folder in (app, raw, one):
            shutil.rmtree(folder)
        line.append(f"{key}: app {res.last(name, key, 'app'):.1f} s, raw "
                    f"{res.last(name, key, 'per-clip'):.1f} s, one-pass "
                    f"{res.last(name, key, 'one-pass'):.1f} s")  # fmt: skip

    # C: (2) raw per-clip runs (argvs from the engine's own functions) vs raw one pass
    src = sources["C"]
    prep = prepare(build.ffmpeg, src.path, OPTIONS)
    per, one = fresh(work / f"{name}-C-per"), fresh(work / f"{name}-C-one")
    if flip:
        one_pass("C", prep, one)
    res.add(f"{name}/C/per-clip", run_argvs(per_clip_argvs(build.ffmpeg, src.path, prep, per)))
    if not flip:
        one_pass("C", prep, one)
    if first:
        began = time.perf_counter()
        for method, folder in (("per-clip", per), ("one-pass", one)):
            res.exact[f"{name}/C/{method}"] = exactness(
                sorted(folder.glob("clip*.mp4")), prep.plans, src.times
            )
        checking += time.perf_counter() - began
    shutil.rmtree(per), shutil.rmtree(one)
    line.append(f"C: per-clip {res.last(name, 'C', 'per-clip'):.1f} s, one-pass "
                f"{res.last(name, 'C', 'one-pass'):.1f} s")  # fmt: skip

    # (4) the copy path
    job, timing = run_app(build, work, f"{name}-copy", vertical, COPY_OPTIONS)
    res.add(f"{name}/copy", timing)
    res.cuts[name] = ", ".join(f"{c.start:.2f}-{c.end:.2f}" for c in job.clips)
    if job.state.value != "completed":  # a failed job's clips are its plan, not real cuts
        res.cuts[name] = f"FAILED: {job.error.message} (planned cuts: {res.cuts[name]})"
    shutil.rmtree(work / f"{name}-copy")
    line.append(f"copy {timing.wall:.2f} s" + f" (exactness decoding {checking:.0f} s)" * first)
    print(f"round {r + 1} {name:8}", "; ".join(line), f"[load {loadavg()}]", flush=True)


# -- report ----------------------------------------------------------------------------------
def ratio(res: Results, build: str, key: str, num: str, den: str) -> str:
    a = best(res.timings[f"{build}/{key}/{num}"])
    b = best(res.timings[f"{build}/{key}/{den}"])
    return (f"{a.wall / b.wall:.3f} ({a.wall:.2f} / {b.wall:.2f} s; "
            f"CPU {a.cpu / b.cpu:.3f})")  # fmt: skip


def report(res: Results, builds: list[Build], sources: dict[str, Source], copy_seconds: int):
    a, b, c = sources["A"], sources["B"], sources["C"]
    print("\n(1) app wall / raw ffmpeg, the same argvs (target <= 1.03; the app adds probe, "
          "packet scans of source and clips, renames, manifest)")  # fmt: skip
    for build in builds:
        print(f"  {build.name:8} A {a.seconds} s, {len(a.plans)} clips: "
              f"{ratio(res, build.name, 'A', 'app', 'per-clip')}")  # fmt: skip
        print(f"  {'':8} B {b.seconds} s, 1 clip:   "
              f"{ratio(res, build.name, 'B', 'app', 'per-clip')}")  # fmt: skip
    print("\n(2) per-clip runs / one pass, raw ffmpeg (target <= 1: per-clip no slower)")
    for build in builds:
        for src in (a, c):
            what = f"{src.label} {src.seconds} s {src.size}, {len(src.plans)} clips"
            print(f"  {build.name:8} {what}: "
                  f"{ratio(res, build.name, src.label, 'per-clip', 'one-pass')}")  # fmt: skip
    print("\n(3) decoded frames per clip (PyAV) minus source frames in the planned range")
    for build in builds:
        for src in (a, b, c):
            for method in ("per-clip", "one-pass"):
                print(f"  {build.name:8} {src.label} {method:8} "
                      f"{res.exact[f'{build.name}/{src.label}/{method}']}")  # fmt: skip
    print(f"\n(4) copy path (fast_copy, 1080x1920 H.264 {copy_seconds} s source)")
    for build in builds:
        t, cuts = best(res.timings[f"{build.name}/copy"]), res.cuts[build.name]
        if cuts.startswith("FAILED"):
            print(f"  {build.name:8} job {cuts} after {t.wall:.2f} s")
        else:
            print(f"  {build.name:8} {copy_seconds / t.wall:.0f}x realtime ({t.wall:.2f} s); "
                  f"cuts (s): {cuts}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--builds", default="bundled,system")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="20 s and 120 s sources")
    args = parser.parse_args()
    started, load_start = time.perf_counter(), loadavg()
    work = Path(tempfile.mkdtemp(prefix="storyclip-bench-"))
    cache = Path(tempfile.gettempdir()) / "storyclip-bench-media"
    cache.mkdir(exist_ok=True)
    bundled = bundled_toolchain()
    assert bundled, "no bundled ffmpeg (pip install imageio-ffmpeg)"
    builds = [resolve_build(name.strip(), work) for name in args.builds.split(",")]
    long_a, long_c = (20, 120) if args.quick else (60, 600)
    specs = {"A": (long_a, "1920x1080"), "B": (10, "1920x1080"), "C": (long_c, "1280x720")}
    sources: dict[str, Source] = {}
    for label, (seconds, size) in specs.items():
        path = make_source(bundled.ffmpeg, cache / f"src{seconds}_{size}_g250.mp4", seconds, size)
        plans = prepare(bundled.ffmpeg, path, OPTIONS).plans
        sources[label] = Source(label, path, seconds, size, source_frame_times(path), plans)
    vertical = make_source(bundled.ffmpeg, cache / f"src{long_a}_1080x1920_g250.mp4", long_a,
                           "1080x1920")  # fmt: skip

    print(f"StoryClip engine bench, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"best of {args.rounds} round(s){' (quick)' if args.quick else ''}")  # fmt: skip
    print(f"load average at start: {load_start}")
    print(f"engine: {engine_state()}")
    for build in builds:
        print(f"build {build.name}: ffmpeg {build.version} ({build.ffmpeg}; "
              f"{pass_self_test(build, bundled.ffmpeg)})")  # fmt: skip
    for src in sources.values():
        print(f"source {src.label}: {src.seconds} s {src.size} 30 fps H.264 (ultrafast, keyint "
              f"250) + AAC, {len(src.times)} frames -> {len(src.plans)} clip(s) of "
              f"{OPTIONS.clip_seconds:g} s")  # fmt: skip
    print(f"clips: {OPTIONS.size} crop, x264 veryfast CRF 23, AAC 128k; copy source: "
          f"{long_a} s 1080x1920\n")  # fmt: skip

    res = Results()
    for r in range(args.rounds):
        for build in builds:
            round_for(build, sources, vertical, work, r, res)
    report(res, builds, sources, long_a)
    shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at end: {loadavg()}; bench took "
          f"{(time.perf_counter() - started) / 60:.1f} min")  # fmt: skip


if __name__ == "__main__":
    main()
