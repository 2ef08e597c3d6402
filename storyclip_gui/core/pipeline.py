"""One job's work, start to end: check → probe → scan → plan → render and verify each clip →
manifest.

Progress reported here is read from ffmpeg (`out_time`, `speed`, `fps`) and from the clips
actually closed and verified on disk; nothing is estimated from wall time alone.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import itertools
import json
import os
import shutil
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyclip_gui import __version__
from storyclip_gui.core import naming
from storyclip_gui.core.analysis import (
    AnalysisParser,
    SourceAnalysis,
    analysis_argv,
    params_key,
    source_fingerprint,
)
from storyclip_gui.core.encoder_detect import choose, detect
from storyclip_gui.core.executor import (
    ClipCallbacks,
    ClipExecutor,
    ClipProgress,
    ClipRun,
    ExecutorUnavailable,
    LocalClipExecutor,
)
from storyclip_gui.core.ffmpeg.command import (
    MAX_FPS,
    SegmentRun,
    build_clip,
    build_copy,
    can_copy,
    copy_refusal,
    parse_segment_list,
)
from storyclip_gui.core.ffmpeg.encoders import X264, failure_line
from storyclip_gui.core.ffmpeg.errors import ErrorCode, JobError, JobFailure, classify
from storyclip_gui.core.ffmpeg.locate import Toolchain
from storyclip_gui.core.ffmpeg.packets import PacketParser, PacketScan, scan_argv
from storyclip_gui.core.ffmpeg.progress import ProgressParser, ProgressUpdate
from storyclip_gui.core.framing import (
    CropPath,
    FrameSample,
    SampleParser,
    build_path,
    crop_half_width,
    crop_x_expression,
    framing_params,
)
from storyclip_gui.core.framing_worker import python_command, worker_argv
from storyclip_gui.core.jobs import Clip, ClipState, Job, Phase
from storyclip_gui.core.options import Cuts, EncoderChoice, Layout
from storyclip_gui.core.plan import (
    ClipPlan,
    PlanError,
    floor_us,
    frame_cut,
    keyframe_plan,
    plan_clips,
)
from storyclip_gui.core.ports import AnalysisCache, ProcessOutcome, Runner
from storyclip_gui.core.presets import rules_for
from storyclip_gui.core.probe import (
    MediaInfo,
    ProbeError,
    ffmpeg_probe_argv,
    ffprobe_argv,
    parse_ffmpeg_banner,
    parse_ffprobe_json,
)
from storyclip_gui.core.qc import (
    ClipMeasures,
    evaluate,
    loudness_argv,
    loudnorm_filter,
    loudnorm_measure_argv,
    parse_ebur128,
    parse_loudnorm,
)
from storyclip_gui.core.smart_cuts import smart_plan
from storyclip_gui.core.sources import file_identity, file_problem
from storyclip_gui.core.verify import Expected, clip_problem

MAX_PIXELS = 8192 * 8192
# clips rendering side by side (a cluster) report progress at most this often per job: every
# worker sends two blocks a second, and each report publishes the whole job
CLIP_REPORT_INTERVAL = 0.1
# containers whose demuxer seeks to a time exactly (an index of every keyframe)
EXACT_SEEK_FORMATS = frozenset({"mov", "matroska", "avi"})
# what ffmpeg's decoders say about a damaged stream (lower case)
DECODE_ERRORS = ("error while decoding", "concealing", "corrupt", "invalid nal", "no frame!",
                 "non-intra slice in an idr")


@dataclass(frozen=True)
class PipelineConfig:
    runner: Runner
    toolchain: Toolchain
    temp_root: Path
    stall_timeout: float | None = 60.0
    # which build to use, decided once (core.selftest.ToolchainGate); None: `toolchain`
    choose_toolchain: Callable[[], Awaitable[Toolchain]] | None = None
    # smart cuts: analyses kept by source fingerprint (None: analyse every time)
    analysis_cache: AnalysisCache | None = None
    # where each clip's ffmpeg runs (core.executor); None: the runner, one clip at a time
    executor: ClipExecutor | None = None


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
            raise ProbeError(_probe_failure_message(outcome.stderr_tail, path))
        media = parse_ffprobe_json(out.decode("utf-8", "replace"))
    else:
        outcome = await runner.run(ffmpeg_probe_argv(toolchain.ffmpeg, path))
        _check_started(outcome)
        media = parse_ffmpeg_banner(outcome.stderr_tail)
    return media


def _check_started(outcome: ProcessOutcome) -> None:
    """A prober that cannot start is a broken setup, not a bad file: say so, for every job."""
    if outcome.start_error:
        raise _fail(ErrorCode.ENCODER_UNAVAILABLE, f"ffmpeg could not be started: "
                    f"{outcome.start_error}. Check the ffmpeg setting (storyclip doctor).")


def _probe_failure_message(stderr: str, path: str) -> str:
    if "moov atom not found" in stderr and not _looks_like_mp4(path):
        # older ffmpeg picks the MP4 reader by the name: this is no MP4 at all
        return "This is not a video file (its contents match no media format)."
    try:
        parse_ffmpeg_banner(stderr)
    except ProbeError as exc:
        return str(exc)
    return "The file could not be probed."


def _looks_like_mp4(path: str) -> bool:
    """An MP4/MOV file starts with a box whose type is one of these (bytes 4-8)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return True
    return head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip", b"pnot")


async def scan_packets(
    runner: Runner,
    toolchain: Toolchain,
    path: str,
    on_progress: Callable[[float], None] | None = None,
) -> tuple[PacketScan, ProcessOutcome]:
    """List the file's video and audio packets; `on_progress` gets the seconds read so far.
    Without decoding, unless the packets carry no presentation times (then the decoder's
    timestamps are the ones any cut will see)."""
    for decode in (False, True):
        parser = PacketParser()

        def feed(data: bytes, parser: PacketParser = parser) -> None:
            parser.feed(data)
            if on_progress:
                on_progress(parser.last_seconds)

        outcome = await runner.run(scan_argv(toolchain.ffmpeg, path, decode=decode),
                                   on_stdout=feed)  # fmt: skip
        _check_started(outcome)
        scan = parser.finish()
        if not parser.missing_pts:
            break
    return scan, outcome


def check_source(path: str) -> None:
    """Fail fast, with a message naming the problem, before any process is started (the
    intake's file rule again: the file may have changed since the job was queued)."""
    problem = file_problem(path)
    if problem is not None:
        raise _fail(ErrorCode.INVALID_INPUT, problem.message)


def _fail(code: ErrorCode, message: str, detail: str = "") -> JobFailure:
    return JobFailure(JobError(code, message, detail))


class JobPipeline:
    """Runs one job. Raises JobFailure for a classified failure; CancelledError propagates
    after temporary files are removed. Verified clips are kept for resume."""

    def __init__(self, job: Job, config: PipelineConfig, hooks: PipelineHooks) -> None:
        self.job = job
        self.config = config
        self.hooks = hooks
        self.toolchain = config.toolchain
        self.scan: PacketScan | None = None
        self._origin = 0.0  # the first video frame's time on the file's clock
        self._times: list[float] = []  # the source's video frame times from the first one
        self._keyframes: list[float] = []  # keyframe times, file clock
        self._frame = 1 / 30  # the source's typical frame and audio packet, in seconds
        self._audio_frame = 1024 / 44100
        self._pending_seconds = 0.0
        self._done_seconds = 0.0
        self._run_out_time = 0.0
        self._rendering: dict[int, float] = {}  # clip index → seconds its run has written
        self._reported_at = float("-inf")  # when clip progress was last reported
        self._scan_percent = -1
        self._last_stderr = ""  # of the last clip-writing run
        self._unrecorded: list[Clip] = []  # final files of an earlier attempt, not yet trusted
        self._own_earlier: dict[int, str] = {}  # fast-copy re-cut: index → its earlier file
        self._smart = job.options.cuts is Cuts.SMART
        self._analysis: SourceAnalysis | None = None  # smart cuts: what the source holds
        self._encoder = X264  # what the next clip is encoded with (_choose_encoder)
        self._encoder_notes: list[str] = []  # why it is not the one asked for (job log)

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
        if self.config.choose_toolchain:
            self.toolchain = await self.config.choose_toolchain()
        try:
            media = await probe_media(self.config.runner, self.toolchain, job.source)
        except ProbeError as exc:
            name = os.path.basename(job.source)
            raise _fail(ErrorCode.INVALID_INPUT, f"{name}: {exc}") from None
        self._check_media(media, need_duration=False)
        self._report(10, Phase.PREPARING, "Processing video files...")
        media = await self._scan_source(media)
        self._check_media(media)
        job.media = media
        if self._smart:
            self._analysis = await self._analyse(media)
        job_dir = self._prepare_outputs(media)
        try:
            await self._check_unrecorded()
            if self._needs_framing(media):
                await self._analyse_framing(media)
            if can_copy(media, job.options):
                await self._render_copy(job_dir)
            else:
                await self._render(job_dir, media)
            missing = [c.index for c in job.clips if c.state is not ClipState.VERIFIED]
            if missing:
                raise _fail(ErrorCode.VERIFICATION_FAILED, f"Clips {missing} were not written.")
        except BaseException:  # failed, cancelled or stopped: leave something a person can read
            self._remove_temp_files(job_dir)
            self._leave_tidy(job_dir)
            raise
        self._remove_temp_files(job_dir)
        self._report(80, Phase.FINALIZING,
                     f"Verified {job.clips_verified} of {job.clips_total} clips")  # fmt: skip
        self._write_manifest(job_dir)
        job.eta_seconds = None
        self._report(100, Phase.DONE, "Video processing completed")

    async def _scan_source(self, media: MediaInfo) -> MediaInfo:
        """Read every video packet's time (and the sound's extent): the exact frames to cut at.
        Progress 10-30 follows how far into the file ffmpeg has read."""
        duration = media.duration

        def progress(seconds: float) -> None:
            if not duration:
                return
            percent = int(100 * min(1.0, seconds / duration))
            if percent > self._scan_percent:  # a second, decoding pass starts over
                self._scan_percent = percent
                # smart cuts or smart framing: their analyses take 20-30
                span = 0.1 if self._smart or self._needs_framing(media) else 0.2
                self._report(10 + span * percent, Phase.PREPARING, "Processing video files...")

        runner, toolchain = self.config.runner, self.toolchain
        scan, outcome = await scan_packets(runner, toolchain, self.job.source, progress)
        if not scan.video.count:
            error = self._classify(outcome)
            name = os.path.basename(self.job.source)
            raise _fail(error.code if not outcome.ok else ErrorCode.INVALID_INPUT,
                        f"'{name}': no video frame could be read. {error.message}",
                        outcome.stderr_tail)  # fmt: skip
        read_to = max(scan.video.end or 0.0, (scan.audio.end if scan.audio else None) or 0.0)
        # builds differ on what they declare for a file that starts late (its length, or its
        # end time): measure against the smaller reading
        declared = (duration or 0.0) - max(0.0, media.start_time)
        if declared > 0 and read_to < declared - max(0.5, 0.02 * declared):
            name = os.path.basename(self.job.source)
            raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' is incomplete or damaged: its data "
                        f"stops at {read_to:.1f} s of the {declared:.1f} s it declares (was it "
                        "still being copied?).", outcome.stderr_tail)  # fmt: skip
        self.scan = scan
        # Clip times count from the first video frame: builds disagree on the file clock's
        # zero (ffmpeg 5.1 starts a WebM at its Opus pre-skip, -7 ms) but not on the frames.
        video, audio = scan.video, scan.audio
        self._origin = video.start or 0.0
        self._times = [t - self._origin for t in video.times()]
        self._keyframes = [video.seconds(k) for k in video.keyframes]
        self._frame = video.seconds(video.typical_duration()) or media.frame_duration
        if audio and audio.count:
            self._audio_frame = audio.seconds(audio.typical_duration())
        # a damaged file may end before its declared duration: cut what is really there
        return MediaInfo(**{**media.__dict__, "duration": scan.video.duration})

    def _check_media(self, media: MediaInfo, need_duration: bool = True) -> None:
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
        if need_duration and (not media.duration or media.duration <= 0):
            raise _fail(ErrorCode.INVALID_INPUT, f"'{name}' has no measurable duration.")

    def _prepare_outputs(self, media: MediaInfo) -> Path:
        job = self.job
        try:
            plans = plan_clips(media.duration or 0.0, job.options)
        except PlanError as exc:
            raise _fail(ErrorCode.INVALID_INPUT, str(exc)) from None
        if can_copy(media, job.options):
            keyframes = [k - self._origin for k in self._keyframes]
            plans = keyframe_plan(plans, keyframes, media.duration or 0.0)
        if self._analysis is not None:
            plans = self._smart_plan(plans)
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
        for clip, plan in zip(job.clips, plans, strict=True):
            clip.cut = _cut_info(plan)
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
            if await self._check_clip(clip, path) is None:
                clip.state = ClipState.VERIFIED
                self.hooks.clip_verified(job, clip)
            else:
                taken = {Path(c.path) for c in job.clips}
                clip.path = str(naming.unique_path(path, taken))
        self._unrecorded = []

    # -- smart framing (core/framing.py) ---------------------------------------------------
    def _needs_framing(self, media: MediaInfo) -> bool:
        return self.job.options.layout is Layout.SMART and not can_copy(media, self.job.options)

    async def _analyse_framing(self, media: MediaInfo) -> None:
        """Find the subject in the planned range (the detector runs as its own process through
        the runner: progress from its samples, cancel and the stall watchdog as for ffmpeg),
        then build the crop path. Progress 20-30. Kept on the job: a resume of the same range
        of the same file does not analyse again."""
        job = self.job
        pending = [c for c in job.clips if c.state is not ClipState.VERIFIED]
        if not pending:
            return
        begin, end = min(c.start for c in pending), max(c.end for c in pending)
        key = file_identity(job.source)
        old = job.framing
        if old and old.source_key == key and old.span[0] <= begin and end <= old.span[1]:
            return
        width, height = media.display_size
        base = 25 if self._smart else 20  # smart cuts' analysis took 20-25
        cache, params = self.config.analysis_cache, framing_params(
            self._origin + begin, end - begin, (width, height))  # fmt: skip
        fingerprint = await self._fingerprint(media) if cache is not None else None
        stored = cache.get_analysis(fingerprint, params) if cache and fingerprint else None
        if stored is not None:
            self._report(base, Phase.ANALYSING, "Subject for smart framing: from history")
            samples = [FrameSample.from_dict(item) for item in stored["samples"]]
        else:
            samples = await self._detect_subject(media, begin, end, base)
            if cache is not None and fingerprint is not None:
                cache.put_analysis(fingerprint, params, job.source,
                                   {"samples": [s.to_dict() for s in samples]})  # fmt: skip
        half = crop_half_width(width, height, job.options.width, job.options.height)
        path = build_path(samples, half)
        job.framing = CropPath(path.knots, path.half_width, path.modes, (begin, end), key)

    async def _fingerprint(self, media: MediaInfo) -> str | None:
        try:
            return await asyncio.to_thread(source_fingerprint, self.job.source,
                                           media.duration or 0.0)  # fmt: skip
        except OSError:
            return None

    async def _detect_subject(self, media: MediaInfo, begin: float, end: float,
                              base: float) -> list[FrameSample]:  # fmt: skip
        """Run the detector over [begin, end) of the plan (progress `base`-30)."""
        job = self.job
        argv = worker_argv(python_command(), self.toolchain.ffmpeg, job.source,
                           self._origin + begin, end - begin, media.display_size,
                           self._origin)  # fmt: skip
        parser = SampleParser()
        label = "Finding the subject for smart framing"
        self._report(base, Phase.ANALYSING, f"{label}...")

        reported = -1

        def on_stdout(data: bytes) -> None:
            nonlocal reported
            parser.feed(data)
            share = min(1.0, max(0.0, (parser.last_seconds - begin) / (end - begin or 1)))
            if int(100 * share) > reported:  # one report per percent, like the scan
                reported = int(100 * share)
                self._report(base + (30 - base) * share, Phase.ANALYSING,
                             f"{label}... {reported}%")  # fmt: skip

        outcome = await self.config.runner.run(
            argv, on_stdout=on_stdout, stall_timeout=self.config.stall_timeout,
            on_started=lambda pid: self.hooks.process_started(job, pid),
        )  # fmt: skip
        self.hooks.process_started(job, None)
        if not outcome.ok or not parser.done:
            if outcome.stalled:
                raise JobFailure(self._classify(outcome))
            detail = outcome.stderr_tail.strip()
            raise _fail(ErrorCode.INTERNAL_ERROR if outcome.exit_code != 3
                        else ErrorCode.ENCODER_UNAVAILABLE,
                        "Smart framing could not analyse the video "
                        f"({detail.splitlines()[-1] if detail else outcome}). "
                        "Choose another layout, or check `storyclip doctor`.",
                        outcome.stderr_tail)  # fmt: skip
        return parser.samples

    def _crop_x(self, start: float, stop: float, seek_from: float | None) -> str | None:
        """The smart crop's x for a clip whose frames are [start, stop) (clip clock): the
        filter's `t` counts from the input seek point (ffmpeg's clock, the one the scan read)."""
        path = self.job.framing
        if path is None or self.job.options.layout is not Layout.SMART:
            return None
        seek = floor_us(seek_from if seek_from is not None else self._origin + start)
        return crop_x_expression(path, start, stop, seek - self._origin)

    # -- rendering -------------------------------------------------------------------------
    async def _render(self, job_dir: Path, media: MediaInfo) -> None:
        """One ffmpeg run per clip still missing, through the clip executor: one after another
        locally, all at once on a cluster. Each is verified and renamed here as it ends."""
        job = self.job
        pending = [c for c in job.clips if c.state is not ClipState.VERIFIED]
        self._pending_seconds = sum(c.end - c.start for c in pending) or 1.0
        refusal = copy_refusal(media, job.options) if job.options.fast_copy else None
        self._report(30, Phase.GENERATING, self._generated_message() if refusal is None else
                     f"Fast copy is not possible ({refusal}): re-encoding")  # fmt: skip
        await self._choose_encoder()
        executor = self.config.executor or LocalClipExecutor(self.config.runner)
        slots = asyncio.Semaphore(max(1, executor.parallel))

        async def one(clip: Clip) -> None:
            async with slots:
                await self._render_clip(executor, clip, job_dir, media)

        try:
            async with asyncio.TaskGroup() as group:
                for clip in pending:
                    group.create_task(one(clip))
        except BaseExceptionGroup as group_error:  # the first failure is the job's
            raise _first_cause(group_error) from None
        finally:
            self._rendering.clear()
            for clip in pending:
                clip.speed = None

    async def _choose_encoder(self) -> None:
        """The job's encoder choice against what works with this build (a one-frame encode
        per hardware candidate, once per build and process: core/encoder_detect.py)."""
        choice = self.job.options.encoder
        statuses = ({} if choice is EncoderChoice.X264
                    else await detect(self.config.runner, self.toolchain.ffmpeg))  # fmt: skip
        picked = choose(choice, statuses)
        self._encoder = picked.encoder
        if picked.note:
            self._note(picked.note)

    def _note(self, text: str) -> None:
        """A line of the engine's own in the job log (beside ffmpeg's output) and manifest."""
        self._encoder_notes.append(text)
        self.hooks.ffmpeg_output(self.job, f"\n[storyclip] {text}\n".encode())

    async def _render_clip(self, executor: ClipExecutor, clip: Clip, job_dir: Path,
                           media: MediaInfo) -> None:  # fmt: skip
        """Render and accept one clip; on any failure with a hardware encoder, render it again
        with libx264, which the rest of the job then keeps."""
        encoder = self._encoder
        try:
            await self._render_clip_with(encoder, executor, clip, job_dir, media)
        except JobFailure as exc:
            if encoder == X264:
                raise
            error = exc.error
            why = (error.message if error.code is ErrorCode.VERIFICATION_FAILED
                   else failure_line(error.detail or error.message, encoder))  # fmt: skip
            self._encoder = X264
            self._note(f"{encoder} failed on clip {clip.index}: {why}; the job continues with "
                       f"{X264}")  # fmt: skip
            clip.state = ClipState.PLANNED
            await self._render_clip_with(X264, executor, clip, job_dir, media)

    async def _render_clip_with(self, encoder: str, executor: ClipExecutor, clip: Clip,
                                job_dir: Path, media: MediaInfo) -> None:  # fmt: skip
        job = self.job
        assert self.scan is not None
        end, origin = media.duration or 0.0, self._origin
        start, stop = self._cut(clip.start, end), self._cut(clip.end, end)
        temp = naming.temp_clip_path(job_dir, job.id, clip.index)
        seek_from = self._seek_from(origin + start, media)
        loudnorm = await self._loudnorm(origin + start, stop - start, media)
        argv = build_clip(self.toolchain.ffmpeg, job.source, origin + start, origin + stop,
                          media, job.options, str(temp), self.scan.video.time_base,
                          seek_from, self._crop_x(start, stop, seek_from),
                          loudnorm, encoder)  # fmt: skip
        job.commands.append(argv)
        duration = stop - start

        def started(worker: str, pid: int | None) -> None:
            clip.worker = worker
            self.hooks.process_started(job, pid)

        def progress(report: ClipProgress) -> None:
            clip.worker = report.worker
            self._on_clip_progress(clip, duration, report)

        run = ClipRun(job.id, clip.index, argv, str(temp), duration, self.config.stall_timeout)
        callbacks = ClipCallbacks(progress, started,
                                  lambda data: self.hooks.ffmpeg_output(job, data))  # fmt: skip
        self._rendering[clip.index] = 0.0
        result = await executor.render(run, callbacks)
        self._rendering.pop(clip.index, None)
        clip.worker, clip.speed = result.worker, None
        self.hooks.process_started(job, None)
        self._last_stderr = result.outcome.stderr_tail
        if not result.outcome.ok:
            raise JobFailure(self._classify(result.outcome))
        self._done_seconds += clip.end - clip.start
        try:
            await self._accept(clip, Path(result.output), result.outcome.stderr_tail)
        except JobFailure:
            self._done_seconds -= clip.end - clip.start  # a re-render may follow
            raise

    def _on_clip_progress(self, clip: Clip, duration: float, report: ClipProgress) -> None:
        """Job progress over the clips rendering now (one locally, many on a cluster); the
        job's speed is theirs added up."""
        update = report.update
        if clip.index not in self._rendering:  # a late report of a run that has ended
            return
        # ffmpeg says N/A (or a smaller time for an interleaved stream) now and then: progress
        # only moves forward.
        written = max(self._rendering[clip.index], min(update.out_time or 0.0, duration))
        self._rendering[clip.index] = clip.rendered = written
        clip.speed = update.speed
        now = time.monotonic()
        if now - self._reported_at < CLIP_REPORT_INTERVAL:  # many clips at once: a tick each
            return
        self._reported_at = now
        job = self.job
        done = self._done_seconds + sum(self._rendering.values())
        fraction = min(1.0, done / self._pending_seconds)
        speeds = [c.speed for c in job.clips if c.index in self._rendering and c.speed]
        job.speed = round(sum(speeds), 3) if speeds else update.speed
        job.fps = update.fps
        job.media_left = self._pending_seconds - done
        if job.speed and job.speed > 0:
            job.eta_seconds = round((self._pending_seconds - done) / job.speed, 1)
        self._report(30 + 50 * fraction, Phase.GENERATING, self._generated_message())

    async def _render_copy(self, job_dir: Path) -> None:
        """`--fast-copy`: one pass, cut at the keyframes the plan moved the boundaries to."""
        job = self.job
        self._pending_seconds = sum(c.end - c.start for c in job.clips) or 1.0
        self._report(30, Phase.GENERATING, self._generated_message())
        temp_dir = self.config.temp_root / job.id
        temp_dir.mkdir(parents=True, exist_ok=True)
        segment_list = temp_dir / "segments.csv"
        segment_list.unlink(missing_ok=True)
        plans = [ClipPlan(c.index, c.start, c.end) for c in job.clips]
        assert self.job.media is not None
        run = build_copy(self.toolchain.ffmpeg, job.source, plans, self.job.media,
                         job.options, naming.temp_clip_pattern(job_dir, job.id),
                         segment_list, self._origin)  # fmt: skip
        job.commands.append(run.argv)
        try:
            await self._run_ffmpeg(run.argv, run.duration)
            rows = self._read_segment_list(run)
        finally:
            with contextlib.suppress(OSError):
                shutil.rmtree(temp_dir)
        written = [_segment_index(name) for name, _, _ in rows]
        planned = [c.index for c in job.clips]
        if written[: len(planned)] != planned:
            name, n = os.path.basename(job.source), len(planned)
            raise _fail(ErrorCode.VERIFICATION_FAILED, f"'{name}': ffmpeg wrote "
                        f"{_clips(len(written))} where {n} {'was' if n == 1 else 'were'} "
                        "planned.")  # fmt: skip
        for clip in job.clips:
            await self._accept(clip, naming.temp_clip_path(job_dir, job.id, clip.index))

    def _seek_from(self, start: float, media: MediaInfo) -> float | None:
        """Where to seek before the exact cut, for containers that cannot seek to a time
        exactly (MPEG-TS and program streams land inside a group of pictures): the keyframe
        before the one at or before `start`. None: seek to `start` itself (MP4, MKV, AVI)."""
        if (media.format_name or "").split(",")[0] in EXACT_SEEK_FORMATS:
            return None
        i = bisect.bisect_right(self._keyframes, start + 1e-6) - 2
        return self._keyframes[i] if i >= 0 else 0.0

    def _cut(self, boundary: float, end: float) -> float:
        return frame_cut(self._times, boundary, end) if boundary < end else end

    async def _run_ffmpeg(self, argv: list[str], duration: float) -> None:
        parser = ProgressParser()
        self._run_out_time = 0.0

        def on_stdout(data: bytes) -> None:
            updates = parser.feed(data)
            if updates:
                self._on_progress(duration, updates[-1])

        outcome = await self.config.runner.run(
            argv,
            on_stdout=on_stdout,
            on_started=lambda pid: self.hooks.process_started(self.job, pid),
            stall_timeout=self.config.stall_timeout,
            on_stderr=lambda data: self.hooks.ffmpeg_output(self.job, data),
        )
        self.hooks.process_started(self.job, None)
        self._last_stderr = outcome.stderr_tail
        if not outcome.ok:
            raise JobFailure(self._classify(outcome))

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
        return parse_segment_list(text)

    def _on_progress(self, duration: float, update: ProgressUpdate) -> None:
        job = self.job
        # ffmpeg says N/A (or a smaller time for an interleaved stream) now and then: progress
        # only moves forward.
        self._run_out_time = max(self._run_out_time, min(update.out_time or 0.0, duration))
        done = self._done_seconds + self._run_out_time
        fraction = min(1.0, done / self._pending_seconds)
        job.speed = update.speed
        job.fps = update.fps
        job.media_left = self._pending_seconds - done
        if update.speed and update.speed > 0:
            job.eta_seconds = round((self._pending_seconds - done) / update.speed, 1)
        self._report(30 + 50 * fraction, Phase.GENERATING, self._generated_message())

    # -- verification ----------------------------------------------------------------------
    async def _accept(self, clip: Clip, temp: Path, stderr: str | None = None) -> None:
        """Verify a written clip by its streams, then give it its final name."""
        stderr = self._last_stderr if stderr is None else stderr
        damaged = sum(any(n in line for n in DECODE_ERRORS)
                      for line in stderr.lower().splitlines())  # fmt: skip
        problem = await self._check_clip(clip, temp, damaged)
        if problem:
            clip.state = ClipState.FAILED
            full = classify(0, False, stderr)
            if full.code is ErrorCode.DISK_FULL:  # some builds exit 0 after a failed write
                raise JobFailure(full)
            hint = " The source is damaged there: ffmpeg could not decode part of it." * bool(
                damaged
            )
            raise _fail(ErrorCode.VERIFICATION_FAILED, f"Clip {clip.index} {problem}{hint}",
                        stderr)  # fmt: skip
        final = Path(clip.path)
        own = self._own_earlier.get(clip.index) == clip.path
        if final.exists() and not own:  # appeared since planning: never overwrite
            final = naming.unique_path(final)
            clip.path = str(final)
        os.replace(temp, final)
        clip.state = ClipState.VERIFIED
        if self.job.phase is Phase.GENERATING:
            self.job.message = self._generated_message()
        self.hooks.clip_verified(self.job, clip)

    async def _check_clip(self, clip: Clip, path: Path, undecodable: int = 0) -> str | None:
        """None when the file at `path` holds what `clip` plans (then its measures are set;
        the caller marks it verified once it is under its final name)."""
        try:
            if path.stat().st_size == 0:
                return "is empty (0 bytes)."
        except OSError as exc:
            return f"was not written ({exc.strerror})."
        scan, outcome = await scan_packets(self.config.runner, self.toolchain, str(path))
        try:
            info = parse_ffmpeg_banner(outcome.stderr_tail)
        except ProbeError as exc:
            return f"cannot be read back: {exc}"
        problem = clip_problem(self._expected(clip, undecodable), info, scan)
        if problem is None:
            clip.duration = round(scan.video.duration, 3)
            clip.width, clip.height = info.display_size
            clip.size = path.stat().st_size
            clip.qc = await self._quality(path, scan, info.display_size, clip.size)
        return problem

    def _expected(self, clip: Clip, undecodable: int = 0) -> Expected:
        """What the source holds in the clip's range, from the source's own packet scan."""
        assert self.scan is not None and self.job.media is not None
        media, audio = self.job.media, self.scan.audio
        end = media.duration or 0.0
        start, stop = self._cut(clip.start, end), self._cut(clip.end, end)
        capped = bool(media.fps and media.fps > MAX_FPS + 0.5)
        sound: float | None = None
        if self.job.options.audio and audio and audio.count:
            a_start = (audio.start or 0.0) - self._origin
            a_end = (audio.end or 0.0) - self._origin
            sound = max(0.0, min(stop, a_end) - max(start, a_start))
        # "one frame" is the typical one, or the frames at the clip's end where they are
        # longer (variable frame rate): a muxer guesses the last frame's duration
        lo, hi = bisect.bisect_left(self._times, start), bisect.bisect_left(self._times, stop)
        ends = [stop, *self._times[max(lo, hi - 2) : hi]]
        local = max((b - a for a, b in itertools.pairwise(sorted(ends))), default=0.0)
        options = self.job.options
        return Expected(
            duration=stop - start,
            frames=None if capped else hi - lo,
            frame_duration=max(self._frame, local),
            size=(options.width, options.height),
            audio=sound,
            audio_frame=self._audio_frame,
            undecodable=undecodable,
        )

    # -- smart clips: cut analysis, smart plan, loudness, platform checks -------------------
    async def _analyse(self, media: MediaInfo) -> SourceAnalysis | None:
        """Silences and scene changes, from the cache or one ffmpeg pass (progress 20-30).
        None when the pass failed: the cuts then stay where fixed cuts put them."""
        job, cache = self.job, self.config.analysis_cache
        duration = media.duration or 0.0
        fingerprint = await self._fingerprint(media)
        if cache is not None and fingerprint is not None:
            stored = cache.get_analysis(fingerprint, params_key())
            if stored is not None:
                self._report(20, Phase.ANALYSING, "Silences and scene changes: from history")
                return SourceAnalysis.from_dict(stored)
        top = 25 if self._needs_framing(media) else 30  # smart framing follows: 25-30
        self._report(20, Phase.ANALYSING, "Finding silences and scene changes...")
        parser, progress = AnalysisParser(), ProgressParser()
        reached = 0.0

        def on_stdout(data: bytes) -> None:
            nonlocal reached
            for update in progress.feed(data):
                if update.out_time and duration and update.out_time > reached:
                    reached = min(update.out_time, duration)
                    self._report(20 + (top - 20) * reached / duration, Phase.ANALYSING,
                                 "Finding silences and scene changes...")  # fmt: skip

        def on_stderr(data: bytes) -> None:
            parser.feed(data)
            self.hooks.ffmpeg_output(job, data)

        argv = analysis_argv(self.toolchain.ffmpeg, job.source, has_audio=media.has_audio)
        outcome = await self.config.runner.run(
            argv, on_stdout=on_stdout, on_stderr=on_stderr, stall_timeout=self.config.stall_timeout,
            on_started=lambda pid: self.hooks.process_started(job, pid))  # fmt: skip
        self.hooks.process_started(job, None)
        _check_started(outcome)
        if not outcome.ok:
            note = (f"\n[storyclip] the cut analysis failed ({outcome}); cuts stay at their "
                    "fixed places\n")  # fmt: skip
            self.hooks.ffmpeg_output(job, note.encode())
            return None
        audio = self.scan.audio if self.scan else None
        analysis = parser.finish(end=audio.end if audio else None)
        if cache is not None and fingerprint is not None:
            cache.put_analysis(fingerprint, analysis.params, job.source, analysis.to_dict())
        return analysis

    def _smart_plan(self, plans: list[ClipPlan]) -> list[ClipPlan]:
        assert self._analysis is not None
        options = self.job.options
        rules = rules_for(options.preset)
        shortest = min(max(rules.min_seconds, options.clip_seconds / 2), options.clip_seconds)
        return smart_plan(plans, self._analysis.shifted(self._origin), self._times,
                          window=options.cut_window, max_seconds=options.max_seconds,
                          min_seconds=shortest)  # fmt: skip

    async def _loudnorm(self, start: float, duration: float,
                        media: MediaInfo) -> dict[str, Any] | None:  # fmt: skip
        """Two-pass loudnorm, pass one: measure the clip's range of the source's sound."""
        options = self.job.options
        if not (options.loudnorm and options.audio and media.has_audio):
            return None
        target = rules_for(options.preset).loudness_target
        argv = loudnorm_measure_argv(self.toolchain.ffmpeg, self.job.source, start, duration,
                                     target)  # fmt: skip
        outcome = await self.config.runner.run(argv, stall_timeout=self.config.stall_timeout)
        if not outcome.ok:
            raise JobFailure(self._classify(outcome))
        measured = parse_loudnorm(outcome.stderr_tail)
        return loudnorm_filter(measured, target) if measured else None

    async def _quality(self, path: Path, scan: PacketScan, size: tuple[int, int],
                       nbytes: int) -> dict[str, Any]:  # fmt: skip
        """The clip against its preset's platform rules (loudness measured with ebur128)."""
        options, media = self.job.options, self.job.media
        video, audio = scan.video, scan.audio
        has_audio = audio is not None and audio.count > 0
        loudness = None
        if has_audio:
            argv = loudness_argv(self.toolchain.ffmpeg, str(path))
            outcome = await self.config.runner.run(argv, stall_timeout=self.config.stall_timeout)
            loudness = parse_ebur128(outcome.stderr_tail) if outcome.ok else None
        duration = video.duration
        measures = ClipMeasures(
            duration=duration, width=size[0], height=size[1],
            fps=(video.count / duration) if duration > 0 else None, size=nbytes,
            has_audio=has_audio,
            expects_audio=bool(options.audio and media and media.has_audio),
            loudness=loudness)  # fmt: skip
        return evaluate(rules_for(options.preset), measures)

    def _remove_temp_files(self, job_dir: Path) -> None:
        with contextlib.suppress(OSError):
            for path in job_dir.iterdir():
                if naming.is_temp_of(path, self.job.id):
                    path.unlink(missing_ok=True)

    def _leave_tidy(self, job_dir: Path) -> None:
        """A job that ends early leaves its verified clips with a manifest that says which are
        missing, or, with none, no folder at all (a re-run then reuses the name)."""
        if self.job.clips_verified:
            with contextlib.suppress(JobFailure):
                self._write_manifest(job_dir)
            return
        with contextlib.suppress(OSError):
            job_dir.rmdir()  # only when empty: never a folder holding anything else
            self.job.output_dir = None

    def _write_manifest(self, job_dir: Path) -> None:
        job = self.job
        missing = [c.index for c in job.clips if c.state is not ClipState.VERIFIED]
        manifest: dict[str, Any] = {
            "app": f"StoryClip Studio {__version__}",
            "jobId": job.id,
            "source": job.source,
            "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(job.created_at)),
            "options": job.options.to_dict(),
            "commands": job.commands,
            "encoder": job.encoder,
            "encoderNotes": self._encoder_notes,
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
                    "cut": c.cut,
                    "qc": c.qc,
                }
                for c in job.clips
                if c.state is ClipState.VERIFIED
            ],
        }
        if missing:  # the job ended early: these clips were planned but not made
            manifest["complete"] = False
            manifest["missingClips"] = missing
        target = job_dir / "manifest.json"
        temp = job_dir / f".{job.id}.manifest.part"
        try:
            temp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
            os.replace(temp, target)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise _fail(_os_error_code(exc), f"manifest.json could not be written: "
                        f"{exc.strerror}.") from None  # fmt: skip


def _cut_info(plan: ClipPlan) -> dict[str, Any] | None:
    """Where a smart clip's boundaries would have been, and why they moved (None: fixed)."""
    if plan.nominal_start is None:
        return None
    return {"nominalStart": plan.nominal_start, "nominalEnd": plan.nominal_end,
            "startReason": plan.start_reason, "endReason": plan.end_reason}  # fmt: skip


def _first_cause(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The exception a job ends with when its clips render side by side: cancellation of the
    job first, then an executor that went away, then a classified failure, then anything else
    (a bug)."""
    leaves: list[BaseException] = []

    def flatten(error: BaseException) -> None:
        if isinstance(error, BaseExceptionGroup):
            for inner in error.exceptions:
                flatten(inner)
        else:
            leaves.append(error)

    flatten(group)
    for kind in (asyncio.CancelledError, ExecutorUnavailable, JobFailure):
        for error in leaves:
            if isinstance(error, kind):
                return error
    return leaves[0]


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


def _clips(n: int) -> str:
    return f"{n} clip{'s' if n != 1 else ''}"


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
