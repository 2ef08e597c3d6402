"""Every door against one table of intake cases: the same inputs give the same jobs and the
same refusals (with the same reasons) whether they come through the core use case, a drop on
the window, Add videos / Add folder, the terminal (`storyclip process` in a subprocess) or
REST (a real aiohttp server)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from storyclip_gui.core.intake import IntakeError, IntakeRequest, Problem
from storyclip_gui.core.sources import Refused

pytestmark = pytest.mark.media

CLI = [sys.executable, "-m", "storyclip_gui"]
TINY = ("--clip-seconds", "1", "--size", "720x1280", "--quality", "low")


@dataclass(frozen=True)
class Case:
    """Paths are given relative to the case's folder `in/`: the terminal gets them as typed
    (it runs there); doors without a working folder get them joined to it, unnormalised."""

    name: str
    paths: tuple[str, ...]
    jobs: tuple[str, ...] = ()  # expected sources, relative to the test folder
    refused: tuple[tuple[str, Refused], ...] = ()  # (name shown, reason)
    problem: Problem | None = None  # the whole request refused
    options: dict[str, Any] = field(default_factory=dict)
    job_id: str | None = None
    one_file: tuple[tuple[str, Refused], ...] | None = None  # for a door taking one file


def build_inputs(root: Path, video: Path) -> Path:
    """The files every case refers to, under root/in."""
    inp = root / "in"
    (inp / "sub").mkdir(parents=True)
    shutil.copy(video, inp / "v.mp4")
    shutil.copy(video, inp / ".hidden.mp4")
    (inp / "notes.txt").write_text("not a video")
    (inp / "empty.mp4").touch()
    (inp / "link.mp4").symlink_to(inp / "v.mp4")
    mixed = inp / "mixed"
    (mixed / "deeper").mkdir(parents=True)
    shutil.copy(video, mixed / "a.mp4")
    shutil.copy(video, mixed / "deeper" / "b.mkv")
    shutil.copy(video, mixed / ".c.mp4")
    (mixed / "readme.txt").write_text("x")
    (inp / "nothing").mkdir()
    (inp / "nothing" / "notes.txt").write_text("x")
    return inp


def cases(root: Path | None = None) -> list[Case]:
    nothing = str((root or Path("ROOT")) / "in" / "nothing")
    return [
        Case("video", ("v.mp4",), jobs=("in/v.mp4",)),
        Case("hidden file", (".hidden.mp4",), refused=((".hidden.mp4", Refused.HIDDEN),)),
        Case("missing file", ("gone.mp4",), refused=(("gone.mp4", Refused.MISSING),)),
        Case("non-video file", ("notes.txt",), refused=(("notes.txt", Refused.NOT_VIDEO),)),
        Case("empty file", ("empty.mp4",), refused=(("empty.mp4", Refused.EMPTY),)),
        Case("folder with mixed files", ("mixed",),
             jobs=("in/mixed/a.mp4", "in/mixed/deeper/b.mkv"),
             one_file=(("mixed", Refused.FOLDER),)),
        Case("folder without videos", ("nothing",), refused=((nothing, Refused.NO_VIDEOS),),
             one_file=(("nothing", Refused.FOLDER),)),
        Case("duplicate spellings", ("v.mp4", "./v.mp4", "../in/v.mp4", "sub/../link.mp4"),
             jobs=("in/v.mp4",)),
        Case("dotted path", ("sub/../v.mp4",), jobs=("in/v.mp4",)),
        Case("bad id", ("v.mp4",), job_id="a/b", problem=Problem.JOB_ID),
        Case("bad template", ("v.mp4",), options={"name_template": "{stem.__class__}.mp4"},
             problem=Problem.OPTIONS),
        Case("unknown preset", ("v.mp4",), options={"preset": "vine"}, problem=Problem.OPTIONS),
        Case("good and bad together", ("notes.txt", "v.mp4", "gone.mp4"), jobs=("in/v.mp4",),
             refused=(("notes.txt", Refused.NOT_VIDEO), ("gone.mp4", Refused.MISSING))),
    ]  # fmt: skip


CASE_NAMES = [c.name for c in cases()]


@dataclass
class Outcome:
    jobs: list[str] = field(default_factory=list)
    refused: list[tuple[str, Refused]] = field(default_factory=list)
    problem: Problem | None = None


def why_of(text: str) -> Refused:
    """The reason a door showed, recognised by its English text."""
    for why in Refused:
        pattern = re.escape(why.value).replace(re.escape("{detail}"), ".+")
        if re.search(pattern + r"\.?$", text.strip()):
            return why
    raise AssertionError(f"no known reason in {text!r}")


def jobs_of(root: Path, sources: list[str]) -> list[str]:
    for source in sources:  # stored paths are absolute and never keep '..' (issue 16 item 11)
        assert os.path.isabs(source) and ".." not in Path(source).parts, source
    return sorted(os.path.relpath(s, root) for s in sources)


def expected(case: Case, one_file: bool) -> Outcome:
    if case.problem:
        return Outcome(problem=case.problem)
    if one_file and case.one_file is not None:
        return Outcome(refused=sorted(case.one_file))
    return Outcome(sorted(case.jobs), sorted(case.refused))


# -- the doors ------------------------------------------------------------------------------
def through_core(core: Any, root: Path, case: Case) -> Outcome:
    inp = root / "in"
    request = IntakeRequest([str(inp / p) for p in case.paths], case.options,
                            job_id=case.job_id)  # fmt: skip
    try:
        result = core.facade.intake.submit(request)
    except IntakeError as exc:
        return Outcome(problem=exc.problem)
    return Outcome(jobs_of(root, [j.source for j in result.jobs]),
                   sorted((r.name, r.why) for r in result.refused))  # fmt: skip


def window_outcome(window: Any, engine: Any, root: Path) -> Outcome:
    outcome = Outcome(jobs_of(root, [j.source for j in engine.manager.jobs()]))
    notice = window.notice_text.text() if window.notice.isVisible() else ""
    for line in re.findall(r"“([^”]*)” ([^\n]+)", notice):
        outcome.refused.append((line[0], why_of(line[1])))
    outcome.refused.sort()
    return outcome


@pytest.fixture
def root(tmp_path: Path, video: Callable[..., Path]) -> Path:
    build_inputs(tmp_path, video("tiny.mp4", seconds=1, size="160x120", audio=False))
    return tmp_path


def _case(name: str, root: Path) -> Case:
    return next(c for c in cases(root) if c.name == name)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_core_intake(name: str, root: Path, run_async: Any) -> None:
    from storyclip_gui.app import build_engine
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.memory_store import MemoryJobStore

    core = build_engine(load_settings(), store=MemoryJobStore(), recover=False)
    core.manager.pause()
    case = _case(name, root)
    assert through_core(core, root, case) == expected(case, one_file=False)


@pytest.mark.parametrize("name", CASE_NAMES)
@pytest.mark.parametrize("how", ["drop", "add videos", "add folder"])
def test_window(name: str, how: str, root: Path, make_window: Any, engine: Any,
                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QFileDialog

    case = _case(name, root)
    if case.problem is not None:
        pytest.skip("the window has no job id, name template or preset outside its lists")
    paths = [str(root / "in" / p) for p in case.paths]
    folders = [p for p in paths if os.path.isdir(p)]
    if how == "add folder" and folders != paths:
        pytest.skip("Add folder picks one folder")
    if how == "add videos" and folders:
        pytest.skip("Add videos picks files")
    engine.manager.pause()
    window = make_window()
    if how == "drop":
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
        event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
        window.drop_zone.dropEvent(event)
    elif how == "add videos":
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
        window.act_add.trigger()
    else:
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: paths[0])
        window.act_add_folder.trigger()
    assert window_outcome(window, engine, root) == expected(case, one_file=False)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_watched_folder(name: str, root: Path, make_window: Any, engine: Any,
                        qtbot: Any) -> None:  # fmt: skip
    from storyclip_gui.ui.settings_dialog import WindowPrefs

    case = _case(name, root)
    folder = root / "in" / case.paths[0]
    if case.problem is not None or len(case.paths) > 1 or not folder.is_dir():
        pytest.skip("a watched folder is a folder, with the settings' options")
    if not case.jobs:
        pytest.skip("a watched folder without videos is watched, not refused")
    engine.manager.pause()
    window = make_window(watch_interval=0.05, watch_settle=0.1)
    window.prefs = WindowPrefs(watch_folders=[str(folder)])
    window.restart_watching()
    qtbot.waitUntil(lambda: len(engine.manager.jobs()) == len(case.jobs), timeout=10_000)
    assert window_outcome(window, engine, root) == expected(case, one_file=False)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_terminal(name: str, root: Path) -> None:
    case = _case(name, root)
    if case.job_id is not None:
        pytest.skip("`storyclip process` takes no job id")
    flags = {"name_template": "--name-template", "preset": "--preset"}
    options = [x for key, value in case.options.items() for x in (flags[key], value)]
    result = subprocess.run([*CLI, "process", "--json", *TINY, *options, *case.paths],
                            cwd=root / "in", capture_output=True, text=True, timeout=180,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    if case.problem is not None:
        assert result.returncode == 2, result.stderr
        assert "storyclip process:" in result.stderr and "Traceback" not in result.stderr
        return
    assert result.returncode in (0, 1), result.stderr
    results = json.loads(result.stdout)
    outcome = Outcome(jobs_of(root, [r["source"] for r in results if r["jobId"]]))
    for r in results:
        if r["jobId"] is None:
            shown = r["source"] if why_of(r["error"]["message"]) is Refused.NO_VIDEOS \
                else os.path.basename(r["source"])  # fmt: skip
            assert r["source"] == os.path.abspath(r["source"])  # reported by absolute path
            outcome.refused.append((shown, why_of(r["error"]["message"])))
    outcome.refused.sort()
    assert outcome == expected(case, one_file=False)
    assert all(r["status"] == "completed" for r in results if r["jobId"]), results


@pytest.mark.parametrize("name", CASE_NAMES)
def test_rest(name: str, root: Path, run_async: Any) -> None:
    from storyclip_gui.app import build_engine
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.memory_store import MemoryJobStore
    from tests.server.conftest import auth, running

    case = _case(name, root)
    if len(case.paths) > 1:
        pytest.skip("REST takes one file per request")
    served = build_engine(load_settings(), store=MemoryJobStore(), recover=False)
    served.manager.pause()
    body: dict[str, Any] = {"tempPath": str(root / "in" / case.paths[0]),
                            "options": case.options}  # fmt: skip
    if case.job_id is not None:
        body["jobId"] = case.job_id

    async def main() -> Outcome:
        url = "/api/v1/process/story"
        async with running(served) as server, aiohttp.ClientSession() as http, \
                http.post(server.url + url, json=body, headers=auth()) as r:  # fmt: skip
            answer = await r.json()
        if r.status == 202:
            return Outcome(jobs_of(root, [served.manager.get(answer["jobId"]).source]))
        assert r.status == 400, answer
        code, message = answer["error"]["code"], answer["error"]["message"]
        assert str(root) not in message  # REST never echoes where a client keeps files
        if code != "invalid_temp_path":
            return Outcome(problem=Problem(code))
        return Outcome(refused=[(os.path.basename(case.paths[0]), why_of(message))])

    assert run_async(main()) == expected(case, one_file=True)


# -- re-run and retry: the source is checked again at every door ------------------------------
def test_retry_through_rest_and_the_window_and_rerun_through_the_terminal_check_the_source(
    root: Path, run_async: Any, tmp_path: Path
) -> None:
    from storyclip_gui.app import build_engine, open_job_store
    from storyclip_gui.config import load_settings
    from storyclip_gui.core.ports import HistoryQuery
    from tests.server.conftest import auth, running

    source = root / "in" / "v.mp4"
    settings = load_settings()
    engine = build_engine(settings, recover=False)  # the real history in the data folder
    engine.manager.pause()
    job = engine.facade.intake.submit(IntakeRequest([str(source)])).jobs[0]
    engine.manager.cancel(job.id)
    source.unlink()

    async def main() -> tuple[int, dict[str, Any]]:
        async with running(engine) as server, aiohttp.ClientSession() as http, \
                http.post(f"{server.url}/api/v1/jobs/{job.id}/retry", headers=auth()) as r:
            return r.status, await r.json()

    status, answer = run_async(main())
    assert status == 409 and answer["error"]["code"] == "not_retryable"
    assert answer["error"]["message"] == "'v.mp4' does not exist (was it moved?)."
    engine.store.close()  # type: ignore[attr-defined]

    result = subprocess.run([*CLI, "history", "rerun", job.id], capture_output=True, text=True,
                            timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "'v.mp4' does not exist" in result.stderr and "Traceback" not in result.stderr
    store = open_job_store(settings)
    assert [j.id for j in store.history(HistoryQuery()).jobs] == [job.id], "nothing new stored"
    store.close()


def test_retry_in_the_window_checks_the_source(root: Path, make_window: Any, engine: Any,
                                               qtbot: Any) -> None:  # fmt: skip
    source = root / "in" / "v.mp4"
    engine.manager.pause()
    window = make_window()
    [job] = window.add_paths([str(source)])
    engine.manager.cancel(job.id)
    source.unlink()
    qtbot.waitUntil(lambda: window.model.job(job.id).state.value == "cancelled")
    window.select_job(job.id)
    window.act_retry.trigger()
    assert window.notice_text.text() == "'v.mp4' does not exist (was it moved?)."
    assert engine.manager.get(job.id).state.value == "cancelled"


def test_rerun_in_the_window_checks_the_source_and_reuses_its_empty_folder(
    root: Path, make_window: Any, engine: Any
) -> None:
    source = root / "in" / "v.mp4"
    engine.manager.pause()
    window = make_window()
    [old] = window.add_paths([str(source)])
    engine.manager.cancel(old.id)
    folder = Path(engine.manager.output_root) / "v"
    folder.mkdir(parents=True)  # left empty by an earlier version, or a crash
    old.output_dir = str(folder)
    new = window.rerun(old, with_current_options=False)
    assert new is not None and new.parent_id == old.id and new.output_dir == str(folder)
    engine.manager.cancel(new.id)
    source.unlink()
    assert window.rerun(old, with_current_options=True) is None
    assert window.notice_text.text() == "'v.mp4' does not exist (was it moved?)."
