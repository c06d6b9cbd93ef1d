"""Words a reader of the reports trips over (issue 24, E4 and E10): an English phrase left inside an Arabic cell,
an acronym first used in Arabic without saying what it names, and the mechanics of running a notebook (set-up
cells, imports, parameters, execution) told in the prose of a report, in either edition."""

from __future__ import annotations

import json
import re

import pytest

from helpers import i18n, load, paths
from helpers.i18n import catalogs

ATOP_AR = "مشروع التزامات المعاهدات التحالفية وأحكامها (ATOP)"


def test_the_lineage_names_the_arabic_closing_paragraph_in_arabic(monkeypatch):
    """ar/09's lineage table read «تحييد الناتو … — closing paragraph P19 — alahalygate.com»."""
    from helpers.tables import article_view

    monkeypatch.setenv(paths.LANG_VAR, "ar")
    cells = [i18n.text(w, "ar") for w in article_view.lineage_view(load.table("lineage"))["Work"]]
    assert not [c for c in cells if "closing paragraph" in c]
    assert any("الفقرة الختامية P19" in c for c in cells)
    monkeypatch.setenv(paths.LANG_VAR, "en")
    assert any("closing paragraph P19" in w for w in article_view.lineage_view(load.table("lineage"))["Work"])


def test_atop_is_named_in_arabic_where_the_ledger_first_uses_it():
    """C09's reason, the first mention of ATOP on ar/05 and ar/09, said «قاعدة بيانات ATOP» and nothing more."""
    claims = load.table("claims")
    english = claims.loc[claims["claim_id"] == "C09", "verdict_reason"].iloc[0]
    arabic = i18n.text(english, "ar")
    assert arabic != english and arabic.index(ATOP_AR) + len(ATOP_AR) - len("ATOP)") == arabic.index("ATOP")


#: The mechanics of running a notebook, which a reader of the report does not need.
MECHANICS_EN = re.compile(r"(?i)\bset-up\b|\bstops here\b|\bthe imports\b|\bparameters?\b|\bkernel\b|papermill|"
                          r"as the notebook starts|\bexecut(?:e|es|ed|ion)\b|\bcode cell")
MECHANICS_AR = re.compile("التهيئة|توقف التنفيذ|خلية الاستيراد|المعاملات|بدء الدفتر|النواة")  # «معامل» is also a factor


def _markdown(stem: str) -> list[str]:
    cells = json.loads((paths.NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("stem", sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")))
def test_report_prose_tells_what_a_reader_reads_not_how_the_notebook_runs(stem):
    """«فإن وقع خارجه توقف التنفيذ هنا برسالة تسمّيه», «تتحقق خلية الاستيراد من المعاملين كليهما» and «يُتحقق
    منها عند بدء الدفتر» stood in the Arabic reports, as "a bad date stops here" and "the imports check both
    parameters" did in the English."""
    assert [m.group(0) for t in _markdown(stem) for m in MECHANICS_EN.finditer(t)] == []
    path = catalogs.LOCALE_NOTEBOOKS / "ar" / f"{stem}.po"
    found = [m.group(0) for msg in catalogs.read(path) if msg.id for m in MECHANICS_AR.finditer(msg.string or "")]
    assert found == []


def test_the_reports_side_panel_names_its_choices_in_reader_words():
    assert i18n.gettext("Parameters", "ar") == "خيارات هذا التقرير"
