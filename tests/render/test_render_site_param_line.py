"""The parameter line under a report's title names a default only when the value differs from it."""

from __future__ import annotations

from helpers.render import site


def test_a_list_of_organisations_equal_to_its_default_is_printed_once():
    line = site.parameter_line({"orgs": "NATO,OSCE"}, defaults={"orgs": "NATO,OSCE"})
    assert "report-param-default" not in line and line.count("NATO") == 1


def test_a_list_that_differs_from_its_default_names_the_default():
    line = site.parameter_line({"orgs": "NATO"}, defaults={"orgs": "NATO,OSCE"})
    assert "report-param-default" in line and line.count("NATO") == 2
