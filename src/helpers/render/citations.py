"""Numbered citations: a compact "Sources: [3] [7] [12]" line under each figure and one numbered bibliography.

Numbers are given in order of first citation on the page, so the bibliography reads in the order of the report.
A figure resting on more than ``GROUP_OVER`` sources shows its measure's sources as numbers and groups the rest
under one label that expands ("32 official pages").
"""

from __future__ import annotations

import re

from markupsafe import Markup

from helpers.render import markup, templating

GROUP_OVER = 12
KIND_WORDS = {"primary": ("primary document", "primary documents"), "official": ("official page", "official pages"),
              "reference": ("reference work", "reference works"), "news": ("news report", "news reports"),
              "copy": ("copy", "copies")}
KIND_WORDS_AR = {"primary": "وثائق أصلية", "official": "صفحات رسمية", "reference": "مراجع", "news": "تقارير إخبارية",
                 "copy": "نسخ منقولة"}
_PLACEHOLDER = re.compile(r'<sup class="cite-ref" data-cite="([A-Za-z0-9._-]+)">[^<]*</sup>')


def rows() -> dict[str, dict[str, str]]:
    from helpers import bibliography

    return bibliography.source_rows()


def kind_word(kind: str, n: int = 1) -> str:
    one, many = KIND_WORDS.get(kind, ("source", "sources"))
    return one if n == 1 else many


def group_label(ids: list[str], known: dict, label: str = "") -> str:
    """'32 accession records' (with ``label``) or a count by kind of source ('14 official pages, 3 news reports')."""
    if label:
        return f"{len(ids)} {label}"
    counts: dict[str, int] = {}
    for sid in ids:
        kind = known.get(sid, {}).get("kind", "")
        counts[kind] = counts.get(kind, 0) + 1
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if templating.page_lang() == "ar":  # «صفحات رسمية (14)»: the count apart, so no noun agrees with a number
        return "، ".join(f"{KIND_WORDS_AR.get(k, 'مصادر')} ({n})" for k, n in order)
    parts = [f"{n} {kind_word(k, n)}" for k, n in order]
    return ", ".join(parts)


class Citations:
    """The numbers of one page: ``number(id)`` gives a source its number on first use."""

    def __init__(self, known: dict | None = None, numbered: bool = True):
        self.known = rows() if known is None else known
        self.numbers: dict[str, int] = {}
        self.numbered = numbered

    def number(self, sid: str) -> int:
        return self.numbers.setdefault(sid, len(self.numbers) + 1)

    def _cite(self, sid: str, local: int) -> dict:
        row = self.known.get(sid, {})
        n = self.number(sid) if self.numbered else local
        return {"id": sid, "n": n, "publisher": row.get("publisher", ""), "title": row.get("title", sid)}

    def line(self, ids, measure=(), label: str = "") -> Markup:
        """The figure's source line (measure sources first, then the rest; grouped above ``GROUP_OVER``)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return Markup("")
        cites = [self._cite(sid, i + 1) for i, sid in enumerate(ids)]
        measure = [c for c in cites if c["id"] in set(measure)]
        rest = [c for c in cites if c not in measure]
        direct, group = (cites, []) if len(cites) <= GROUP_OVER else (measure[:GROUP_OVER], rest)
        if len(cites) > GROUP_OVER and len(measure) > GROUP_OVER:
            group = measure[GROUP_OVER:] + rest
        glabel = group_label([c["id"] for c in group], self.known, label) if group else ""
        return Markup(templating.render("source_line.html.j2", direct=direct, group=group, group_label=glabel,
                                        word="Source" if len(cites) == 1 else "Sources"))

    def fill(self, fragment: str) -> str:
        """Replace the source placeholders a matrix leaves in its cells by this page's numbers."""
        def repl(m: re.Match) -> str:
            sid = m.group(1)
            return (f'<sup class="cite-ref" data-cite="{sid}"><a href="#src-{sid}">[{self.number(sid)}]</a></sup>')
        return _PLACEHOLDER.sub(repl, fragment)

    def bibliography(self, extra=()) -> Markup:
        """Every cited source once, in number order, with publisher, title, link, date accessed and kind."""
        for sid in extra:
            self.number(sid)
        items = []
        for sid, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            row = self.known.get(sid)
            url = (row or {}).get("url", "")
            items.append({"id": sid, "n": n, "row": row, "kind": kind_word((row or {}).get("kind", "")).capitalize(),
                          "url": url if url.startswith(("https://", "http://")) else ""})
        return Markup(templating.render("bibliography.html.j2", items=items, day=markup.human_date))


def placeholder(sid: str) -> str:
    """A cell's source marker, numbered when the page is rendered ('†' in the notebook view)."""
    return f'<sup class="cite-ref" data-cite="{markup.esc(sid)}">†</sup>'
