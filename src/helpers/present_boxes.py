"""Every notebook, through ``helpers.present``: the text a notebook shows besides its charts and tables — an
Arabic term marked right-to-left, the "At a glance" findings the renderer places in the page header, and a list of
computed takeaways where the cell stands. Notebooks call them as ``present.ar``, ``present.glance`` and
``present.findings``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from helpers import i18n, wording
from helpers.bibliography import PresentError
from helpers.render import templating

GLANCE_MIME = "application/vnd.nato-report.glance+json"


@dataclass(frozen=True)
class Arabic:
    """An Arabic term, shown right-to-left with an Arabic font; ``str()`` gives the marked-up HTML."""

    text: str

    def _repr_html_(self) -> str:
        return f'<p lang="ar" dir="rtl">{html.escape(self.text)}</p>'

    def __str__(self) -> str:
        return f'<bdi lang="ar" dir="rtl">{html.escape(self.text)}</bdi>'

    def __repr__(self) -> str:
        return self.text


def ar(text: str) -> Arabic:
    """Mark an Arabic term or heading for display (``lang="ar" dir="rtl"``)."""
    if not isinstance(text, str):
        raise PresentError(f"present.ar: expected Arabic text, got {type(text).__name__}")
    return Arabic(text)


@dataclass
class Glance:
    """The "At a glance" box: 2–4 findings the renderer places in the page header, under the summary."""

    findings: list[str]
    summary: str = ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {GLANCE_MIME: {"findings": list(self.findings), "summary": self.summary},
                "text/html": templating.render("glance.html.j2", findings=self.findings),
                "text/plain": "At a glance: " + " / ".join(self.findings)}


def glance(findings, summary: str = "") -> Glance:
    """Show 2–4 findings (one sentence each, computed from the data) in the report's first screen.

    ``summary`` (optional) replaces the collection's one-line summary under the title, so a report built for
    another date says what that date shows ("NATO had 19 members on 15 Jun 2001").
    """
    items = [i18n.text(wording.words(str(f).strip())) for f in findings if str(f).strip()]
    if not 1 <= len(items) <= 4:
        raise PresentError(f"present.glance: give 1 to 4 findings (2–4 read best), got {len(items)}")
    return Glance(items, i18n.text(wording.words(str(summary or "").strip())))


@dataclass
class Findings:
    """Computed sentences shown in place as a list (takeaways that depend on the report's date)."""

    items: list[str]

    def _repr_mimebundle_(self, include=None, exclude=None):
        li = "".join(f"<li>{html.escape(i)}</li>" for i in self.items)
        return {"text/html": f'<ul class="report-findings">{li}</ul>', "text/plain": "\n".join(self.items)}


def findings(lines) -> Findings:
    """Show 1–6 sentences computed from the data as a bulleted list where the cell stands (a takeaway that holds
    for the report's own date, so a dated variant never prints a sentence written for the default date)."""
    items = [i18n.text(wording.words(str(f).strip())) for f in lines if str(f).strip()]
    if not 1 <= len(items) <= 6:
        raise PresentError(f"present.findings: give 1 to 6 sentences, got {len(items)}")
    return Findings(items)
