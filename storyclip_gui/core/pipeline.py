"""One job's work, start to end: check → probe → plan → render → verify → manifest.

Progress reported here is read from ffmpeg (`out_time`, `speed`, `fps`) and from the clips
actually closed and verified on disk; nothing is estimated from wall time alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyclip_gui import __version__
from storyclip_gui.core import naming
from storyclip_gui.core.ffmpeg.command import (
    SegmentRun,
    build_run,
    contiguous_runs,
    parse_segment_list,
)
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure, classify
from storyclip_gui.core.ffmpeg.locate import Toolchain
from storyclip_gui.core.ffmpeg.progress import ProgressParser, ProgressUpdate
from storyclip_gui.core.jobs import Clip, ClipState, Job, Phase
from storyclip_gui.core.plan import ClipPlan, PlanError, plan_clips
from storyclip_gui.core.ports import ProcessOutcome, Runner
from storyclip_gui.core.probe import (
    MediaInfo,
    ProbeError,
    ffmpeg_probe_argv,
    ffprobe_argv,
    parse_ffmpeg_banner,
    parse_ffprobe_json,
)

MAX_PIXELS = 8192 * 8192
# The container duration ffmpeg prints is rounded to 10 ms; allow that on top of one frame.
DURATION_ROUNDING = 0.011


@dataclass(frozen=True)
class PipelineConfig:
    runner: Runner
    toolchain: Toolchain
    temp_root: Path
    stall_timeout: float | None = 60.0


@dataclass
class PipelineHooks:
    """How the pipeline tells its manager what happened (the manager stores and publishes)."""

    progress: Callable[[Job], None]
    clip_verified: Callable[[Job, Clip], None]
    process_started: Callable[[Job, int | None], None]
    ffmpeg_output: Callable[[Job, bytes], None] = lambda job, data: None  # stderr, live


async def probe_media(runner: Runner, toolchain: Toolchain, path: str) -> MediaInfo:
    """Probe with ffprobe when installed, else parse `ffmpeg -i`; measure the duration by
    reading the video through when the container does not declare it."""
    if toolchain.ffprobe:
        out = bytearray()
        outcome = await runner.run(ffprobe_argv(toolchain.ffprobe, path), on_stdout=out.extend)
        _check_started(outcome)
        if not outcome.ok:
            raise ProbeError(_probe_failure_message(outcome.stderr_tail))
        media = parse_ffprobe_json(out.decode("utf-8", "replace"))
    else:
        outcome = await runner.run(ffmpeg_probe_argv(toolchain.ffmpeg, path))
        _check_started(outcome)
        media = parse_ffmpeg_banner(outcome.stderr_tail)
    if media.has_video and media.duration is None:
        media = await _measure_duration(runner, toolchain, path, media)
    return media


def _check_started(outcome: ProcessOutcome) -> None:
    """A prober that cannot start is a broken setup, not a bad file: say so, for every job."""
    if outcome.start_error:
        raise _fail(ErrorCode.ENCODER_UNAVAILABLE, f"ffmpeg could not be started: "
                    f"{outcome.start_error}. Check the ffmpeg setting (storyclip doctor).")


def _probe_failure_message(stderr: str) -> str:
    try:
        parse_ffmpeg_banner(stderr)
    except ProbeError as exc:
        return str(exc)
    return "The file could not be probed."


async def _measure_duration(
    runner: Runner, toolchain: Toolchain, path: str, media: MediaInfo
) -> MediaInfo:
    parser = ProgressParser()
    last: list[float] = []

    def feed(data: bytes) -> None:
        last.extend(u.out_time for u in parser.feed(data) if u.out_time is not None)

    argv = [toolchain.ffmpeg, "-nostdin", "-hide_banner", "-progress", "pipe:1", "-nostats",
            "-i", path, "-map", "0:v:0", "-c", "copy", "-f", "null", "-"]  # fmt: skip
    outcome = await runner.run(argv, on_stdout=feed)
    if not outcome.ok or not last:
        return media
    return MediaInfo(**{**media.__dict__, "duration": max(last)})


def check_source(path: str) -> None:
    """Fail fast, with a message naming the problem, before any process is started."""
    name = os.path.basename(path) or path
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' does not exist (was it moved?).") from None
    except OSError as exc:
        raise _fail(
            ErrorCode.INVALID_INPUT, f"'{name}' cannot be opened: {exc.strerror}."
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' is a folder, not a video file.")
    if not stat.S_ISREG(st.st_mode):
        raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' is not a regular file.")
    if st.st_size == 0:
        raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' is empty (0 bytes).")
    if not os.access(path, os.R_OK):
        raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' cannot be read (permission denied).")


def _fail(code: ErrorCode, message: str, detail: str = "") -> JobFailure:
    return JobFailure(JobError(code, message, detail))


class JobPipeline:
    """Runs one job. Raises JobFailure for a classified failure; CancelledError propagates
    after temporary files are removed. Verified clips are kept for resume."""

    def __init__(self, job: Job, config: PipelineConfig, hooks: PipelineHooks) -> None:
        self.job = job
        self.config = config
        self.hooks = hooks
        self._verify_lock = asyncio.Lock()
        self._verify_tasks: list[asyncio.Task[None]] = []
        self._pending_seconds = 0.0
        self._done_seconds = 0.0
        self._run_out_time = 0.0
        self._unrecorded: list[Clip] = []  # final files of an earlier attempt, not yet trusted
        self._own_earlier: dict[int, str] = {}  # fast-copy re-cut: index → its earlier file

    # -- reporting -----------------------------------------------------------------------
    def _report(self, progress: float, phase: Phase, message: str) -> None:
        job = self.job
        job.progress = max(0.0, min(100.0, progress))
        job.phase = phase
        job.message = message
        self.hooks.progress(job)

    def _generated_message(self) -> str:
        # counts clips that are done (verified, under their final name), like every view does
        return f"Generated {self.job.clips_verified} of {self.job.clips_total} clips"

    # -- the steps -------------------------------------------------------------------------
    async def run(self) -> None:
        job = self.job
        self._report(0, Phase.STARTING, "Starting video processing...")
        check_source(job.source)
        try:
            media = await probe_media(self.config.runner, self.config.toolchain, job.source)
        except ProbeError as exc:
            name = os.path.basename(job.source)
            raise _fail(ErrorCode.INVALID_INPUT, f"{name}: {exc}") from None
        self._check_media(media)
        job.media = media
        self._report(10, Phase.PREPARING, "Processing video files...")
        job_dir = self._prepare_outputs(media)
        await self._check_unrecorded()
        try:
            await self._render(job_dir, media)
            await self._finish_verification()
        finally:
            for task in self._verify_tasks:
                task.cancel()
            self._remove_temp_files(job_dir)
        self._write_manifest(job_dir)
        job.eta_seconds = None
        self._report(100, Phase.DONE, "Video processing completed")

    def _check_media(self, media: MediaInfo) -> None:
        name = os.path.basename(self.job.source)
        if not media.has_video:
            what = "only audio" if media.has_audio else "no video"
            raise _fail(ErrorCode.NO_VIDEO_STREAM, f"'{name}' has {what}: nothing to cut into "
                        "story clips.")  # fmt: skip
        if _is_still_image(media):
            raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' is a still image, not a video.")
        if media.width <= 0 or media.height <= 0:
            raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' declares no picture size.")
        if media.width * media.height > MAX_PIXELS:
            raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' declares {media.width}x{media.height} "
                        "pixels, more than any real video; it is probably damaged.")  # fmt: skip
        if not media.duration or media.duration <= 0:
            raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' has no measurable duration.")

    def _prepare_outputs(self, media: MediaInfo) -> Path:
        job = self.job
        try:
            plans = plan_clips(media.duration or 0.0, job.options)
        except PlanError as exc:
            raise _fail(ErrorCode.INVALID_INPUT, str(exc)) from None
        if job.output_dir is None:
            try:
                job_dir = naming.reserve_job_dir(Path(job.output_root), job.source)
            except OSError as exc:
                raise _fail(_os_error_code(exc), f"The output folder cannot be created: "
                            f"{exc.strerror} ({job.output_root}).") from None  # fmt: skip
            job.output_dir = str(job_dir)
        job_dir = Path(job.output_dir)
        job_dir.mkdir(parents=True, exist_ok=True)
        self._remove_temp_files(job_dir)
        job.clips = self._merge_plan(plans, job_dir)
        return job_dir

    def _merge_plan(self, plans: list[ClipPlan], job_dir: Path) -> list[Clip]:
        """Keep clips verified earlier whose files are still there, unchanged; plan the rest.

        A clip of an earlier attempt whose file is under its final name but is not recorded as
        verified (the app stopped between the rename and the database commit), or whose size
        changed (a power cut), is re-verified by `_check_unrecorded` instead of rendered again
        under a second name.
        """
        resumable = not self.job.options.fast_copy  # copy cuts snap to keyframes: redo all
        earlier = {c.index: c for c in self.job.clips} if resumable else {}
        # a re-cut copy job writes over its own earlier clips instead of beside them as "(2)"
        self._own_earlier = {
            c.index: c.path
            for c in self.job.clips
            if not resumable and Path(c.path).parent == job_dir
        }
        kept = {i: c for i, c in earlier.items()
                if c.state is ClipState.VERIFIED and _same_file(c)}  # fmt: skip
        stem = naming.safe_stem(self.job.source)
        taken = {Path(c.path) for c in kept.values()}
        clips: list[Clip] = []
        self._unrecorded = []
        for plan in plans:
            old = earlier.get(plan.index)
            same_range = old is not None and (old.start, old.end) == (plan.start, plan.end)
            if old is not None and same_range and plan.index in kept:
                clips.append(old)
                continue
            name = naming.clip_filename(self.job.options.name_template, stem, plan)
            if (old is not None and same_range and Path(old.path).parent == job_dir
                    and Path(old.path).is_file() and Path(old.path) not in taken):
                clip = Clip(plan.index, plan.start, plan.end, old.path)
                self._unrecorded.append(clip)
                taken.add(Path(old.path))
                clips.append(clip)
                continue
            own = self._own_earlier.get(plan.index)
            path = Path(own) if own else naming.unique_path(job_dir / name, taken)
            taken.add(path)
            clips.append(Clip(plan.index, plan.start, plan.end, str(path)))
        return clips

    async def _check_unrecorded(self) -> None:
        """Verify final-named files an earlier attempt left unrecorded: adopt each that passes
        (it was renamed into place only after passing once); plan a fresh name for the rest."""
        job = self.job
        for clip in self._unrecorded:
            path = Path(clip.path)
            try:
                media = await probe_media(self.config.runner, self.config.toolchain, str(path))
                problem = self._clip_problem(media, clip.end - clip.start, path)
            except (ProbeError, OSError) as exc:
                problem = str(exc)
            if problem is None:
                clip.duration = round(media.duration or 0.0, 3)
                clip.width, clip.height = media.display_size
                clip.size = path.stat().st_size
                clip.state = ClipState.VERIFIED
                self.hooks.clip_verified(job, clip)
            else:
                taken = {Path(c.path) for c in job.clips}
                clip.path = str(naming.unique_path(path, taken))
        self._unrecorded = []

    async def _render(self, job_dir: Path, media: MediaInfo) -> None:
        job = self.job
        pending = [c for c in job.clips if c.state is not ClipState.VERIFIED]
        self._pending_seconds = sum(c.end - c.start for c in pending) or 1.0
        self._report(30, Phase.GENERATING, self._generated_message())
        temp_dir = self.config.temp_root / job.id
        temp_dir.mkdir(parents=True, exist_ok=True)
        plans = [ClipPlan(c.index, c.start, c.end) for c in pending]
        for run_clips in contiguous_runs(plans):
            segment_list = temp_dir / f"segments-{run_clips[0].index:03d}.csv"
            segment_list.unlink(missing_ok=True)
            run = build_run(
                self.config.toolchain.ffmpeg,
                job.source,
                run_clips,
                media,
                job.options,
                naming.temp_clip_pattern(job_dir, job.id),
                segment_list,
            )
            job.commands.append(run.argv)
            await self._run_segments(run, job_dir)
            self._done_seconds += run.duration
        with contextlib.suppress(OSError):
            for leftover in temp_dir.iterdir():
                leftover.unlink()
            temp_dir.rmdir()

    async def _run_segments(self, run: SegmentRun, job_dir: Path) -> None:
        parser = ProgressParser()
        seen_rows = 0
        self._run_out_time = 0.0

        def on_stdout(data: bytes) -> None:
            nonlocal seen_rows
            updates = parser.feed(data)
            if not updates:
                return
            rows = self._read_segment_list(run)
            # The last listed row may still be open only while ffmpeg runs; rows listed are
            # closed files (the muxer writes a row after closing the segment).
            for row in rows[seen_rows:]:
                self._segment_closed(run, row, job_dir)
            seen_rows = len(rows)
            self._on_progress(run, updates[-1])

        outcome = await self.config.runner.run(
            run.argv,
            on_stdout=on_stdout,
            on_started=lambda pid: self.hooks.process_started(self.job, pid),
            stall_timeout=self.config.stall_timeout,
            on_stderr=lambda data: self.hooks.ffmpeg_output(self.job, data),
        )
        self.hooks.process_started(self.job, None)
        if not outcome.ok:
            raise JobFailure(self._classify(outcome))
        rows = self._read_segment_list(run)
        for row in rows[seen_rows:]:
            self._segment_closed(run, row, job_dir)
        if run.copy:
            self._adopt_copy_cuts(run, rows)
        elif len(rows) != len(run.clips):
            name = os.path.basename(self.job.source)
            raise _fail(ErrorCode.VERIFICATION_FAILED, f"'{name}' ended early: ffmpeg wrote "
                        f"{len(rows)} of {len(run.clips)} planned clips (is the file incomplete "
                        "or damaged?).", outcome.stderr_tail)  # fmt: skip

    def _classify(self, outcome: ProcessOutcome) -> JobError:
        if outcome.stalled:
            timeout = self.config.stall_timeout
            return JobError(ErrorCode.STALLED, f"ffmpeg made no progress for {timeout:g} s and "
                            "was stopped.", outcome.stderr_tail)  # fmt: skip
        if outcome.start_error:
            return JobError(ErrorCode.ENCODER_UNAVAILABLE,
                            f"ffmpeg could not be started: {outcome.start_error}")  # fmt: skip
        return classify(outcome.exit_code, outcome.crashed, outcome.stderr_tail)

    def _read_segment_list(self, run: SegmentRun) -> list[tuple[str, float, float]]:
        try:
            text = run.segment_list.read_text("utf-8", "replace")
        except FileNotFoundError:
            return []
        complete, _, _ = text.rpartition("\n")  # ignore a half-written last line
        return parse_segment_list(complete)

    def _segment_closed(
        self, run: SegmentRun, row: tuple[str, float, float], job_dir: Path
    ) -> None:
        name, start, end = row
        index = _segment_index(name)
        clip = next((c for c in self.job.clips if c.index == index), None)
        if clip is None:
            return
        if run.copy:  # report where the cut really landed
            clip.start, clip.end = round(run.start + start, 6), round(run.start + end, 6)
        expected = end - start if run.copy else clip.end - clip.start
        temp = job_dir / name
        self._verify_tasks.append(asyncio.ensure_future(self._verify(clip, temp, expected)))

    def _adopt_copy_cuts(self, run: SegmentRun, rows: list[tuple[str, float, float]]) -> None:
        """Keyframe-snapped cuts can merge planned clips: the clip list follows what was cut."""
        written = {_segment_index(name) for name, _, _ in rows}
        self.job.clips = [c for c in self.job.clips if c.index in written or
                          c.index not in {p.index for p in run.clips}]  # fmt: skip

    def _on_progress(self, run: SegmentRun, update: ProgressUpdate) -> None:
        job = self.job
        # ffmpeg says N/A (or a smaller time for an interleaved stream) now and then: progress
        # only moves forward.
        self._run_out_time = max(self._run_out_time, min(update.out_time or 0.0, run.duration))
        done = self._done_seconds + self._run_out_time
        fraction = min(1.0, done / self._pending_seconds)
        job.speed = update.speed
        job.fps = update.fps
        if update.speed and update.speed > 0:
            job.eta_seconds = round((self._pending_seconds - done) / update.speed, 1)
        self._report(30 + 50 * fraction, Phase.GENERATING, self._generated_message())

    async def _verify(self, clip: Clip, temp: Path, expected: float) -> None:
        async with self._verify_lock:
            media = await probe_media(self.config.runner, self.config.toolchain, str(temp))
            problem = self._clip_problem(media, expected, temp)
            if problem:
                clip.state = ClipState.FAILED
                raise _fail(ErrorCode.VERIFICATION_FAILED, f"Clip {clip.index}: {problem}")
            final = Path(clip.path)
            own = self._own_earlier.get(clip.index) == clip.path
            if final.exists() and not own:  # appeared since planning: never overwrite
                final = naming.unique_path(final)
                clip.path = str(final)
            os.replace(temp, final)
            clip.duration = round(media.duration or 0.0, 3)
            clip.width, clip.height = media.display_size
            clip.size = final.stat().st_size
            clip.state = ClipState.VERIFIED
            if self.job.phase is Phase.GENERATING:
                self.job.message = self._generated_message()
            self.hooks.clip_verified(self.job, clip)

    def _clip_problem(self, media: MediaInfo, expected: float, temp: Path) -> str | None:
        options = self.job.options
        if not media.has_video:
            return "the written file has no video."
        if media.display_size != (options.width, options.height):
            w, h = media.display_size
            return f"it is {w}x{h}, not {options.size}."
        source = self.job.media
        tolerance = (source.frame_duration if source else 1 / 30) + DURATION_ROUNDING
        if media.duration is None or abs(media.duration - expected) > tolerance:
            return f"it lasts {media.duration} s where {expected:.3f} s were planned."
        if options.audio and source and source.has_audio and not media.has_audio:
            return "the source has sound but the clip has none."
        if temp.stat().st_size == 0:
            return "the written file is empty."
        return None

    async def _finish_verification(self) -> None:
        total = self.job.clips_total or 1
        for task in list(self._verify_tasks):
            await task
            self._report(
                80 + 20 * self.job.clips_verified / total * 0.95,
                Phase.FINALIZING,
                f"Verified {self.job.clips_verified} of {self.job.clips_total} clips",
            )
        missing = [c.index for c in self.job.clips if c.state is not ClipState.VERIFIED]
        if missing:
            raise _fail(ErrorCode.VERIFICATION_FAILED, f"Clips {missing} were not written.")

    def _remove_temp_files(self, job_dir: Path) -> None:
        with contextlib.suppress(OSError):
            for path in job_dir.iterdir():
                if naming.is_temp_of(path, self.job.id):
                    path.unlink(missing_ok=True)

    def _write_manifest(self, job_dir: Path) -> None:
        job = self.job
        manifest = {
            "app": f"StoryClip Studio {__version__}",
            "jobId": job.id,
            "source": job.source,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(job.created_at)),
            "options": job.options.to_dict(),
            "commands": job.commands,
            "clips": [
                {
                    "index": c.index,
                    "path": os.path.basename(c.path),
                    "start": c.start,
                    "end": c.end,
                    "duration": c.duration,
                    "width": c.width,
                    "height": c.height,
                    "size": c.size,
                }
                for c in job.clips
            ],
        }
        target = job_dir / "manifest.json"
        temp = job_dir / f".{job.id}.manifest.part"
        try:
            temp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
            os.replace(temp, target)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise _fail(_os_error_code(exc), f"manifest.json could not be written: "
                        f"{exc.strerror}.") from None  # fmt: skip


def _is_still_image(media: MediaInfo) -> bool:
    """ffmpeg reads a picture as a one-frame video; its demuxer names give it away."""
    fmt = media.format_name or ""
    return fmt == "image2" or fmt.endswith("_pipe")


def _same_file(clip: Clip) -> bool:
    """The verified clip's file is still there with the size it had when verified."""
    try:
        size = Path(clip.path).stat().st_size
    except OSError:
        return False
    return clip.size is None or size == clip.size


def _segment_index(name: str) -> int:
    """'.<job>.007.part' → 7."""
    try:
        return int(name.rsplit(".", 2)[-2])
    except (ValueError, IndexError):
        return -1


def _os_error_code(exc: OSError) -> ErrorCode:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ErrorCode.DISK_FULL
    return ErrorCode.INVALID_INPUT
