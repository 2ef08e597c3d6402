"""One way in: what every door (window, watch folder, terminal, REST, re-run, retry) is given
becomes jobs here, by one rule.

Paths are expanded (folders searched, when the door searches folders), normalised (absolute,
no `..`), accepted or refused each with a reason (core.sources), and the same file given in
several spellings or links is one job. Options are merged once: defaults < a preset's
limits < what the person chose. Ids and name templates are validated before anything is
stored. A request the whole of which is wrong (bad options, bad id, duplicate id) raises
IntakeError; a path that yields no job is a Refusal in the result, and the rest go on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from storyclip_gui.core.jobs import (
    BAD_JOB_ID,
    DuplicateJobError,
    Job,
    SubmitError,
    can_retry,
    is_job_id,
)
from storyclip_gui.core.manager import JobManager, JobSpec
from storyclip_gui.core.options import OptionsError, StoryOptions
from storyclip_gui.core.sources import (
    Refusal,
    Refused,
    clean_path,
    file_problem,
    find_videos,
    name_problem,
    printable,
    same_file_key,
    text_problem,
)


class Problem(StrEnum):
    """What made a whole request unacceptable (the REST error codes are these)."""

    JOB_ID = "invalid_job_id"
    OPTIONS = "invalid_options"
    SOURCE = "invalid_input"  # a re-run or retry whose source cannot be used
    DUPLICATE = "duplicate_job_id"
    UNKNOWN_JOB = "job_not_found"
    NOT_RETRYABLE = "not_retryable"


class IntakeError(SubmitError):
    """The request as a whole is refused; nothing was stored."""

    def __init__(self, problem: Problem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class IntakeRequest:
    """What a door was given.

    `options` are what the person chose (a mapping, merged over the defaults with a preset's
    limits between, or finished StoryOptions). `relative_to` is the folder relative paths
    are read from (the terminal's working folder); None refuses them (REST has no folder a
    client could mean). Doors that take one file by contract (REST) do not search folders.
    """

    paths: Sequence[str]
    options: Mapping[str, Any] | StoryOptions = field(default_factory=dict)
    job_id: str | None = None
    output_root: str | None = None
    search_folders: bool = True
    relative_to: str | None = None


@dataclass
class IntakeResult:
    jobs: list[Job] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


def merge_options(
    defaults: Mapping[str, Any], chosen: Mapping[str, Any] | StoryOptions
) -> StoryOptions:
    """defaults < the chosen preset's clip length and limit < the values chosen.
    Raises IntakeError(OPTIONS) with a message for the person."""
    if isinstance(chosen, StoryOptions):
        return chosen
    if not isinstance(chosen, Mapping):
        raise IntakeError(Problem.OPTIONS, "options must be a JSON object.")
    base = dict(defaults)
    if chosen.get("preset"):  # the preset's length and limit beat the defaults
        for key in ("clip_seconds", "clipSeconds", "max_clips", "maxClips"):
            base.pop(key, None)
    try:
        return StoryOptions.from_dict({**base, **chosen})
    except OptionsError as exc:
        raise IntakeError(Problem.OPTIONS, str(exc)) from None
    except (TypeError, ValueError):
        raise IntakeError(Problem.OPTIONS, "An option has a value of the wrong type.") from None


def expand(
    paths: Iterable[str], *, search_folders: bool = True, relative_to: str | None = None
) -> tuple[list[str], list[Refusal]]:
    """The files the paths name, in order, once each (by the file they resolve to), and the
    refusals: each path yields files or a reason."""
    accepted: list[str] = []
    refused: list[Refusal] = []
    seen: set[str] = set()

    def take(path: str, problem: Refusal | None) -> None:
        if problem is not None:
            refused.append(problem)
            return
        key = same_file_key(path)
        if key not in seen:
            seen.add(key)
            accepted.append(path)

    for raw in paths:
        why = text_problem(raw)
        if why is None and relative_to is None and not os.path.isabs(raw):
            why = Refused.RELATIVE
        if why is not None:
            refused.append(Refusal(printable(raw), why))
            continue
        path = clean_path(raw, relative_to)
        if search_folders and os.path.isdir(path):
            videos = [str(video) for video in find_videos(Path(path))]
            if not videos:
                refused.append(Refusal(path, Refused.NO_VIDEOS))
            for video in videos:
                take(video, file_problem(video))
            continue
        problem = file_problem(path)
        if problem is None or problem.why in (Refused.EMPTY, Refused.UNREADABLE):
            problem = name_problem(path) or problem  # a file that is there: its name first
        take(path, problem)
    return accepted, refused


class Intake:
    """The use case every door calls. `defaults` are the settings' default options."""

    def __init__(self, manager: JobManager, defaults: Mapping[str, Any] | None = None) -> None:
        self.manager = manager
        self.defaults = dict(defaults or {})

    def submit(self, request: IntakeRequest) -> IntakeResult:
        """Jobs for the acceptable paths, refusals for the others. Raises IntakeError when the
        request as a whole is wrong, StoreError when the history refuses to store a job."""
        options = merge_options(self.defaults, request.options)
        job_id = request.job_id
        if job_id is not None:
            self._check_new_id(job_id)
        sources, refused = expand(request.paths, search_folders=request.search_folders,
                                  relative_to=request.relative_to)  # fmt: skip
        if job_id is not None and len(sources) > 1:
            raise IntakeError(Problem.JOB_ID, "A jobId names one job: give one file with it.")
        result = IntakeResult(refused=refused)
        for source in sources:
            spec = JobSpec(source, options, job_id=job_id, output_root=request.output_root)
            result.jobs.append(self._register(spec))
        return result

    def rerun(self, job_id: str, changes: Mapping[str, Any] | StoryOptions | None = None) -> Job:
        """A new job for the source of a job from history (live or stored), with its options
        or with `changes` over them; it names the old one as parent and reuses the old job's
        output folder when that is empty and no live job writes there."""
        old = self._find(job_id)
        options = merge_options(old.options.to_dict(), changes or {})
        self._check_source(old.source)
        reuse = old.output_dir if self._free_empty_folder(old.output_dir) else None
        return self._register(JobSpec(old.source, options, output_root=old.output_root,
                                      parent_id=old.id, output_dir=reuse))  # fmt: skip

    def retry(self, job_id: str) -> Job:
        """Put a failed, cancelled or interrupted live job back in the queue, once its source
        is still usable."""
        job = self.manager.get(job_id)
        if job is None:
            stored = self.manager.store.get(job_id)
            if stored is None:
                raise IntakeError(Problem.UNKNOWN_JOB, f"No job with id {job_id!r}.")
            raise IntakeError(Problem.NOT_RETRYABLE, "The job is only in the history now; "
                              "submit it again.")  # fmt: skip
        if not can_retry(job.state):
            raise IntakeError(Problem.NOT_RETRYABLE,
                              "Only failed, cancelled or interrupted jobs can be retried "
                              f"(this one is {job.state}).")  # fmt: skip
        self._check_source(job.source)
        return self.manager.retry(job_id)

    # -- rules -----------------------------------------------------------------------------
    def _check_new_id(self, job_id: object) -> None:
        if not is_job_id(job_id):
            raise IntakeError(Problem.JOB_ID, BAD_JOB_ID)
        assert isinstance(job_id, str)
        if self.manager.get(job_id) is not None or self.manager.store.get(job_id) is not None:
            raise IntakeError(Problem.DUPLICATE, str(DuplicateJobError(job_id)))

    def _check_source(self, source: str) -> None:
        problem = file_problem(source)
        if problem is not None:
            raise IntakeError(Problem.SOURCE, problem.message)

    def _find(self, job_id: str) -> Job:
        job = self.manager.get(job_id) or self.manager.store.get(job_id)
        if job is None:
            raise IntakeError(Problem.UNKNOWN_JOB, f"No job with id {job_id!r} in the history.")
        return job

    def _free_empty_folder(self, folder: str | None) -> bool:
        if not folder or any(j.output_dir == folder and not j.is_final
                             for j in self.manager.jobs()):  # fmt: skip
            return False
        try:
            return Path(folder).is_dir() and not any(Path(folder).iterdir())
        except OSError:
            return False

    def _register(self, spec: JobSpec) -> Job:
        try:
            return self.manager.submit(spec)
        except DuplicateJobError as exc:  # stored by another engine meanwhile
            raise IntakeError(Problem.DUPLICATE, str(exc)) from None
