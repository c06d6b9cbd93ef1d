"""What the build hands around: :class:`Entry` (one report to build) and :class:`BuildFailure` (why one could not
be built). ``helpers.pipeline`` creates them and ``helpers.render`` reads them by attribute (``entry.name``,
``error.ename``); both are plain dataclasses that cross process boundaries as ``to_dict()``/``Entry(**d)``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One report to build: a notebook with one parameter set.

    ``name`` is ``stem`` for the default report and ``stem--variant`` for a declared variant or a ``-p`` run;
    ``output`` is the report's file name under ``reports/`` (``name + ".html"``). ``parameters`` holds the plain
    literals injected into the notebook (dates as ISO strings); ``defaults`` the declared defaults. ``variant`` is
    the declared variant's name, the ``-p`` name part, or None for the default report. ``prev``/``next`` link to
    the neighbouring notebooks' default reports in reading order (``{"id", "title", "output"}`` or None).
    ``data_version`` and ``data_files`` are filled in after execution: the fingerprint of the data files this
    report read (``helpers.cache.data_fingerprint``) and their paths, which the report's header lists. ``lang`` is
    the edition (``en``, or ``ar`` for the Arabic edition under ``reports/ar/``).
    """

    id: str
    stem: str
    name: str
    title: str
    summary: str
    paragraphs: str
    parameters: dict[str, Any]
    output: str
    notebook: str
    variant: str | None = None
    defaults: dict[str, Any] = field(default_factory=dict)
    prev: dict | None = None
    next: dict | None = None
    data_version: str | None = None
    data_files: tuple[str, ...] = ()
    lang: str = "en"
    #: ``{"cell_timeout": seconds, "cell_output": characters}`` from the section map (``helpers.limits``).
    limits: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class BuildFailure:
    """Why a report could not be built; handed to ``render.render_failure(entry, error)``.

    Attribute names follow papermill's ``PapermillExecutionError`` (``cell_index``, ``exec_count``, ``source``,
    ``ename``, ``evalue``, ``traceback``); ``stage`` is ``"execute"`` or ``"render"``; ``debug_notebook`` is the
    executed notebook kept for debugging (relative to the repository when inside it).
    """

    stage: str
    ename: str
    evalue: str
    traceback: str = ""
    cell_index: int | None = None
    exec_count: int | None = None
    source: str = ""
    parameters: dict = field(default_factory=dict)
    debug_notebook: str = ""

    def __str__(self) -> str:
        where = f"cell {self.cell_index}" if self.cell_index is not None else self.stage
        return f"{self.ename} in {where}: {self.evalue}"
