"""Notebook 02's case rule is frozen (issue 21, referee minor 14): the rule and the family of its tests were set
after the results had been seen; from version 0.3.0 they are recorded as frozen in CHANGELOG.md and CITATION.cff
and printed on 02's first screen, and the three say the same words."""

from __future__ import annotations

import yaml

from helpers import i18n, paths, present
from helpers.tables import pact_rule

ROOT = paths.ROOT

#: The rule as frozen on 7 December 2026. Changing the rule means a new dated CHANGELOG entry and a new frozen text
#: here, never a silent edit of ``pact_rule.RULE``.
FROZEN = ("The rule, frozen on 7 December 2026 (version 0.3.0) after the results had been seen: a case is an "
          "ATOP 4.01 agreement signed from 1945 on with a defence pledge, at least three states at signature and a "
          "permanent member of the UN Security Council among them; two pacts' exit rates differ when the exact "
          "two-sided test of two Poisson rates gives p below 0.05 after Holm's adjustment over NATO's comparisons "
          "with each other pact, and the adjustment over every pair of pacts is shown beside it.")


def test_the_rule_is_the_frozen_one_and_names_both_adjustments():
    assert pact_rule.RULE == FROZEN
    assert (pact_rule.FROZEN_ON, pact_rule.FROZEN_IN) == ("2026-12-07", "0.3.0")
    assert "NATO's comparisons" in FROZEN and "every pair of pacts" in FROZEN


def test_changelog_and_citation_record_the_frozen_rule():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "### Frozen" in changelog and FROZEN in changelog
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert FROZEN in " ".join(cff["abstract"].split())
    assert str(cff["version"]) == pact_rule.FROZEN_IN


def test_02s_first_screen_prints_the_frozen_rule_in_both_editions(executed):
    nb = executed("02-nato-enlargement")
    glances = [o["data"][present.GLANCE_MIME] for c in nb.cells for o in c.get("outputs", [])
               if present.GLANCE_MIME in o.get("data", {})]
    assert len(glances) == 1
    assert glances[0]["findings"][-1].endswith(" " + FROZEN), "the rule closes the first screen's exits finding"
    rule_ar = i18n.text(FROZEN, "ar")
    assert rule_ar != FROZEN and "هولم" in rule_ar and "0.3.0" in rule_ar
    arabic = i18n.text(glances[0]["findings"][-1], "ar")  # the Arabic edition's first screen: both sentences
    assert arabic.endswith(" " + rule_ar) and "Membership spells" not in arabic

