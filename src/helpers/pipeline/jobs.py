"""What crosses the process boundary between the build and its workers, and the three ways a report is rendered.

The build (:mod:`helpers.pipeline.run`) hands a worker one :class:`ReportJob` (or one :class:`SiteJob`) and gets
back one :class:`ReportResult` (or :class:`SiteResult`). They are frozen dataclasses of plain values, so they pickle
for ``concurrent.futures`` and any other executor; :meth:`ReportJob.to_dict` / :meth:`ReportJob.from_dict` give
the plain-data form the worker functions take and return (JSON-able: strings, numbers, lists, dicts). A job
carries everything a worker needs: its entry, the folders to write to, the cache key, and what the last build of
this report recorded; a worker reads no setting from the build process. The Dask executor differs on the way
back: its worker returns a :class:`Ran` (pickled, not plain data: it holds the render's outcome, a failure or an
enum, and the executed notebook's bytes), and the build process writes it with
:func:`helpers.pipeline.worker.write_result`, where a pool worker writes its own and returns a ``ReportResult``.

How a report is rendered (:class:`RenderPath`), decided by the cache plan (:func:`helpers.cache.why_stale`) and,
for a prose edit, by whether the kept page still describes the report:

1. ``FULL`` — the notebook runs in a kernel and the whole executed notebook is rendered (``Action.EXECUTE``);
2. ``CACHED_RUN`` — no kernel: the kept executed notebook, with the current markdown merged in
   (:mod:`helpers.pipeline.prose_merge`), is rendered whole (``Action.RENDER``);
3. ``PROSE_ONLY`` — no kernel, no nbconvert pass: only the edited markdown cells are rendered into the kept page
   (:func:`helpers.render.prose_in_page.respin`) (``Action.RENDER``, when the kept parts still fit).

A report whose record, code, data and page all match is not rendered at all (``cached`` in the summary).
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from helpers.models import BuildFailure, Entry


class Action(enum.StrEnum):
    """What the cache plan asks of a report (the values of :func:`helpers.cache.why_stale`)."""

    EXECUTE = "execute"  # run the notebook in a kernel, then render it whole
    RENDER = "render"  # a prose or title edit: render again from the kept run, no kernel
    CACHED = "cached"  # up to date: nothing to do


class RenderPath(enum.Enum):
    """The three ways a report's page is made (see the module docstring)."""

    FULL = "full"
    CACHED_RUN = "cached run"
    PROSE_ONLY = "prose only"


@dataclass(frozen=True)
class Rendered:
    """A render's outcome: the files to write (or the failure), the parts a later prose edit re-renders from, the
    path taken, and the export files a prose-only render left in place (``{relative path: content hash}``)."""

    files: dict[str, bytes]
    parts: dict | None
    failure: BuildFailure | None
    path: RenderPath
    edited: int = 0  # markdown cells rendered again (PROSE_ONLY)
    unchanged: dict[str, str] = field(default_factory=dict)

    @classmethod
    def failed(cls, failure: BuildFailure, path: RenderPath) -> Rendered:
        return cls({}, None, failure, path)

    @property
    def how(self) -> str:
        """What the summary says after "built" (nothing for a full render)."""
        if self.path is RenderPath.CACHED_RUN:
            return "re-rendered without a kernel"
        if self.path is RenderPath.PROSE_ONLY:
            if not self.edited:
                return "the kept page written again, no kernel"
            return f"{self.edited} edited prose cell{'s' if self.edited != 1 else ''} rendered in the kept page, " \
                   "no kernel"
        return ""


def _known(cls, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` when every key is a field of ``cls``; else ValueError naming the unknown keys and the fields (a
    field renamed on one side of the process boundary fails here instead of disappearing)."""
    known = [f.name for f in fields(cls)]
    unknown = sorted(k for k in data if k not in known)
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
                         f"(allowed: {', '.join(known)})")
    return dict(data)


def _entry(data: dict[str, Any]) -> Entry:
    """An :class:`~helpers.models.Entry` from its ``to_dict``, unknown fields refused as :func:`_known` does."""
    data = _known(Entry, data)
    return Entry(**dict(data, data_files=tuple(data.get("data_files", ()))))


@dataclass(frozen=True)
class Previous:
    """The last build's record of a report (:func:`helpers.cache.read_record`): its execution ``key`` and
    ``render`` key, the data files it read (``data``), the files it wrote (``outputs``; both ``{relative path:
    content hash}``), the content hash of the executed notebook kept in the cache (``executed``) and the limits it
    ran under (``limits``, ``[limits]`` of ``collection.toml``)."""

    key: str
    render: str
    data: dict[str, str]
    outputs: dict[str, str]
    executed: str | None = None
    format: int | None = None
    limits: dict[str, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Previous | None:
        return None if data is None else cls(**_known(cls, data))


@dataclass(frozen=True)
class Ran:
    """A report run (or re-rendered) and not yet written: its ``name``, the render's outcome, the data files the
    run read (``reads``), the seconds it took and, from a worker with a folder of its own (Dask), the executed
    notebook's bytes. The local pool's workers and the Dask workers both hand one to
    :func:`helpers.pipeline.worker.write_result`, so the two executors write through one type."""

    name: str
    rendered: Rendered
    reads: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    executed: bytes | None = None


@dataclass(frozen=True)
class ReportJob:
    """One report for a worker: its entry, what to do (``Action.EXECUTE`` or ``Action.RENDER``), the execution
    ``key`` the cache recorded it under, the output folders, and the last build's record (:class:`Previous`: its
    data reads, outputs and kept executed notebook), or None."""

    entry: Entry
    action: Action
    key: str
    reports: Path
    build: Path
    cache: Path
    staging: Path
    previous: Previous | None = None

    @property
    def reads(self) -> dict[str, str]:
        """``{data file: content hash}`` the last run read (a re-render shows the same data version)."""
        return dict(self.previous.data) if self.previous else {}

    @property
    def executed(self) -> Path:
        """Where this run's executed notebook goes (kept for debugging)."""
        return self.build / f"{self.entry.name}.ipynb"

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.entry.to_dict(), "action": self.action.value, "key": self.key,
                "reports": str(self.reports), "build": str(self.build), "cache": str(self.cache),
                "staging": str(self.staging), "previous": self.previous.to_dict() if self.previous else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportJob:
        data = _known(cls, data)
        return cls(entry=_entry(data["entry"]), action=Action(data["action"]), key=data["key"],
                   reports=Path(data["reports"]), build=Path(data["build"]), cache=Path(data["cache"]),
                   staging=Path(data["staging"]), previous=Previous.from_dict(data.get("previous")))


@dataclass(frozen=True)
class ReportResult:
    """What a worker reports for one report. ``outputs`` are the files written under ``reports/`` (``{relative
    path: content hash}``; empty when a failure kept the good earlier report); ``reads`` the data files the run
    read; ``page`` where a failure page went; ``executed`` the content hash of the executed notebook kept in the
    cache (None when it could not be kept); ``how`` how a prose edit was rendered (:attr:`Rendered.how`)."""

    name: str
    ok: bool
    seconds: float = 0.0
    outputs: dict[str, str] = field(default_factory=dict)
    reads: dict[str, str] = field(default_factory=dict)
    kernel: bool = True
    error: str = ""
    debug: str = ""
    how: str = ""
    page: str = ""
    executed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportResult:
        return cls(**_known(cls, data))


@dataclass(frozen=True)
class SiteJob:
    """A part of the site written once per build (``part``: "assets"), with the key its record is kept under."""

    part: str
    key: str
    entries: tuple[Entry, ...]
    reports: Path
    staging: Path

    def to_dict(self) -> dict[str, Any]:
        return {"part": self.part, "key": self.key, "entries": [e.to_dict() for e in self.entries],
                "reports": str(self.reports), "staging": str(self.staging)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiteJob:
        data = _known(cls, data)
        entries = tuple(_entry(e) for e in data["entries"])
        return cls(part=data["part"], key=data["key"], entries=entries, reports=Path(data["reports"]),
                   staging=Path(data["staging"]))


@dataclass(frozen=True)
class SiteResult:
    """The files a site job wrote (``{relative path: content hash}``), or why none were (``error``)."""

    part: str
    outputs: dict[str, str] = field(default_factory=dict)
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SiteResult:
        return cls(part=data["part"], outputs=dict(data.get("outputs") or {}), error=data.get("error", ""))
