"""Notebook 02's case rule is post hoc and recorded (issue 21, referee minor 14; methods-8 m3): the rule and the
family of its tests were set after the results had been seen; from version 0.3.0 they are recorded in CHANGELOG.md
and CITATION.cff and printed on 02's first screen, and the three say the same words. Recording is not presented as
protection ("frozen"): the first screen names the wide-pool check as the rule's defence."""

from __future__ import annotations

import yaml

from helpers import i18n, paths, present
from helpers.tables import pact_rule

ROOT = paths.ROOT

#: The rule as recorded on 7 December 2026. Changing the rule means a new dated CHANGELOG entry and a new recorded
#: text here, never a silent edit of ``pact_rule.RULE``.
FROZEN = ("The rule, set post hoc, after the results had been seen, and recorded on 7 December 2026 (version 0.3.0): "
          "a case is an ATOP 4.01 agreement signed from 1945 on with a defence pledge, at least three states at "
          "signature and a permanent member of the UN Security Council among them; two pacts' exit rates "
          "differ when the exact two-sided test of two Poisson rates gives p below 0.05 after Holm's adjustment "
          "over NATO's comparisons with each other pact, and the adjustment over every pair of pacts is shown "
          "beside it.")


def test_the_rule_is_the_frozen_one_and_names_both_adjustments():
    assert pact_rule.RULE == FROZEN
    assert (pact_rule.FROZEN_ON, pact_rule.FROZEN_IN) == ("2026-12-07", "0.3.0")
    assert "NATO's comparisons" in FROZEN and "every pair of pacts" in FROZEN


def test_the_first_screen_calls_the_rule_post_hoc_and_names_its_defence_in_both_editions():
    """Referee (methods-8, m3): "frozen" on the day the results were seen protects nothing in retrospect; the note
    says the rule is post hoc and that the wide-pool check is what tests it (methods-10 m5: it tests, not defends), in English and in Arabic."""
    note = pact_rule.NOTE
    assert "frozen" not in note.lower() and "after the results were seen" in note
    assert "a check on all defence pacts of three or more states" in note
    note_ar = i18n.text(note, "ar")
    assert "جُمّدت" not in note_ar and "المجمّدة" not in i18n.text(FROZEN, "ar")
    assert "كل المواثيق الدفاعية" in note_ar and "ثلاث دول" in note_ar


def test_changelog_and_citation_record_the_frozen_rule():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "### Recorded" in changelog and FROZEN in changelog
    assert "frozen" not in FROZEN.lower() and "post hoc" in FROZEN
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert FROZEN in " ".join(cff["abstract"].split())
    assert str(cff["version"]) == pact_rule.FROZEN_IN


def test_02s_first_screen_names_the_frozen_rule_and_prints_it_right_under_the_box(executed):
    """The first screen keeps to plain words (no p-value, no Holm: test_02s_first_screen_has_no_statistics_in_either
    _edition); right under the box the page says, plainly, that the rule came after the results and what tests it,
    then prints the rule itself, word for word, in both editions (the note sat in the box until it made the exits
    item 10 lines long on a phone)."""
    nb = executed("02-nato-enlargement")
    outputs = [o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if o.get("data")]
    at = [i for i, d in enumerate(outputs) if present.GLANCE_MIME in d]
    assert len(at) == 1
    last = outputs[at[0]][present.GLANCE_MIME]["findings"][-1]
    assert "Holm" not in last and "0.3.0" not in last and pact_rule.NOTE not in last  # no release number
    below = outputs[at[0] + 1]["text/plain"]
    assert below.index(pact_rule.NOTE) < below.index(FROZEN), "the note, then the frozen rule, follow the box"
    rule_ar, note_ar = i18n.text(FROZEN, "ar"), i18n.text(pact_rule.NOTE, "ar")
    assert rule_ar != FROZEN and "هولم" in rule_ar and "0.3.0" in rule_ar
    assert note_ar != pact_rule.NOTE and "0.3.0" not in note_ar and "هولم" not in note_ar
    arabic = i18n.text(last, "ar")  # the Arabic edition's first screen, in Arabic
    assert "Too few exits" not in arabic and arabic != last


def test_02_says_atops_definitions_are_paraphrased_and_the_rule_post_hoc_in_both_editions():
    """Referee (methods-8, m1, m3): no page of ATOP's 3.0 codebook was read, so its definitions are paraphrased, not
    "quoted in ATOP's own words"; and the rule is presented as post hoc, with the wide-pool check as what tests it
    (methods-10, m5: the check keeps "three states at signature", so it tests the rule, it does not defend it), and
    the page says plainly that no page-numbered codebook was found (methods-10, major 3)."""
    from helpers.i18n import catalogs

    source = " ".join((ROOT / "notebooks" / "02-nato-enlargement.py").read_text(encoding="utf-8")
                      .replace("# ", " ").split())
    assert "own words" not in source and "paraphrased from its 3.0 codebook" in source
    assert "The rule is post hoc" in source and "It is frozen" not in source
    assert "What tests it is a check, not the record" in source and "The defence is" not in source
    assert "No page-numbered codebook of version 4.01 or 5.x was found" in source
    arabic = " ".join(text for _, text, _ in catalogs.cell_translations("02-nato-enlargement").values())
    assert "بكلماته هو" not in arabic and "تُعاد صياغة تعريفات ATOP بكلماتنا" in arabic
    assert "وهي مجمّدة" not in arabic and "والقاعدة موضوعة لاحقًا" in arabic
    assert "وما يختبرها اختبارٌ لا تسجيل" in arabic and "ولم يُعثر على دليل ترميز مرقّم الصفحات" in arabic
