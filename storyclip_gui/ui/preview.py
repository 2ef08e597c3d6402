"""SourcePreview: a job's source frames on a timeline with its cut points and the 9:16 crop
window drawn over them; once clips exist, each clip's own first-second frame (the real
framing) under its span.

Frames are made by ffmpeg through the engine's runner (a process: the Qt thread only awaits);
for a smart job not analysed yet, the crop is estimated by the same face detector on these
frames, run in an executor thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from storyclip_gui.core.framing import CropPath, build_path, crop_half_width
from storyclip_gui.core.jobs import JobView
from storyclip_gui.core.options import Layout
from storyclip_gui.core.plan import PlanError, plan_clips
from storyclip_gui.core.ports import Runner
from storyclip_gui.core.probe import ProbeError, ffmpeg_probe_argv, parse_ffmpeg_banner
from storyclip_gui.ui.async_tasks import start_task
from storyclip_gui.ui.job_table_model import format_duration

log = logging.getLogger(__name__)
FRAMES = 8  # source frames across the timeline
FRAME_WIDTH = 384  # pixels, wide enough for the face detector
CLIP_HEIGHT = 150  # a clip's thumbnail, 9:16
WINDOW_COLOUR = QColor(255, 204, 0)
CLIP_COLOURS = (QColor(66, 133, 244), QColor(52, 168, 83))


def frame_argv(ffmpeg: str, source: str, at: float, out: str, width: int) -> list[str]:
    """One frame at `at`, `width` pixels wide (square pixels, display orientation), as PNG."""
    return [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-ss", f"{at:.3f}",
            "-i", source, "-frames:v", "1", "-vf",
            f"scale={width}:trunc({width}/dar/2)*2,setsar=1", out]  # fmt: skip


def cached_image(folder: Path, path: str, extra: str, prefix: str, suffix: str) -> Path:
    """Where an image made from `path` is cached: a new name once the file changes."""
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        stamp = 0
    key = hashlib.sha1(f"{path}|{stamp}{extra}".encode()).hexdigest()[:20]
    return folder / f"{prefix}{key}{suffix}"


@dataclass
class _Shown:
    """What the widget paints, rebuilt from the job on every refresh."""

    duration: float = 0.0
    display: tuple[int, int] = (16, 9)
    frames: list[tuple[float, QImage]] | None = None
    cuts: list[tuple[int, float, float]] | None = None  # (index, start, end)
    path: CropPath | None = None
    estimated: bool = False  # the path comes from the preview frames, not the job's analysis
    layout: Layout = Layout.CROP
    out_size: tuple[int, int] = (1080, 1920)
    clip_images: dict[int, QImage] | None = None
    note: str = ""  # shown instead of the preview
    no_estimate: str = ""  # why a smart crop could not be estimated (the frames still show)


class SourcePreview(QWidget):
    """Call `show_job()` with the selected job on each refresh; `stop()` at close."""

    def __init__(self, runner: Runner, ffmpeg: str, folder: Path,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("sourcePreview")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._runner, self._ffmpeg, self._folder = runner, ffmpeg, Path(folder)
        self._shown = _Shown(note=self.tr("Select a job to preview its cuts and framing."))
        self._key: tuple[Any, ...] | None = None
        self._task: asyncio.Task[None] | None = None
        self._clip_tasks: dict[str, asyncio.Task[None]] = {}
        self._clip_images: dict[str, QImage] = {}
        self._no_image: set[str] = set()  # clips ffmpeg could not make a frame of: not again
        self._gate = asyncio.Semaphore(2)
        self._job: JobView | None = None

    def sizeHint(self) -> QSize:
        return QSize(760, 420)

    @property
    def busy(self) -> bool:
        return bool((self._task and not self._task.done()) or self._clip_tasks)

    def stop(self) -> None:
        if self._task:
            self._task.cancel()
        for task in self._clip_tasks.values():
            task.cancel()

    def clear(self) -> None:
        self.stop()
        self._key, self._job = None, None
        self._shown = _Shown(note=self.tr("Select a job to preview its cuts and framing."))
        self.update()

    # -- the job ---------------------------------------------------------------------------
    def show_job(self, job: JobView) -> None:
        self._job = job
        key = (job.id, job.source, job.options)
        if key != self._key:
            self._key = key
            if self._task:
                self._task.cancel()
            self._shown = _Shown(note=self.tr("Reading the source…"))
            self._task = start_task(lambda: self._load(job))
        self._refresh(job)

    def _refresh(self, job: JobView) -> None:
        """Cut points, crop path and clip thumbnails from the job as it is now."""
        shown = self._shown
        options = job.options
        shown.layout = options.layout
        shown.out_size = (options.width, options.height)
        clips = job.clips
        if clips:
            shown.cuts = [(c.index, c.start, c.end) for c in clips]
        elif shown.duration:
            try:
                shown.cuts = [(p.index, p.start, p.end)
                              for p in plan_clips(shown.duration, options)]  # fmt: skip
            except PlanError:
                shown.cuts = []
        if job.framing is not None:
            shown.path, shown.estimated = job.framing, False
        images: dict[int, QImage] = {}
        for clip in clips:
            if not clip.verified:
                continue
            image = self._clip_images.get(clip.path)
            if image is not None:
                images[clip.index] = image
            elif (clip.path not in self._clip_tasks and clip.path not in self._no_image
                  and os.path.isfile(clip.path)):  # fmt: skip
                task = start_task(lambda c=clip: self._make_clip_image(c.path, c.duration or 2.0))
                if task is not None:
                    self._clip_tasks[clip.path] = task
        shown.clip_images = images
        self.update()

    async def _load(self, job: JobView) -> None:
        source = job.source
        shown = self._shown
        try:
            outcome = await self._runner.run(ffmpeg_probe_argv(self._ffmpeg, source))
            media = parse_ffmpeg_banner(outcome.stderr_tail)
        except ProbeError as exc:
            shown.note = self.tr("No preview: {0}").format(exc)
            self.update()
            return
        if not media.duration or not media.has_video:
            shown.note = self.tr("No preview: the source has no measurable video.")
            self.update()
            return
        shown.duration, shown.display = media.duration, media.display_size
        shown.note = ""
        self._refresh(job)
        times = [media.duration * (i + 0.5) / FRAMES for i in range(FRAMES)]
        files = await asyncio.gather(*(self._make_frame(source, t) for t in times))
        shown.frames = [(t, QImage(f)) for t, f in zip(times, files, strict=True) if f]
        self.update()
        if job.options.layout is Layout.SMART and shown.path is None and shown.frames:
            from storyclip_gui.core.framing_worker import detect_stills

            stills = [(t, f) for t, f in zip(times, files, strict=True) if f]
            try:
                samples = await asyncio.get_running_loop().run_in_executor(
                    None, detect_stills, stills)
            except (ImportError, RuntimeError) as exc:
                shown.no_estimate = self.tr("No framing estimate: {0}").format(exc)
            else:
                if shown.path is None:  # the job's own analysis may have arrived meanwhile
                    half = crop_half_width(*shown.display, *shown.out_size)
                    shown.path, shown.estimated = build_path(samples, half), True
            self.update()

    def _target(self, path: str, at: float, width: int) -> Path:
        return cached_image(self._folder, path, f"|{at:.3f}|{width}", "preview-", ".png")

    async def _make_frame(self, path: str, at: float, width: int = FRAME_WIDTH) -> str | None:
        target = self._target(path, at, width)
        if target.is_file():
            return str(target)
        async with self._gate:
            self._folder.mkdir(parents=True, exist_ok=True)
            outcome = await self._runner.run(frame_argv(self._ffmpeg, path, at, str(target),
                                                        width))  # fmt: skip
        if outcome.ok and target.is_file():
            return str(target)
        log.info("no preview frame of %s at %.1f s: ffmpeg %s", path, at, outcome)
        return None

    async def _make_clip_image(self, path: str, duration: float) -> None:
        try:
            made = await self._make_frame(path, min(1.0, duration / 2), 216)
            if not made:
                self._no_image.add(path)
            else:
                self._clip_images[path] = QImage(made)
                if self._job is not None:
                    self._refresh(self._job)
        finally:
            self._clip_tasks.pop(path, None)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        shown = self._shown
        margin = 8.0
        width = self.width() - 2 * margin
        y = margin
        painter.setPen(self.palette().text().color())
        title = self._title()
        painter.drawText(QRectF(margin, y, width, 18), Qt.AlignmentFlag.AlignLeft, title)
        y += 22
        if shown.note or not shown.duration:
            painter.drawText(QRectF(margin, y, width, 40), Qt.TextFlag.TextWordWrap, shown.note)
            return
        aspect = shown.display[1] / shown.display[0]
        cell = width / FRAMES
        frame_h = cell * aspect
        for i, (t, image) in enumerate(shown.frames or []):
            rect = QRectF(margin + i * cell + 1, y, cell - 2, frame_h)
            painter.drawImage(rect, image)
            self._draw_window(painter, rect, t)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(rect.x(), rect.bottom() + 1, rect.width(), 14),
                             Qt.AlignmentFlag.AlignHCenter, format_duration(t))  # fmt: skip
        y += frame_h + 18
        y = self._draw_timeline(painter, margin, y, width)
        if shown.path is not None and shown.layout is Layout.SMART:
            y = self._draw_path(painter, margin, y, width)
        self._draw_clips(painter, margin, y, width)

    def _title(self) -> str:
        shown = self._shown
        what = {Layout.CROP: self.tr("centre crop"), Layout.BLUR: self.tr("fit on blur"),
                Layout.FIT: self.tr("fit with bars"),
                Layout.SMART: self.tr("smart crop")}[shown.layout]  # fmt: skip
        if shown.layout is Layout.SMART:
            if shown.no_estimate and shown.path is None:
                what += f" ({shown.no_estimate})"
            elif shown.path is None:
                what += self.tr(" (finding the subject…)")
            elif shown.estimated:
                what += self.tr(" (estimated from these frames; the job analyses 4 per second)")
            else:
                what += self.tr(" (the job's analysis)")
        return self.tr("Cuts and framing — {0}").format(what)

    def _window(self, t: float) -> tuple[float, float]:
        """The part of the source the clip shows at `t`, as shares of its width."""
        shown = self._shown
        if shown.layout in (Layout.FIT, Layout.BLUR):
            return 0.0, 1.0
        half = crop_half_width(*shown.display, *shown.out_size)
        if shown.layout is Layout.SMART and shown.path is not None:
            lo, hi = shown.path.window(t)
            return max(0.0, lo), min(1.0, hi)
        return 0.5 - half, 0.5 + half

    def _draw_window(self, painter: QPainter, rect: QRectF, t: float) -> None:
        lo, hi = self._window(t)
        shade = QColor(0, 0, 0, 150)
        left = QRectF(rect.x(), rect.y(), rect.width() * lo, rect.height())
        right = QRectF(rect.x() + rect.width() * hi, rect.y(), rect.width() * (1 - hi),
                       rect.height())  # fmt: skip
        painter.fillRect(left, shade)
        painter.fillRect(right, shade)
        painter.setPen(QPen(WINDOW_COLOUR, 2))
        painter.drawRect(QRectF(rect.x() + rect.width() * lo, rect.y(),
                                rect.width() * (hi - lo), rect.height()))  # fmt: skip

    def _x(self, t: float, margin: float, width: float) -> float:
        return margin + width * t / self._shown.duration

    def _draw_timeline(self, painter: QPainter, margin: float, y: float, width: float) -> float:
        shown = self._shown
        bar = QRectF(margin, y, width, 16)
        painter.fillRect(bar, self.palette().alternateBase())
        for n, (index, start, end) in enumerate(shown.cuts or []):
            a, b = self._x(start, margin, width), self._x(end, margin, width)
            painter.fillRect(QRectF(a, y, b - a, 16), CLIP_COLOURS[n % 2])
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(QRectF(a, y, b - a, 16), Qt.AlignmentFlag.AlignCenter, str(index))
            painter.setPen(QPen(self.palette().text().color(), 1))
            painter.drawLine(QPointF(a, y - 3), QPointF(a, y + 19))
        painter.setPen(self.palette().text().color())
        for n, (_, start, _end) in enumerate(shown.cuts or []):
            if n and start > 0:
                x = self._x(start, margin, width)
                painter.drawText(QRectF(x - 40, y + 18, 80, 14), Qt.AlignmentFlag.AlignHCenter,
                                 format_duration(start))  # fmt: skip
        return y + 36

    def _draw_path(self, painter: QPainter, margin: float, y: float, width: float) -> float:
        """The crop window over time: across, the timeline; down, left to right in the
        source."""
        shown = self._shown
        assert shown.path is not None
        height = 44.0
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(margin, y, width, 14), Qt.AlignmentFlag.AlignLeft,
                         self.tr("Crop window over time (top: left edge of the source)"))
        y += 16
        box = QRectF(margin, y, width, height)
        painter.fillRect(box, QColor(40, 40, 40))
        steps = max(2, int(width / 2))
        band = QColor(WINDOW_COLOUR)
        band.setAlpha(200)
        for i in range(steps):
            t = shown.duration * i / steps
            lo, hi = self._window(t)
            x = margin + width * i / steps
            painter.fillRect(QRectF(x, y + lo * height, width / steps + 0.5, (hi - lo) * height),
                             band)  # fmt: skip
        return y + height + 8

    def _draw_clips(self, painter: QPainter, margin: float, y: float, width: float) -> None:
        shown = self._shown
        if not shown.clip_images:
            return
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(margin, y, width, 14), Qt.AlignmentFlag.AlignLeft,
                         self.tr("Clips as written (their real framing)"))
        y += 16
        spans = {index: (start, end) for index, start, end in shown.cuts or []}
        height = min(float(CLIP_HEIGHT), max(40.0, self.height() - y - 4))
        for index, image in sorted(shown.clip_images.items()):
            if index not in spans:
                continue
            start, end = spans[index]
            centre = self._x((start + end) / 2, margin, width)
            w = height * image.width() / max(1, image.height())
            rect = QRectF(centre - w / 2, y, w, height)
            painter.drawImage(rect, image)
            painter.setPen(QPen(CLIP_COLOURS[(index - 1) % 2], 2))
            painter.drawRect(rect)
