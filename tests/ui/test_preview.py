"""The job preview: before processing, source frames with the planned cuts and the crop
window; after, each clip's real framing. Rendered offscreen into test-artifacts/ui/."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyclip_gui.core.options import Layout
from storyclip_gui.ui.job_table_model import JOB_ROLE
from tests.helpers.face_video import make_face_video
from tests.ui.test_screenshots import shoot

pytest.importorskip("cv2")
pytest.importorskip("skimage")


def track(t: float) -> float:
    return 960 * (0.2 if t < 3 else min(0.8, 0.2 + 0.1 * (t - 3)))


@pytest.mark.slow
@pytest.mark.media
def test_preview_before_and_after_processing(make_window, engine, media_ffmpeg, media_dir,
                                             qtbot):  # fmt: skip
    video = make_face_video(media_ffmpeg, media_dir / "face" / "preview.mp4", track,
                            seconds=12.0)  # fmt: skip
    engine.manager.pause()  # keep the job queued: the preview comes before processing
    window = make_window()
    window.resize(1280, 860)
    panel = window.options_panel
    panel.clip_seconds.setValue(4.0)
    panel.layout_box.setCurrentIndex(panel.layout_box.findData(Layout.SMART.value))
    panel.size.setCurrentIndex(panel.size.findData("720x1280"))
    panel.quality.setCurrentIndex(panel.quality.findData("low"))
    [job] = window.add_paths([str(video.path)])
    window.select_job(job.id)
    preview = window.detail.preview
    assert preview is not None and window.detail.tabs.currentWidget() is window.detail.preview_page
    shown = preview._shown
    qtbot.waitUntil(lambda: shown.frames is not None and shown.path is not None, timeout=60_000)
    # planned before processing: three 4 s clips; the crop estimated from the frames
    assert [(c[1], c[2]) for c in shown.cuts] == [(0, 4), (4, 8), (8, 12)]
    assert shown.estimated and len(shown.frames) == 8
    first = shown.path.window(shown.frames[0][0])
    assert first[0] <= 0.2 <= first[1]  # the face on the left is inside the estimated crop
    last = shown.path.window(shown.frames[-1][0])
    assert last[0] <= 0.8 <= last[1]
    shoot(window, "6-preview-before")

    engine.manager.resume()
    model = window.model
    qtbot.waitUntil(lambda: model.index(0, 0).data(JOB_ROLE).state == "completed",
                    timeout=240_000)  # fmt: skip
    qtbot.waitUntil(lambda: not shown.estimated and len(preview._shown.clip_images or {}) == 3,
                    timeout=60_000)  # fmt: skip
    assert window.detail.preview._shown.path is not None
    shoot(window, "7-preview-after")
    png = shoot(preview, "8-preview-widget")
    assert Path(png).stat().st_size > 10_000
