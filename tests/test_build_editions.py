"""The two editions on the fake collection: the Arabic one in reports/ar/ with its own cache, never reusing or
replacing the English one, and the English one byte for byte what a build without the Arabic edition writes."""

from __future__ import annotations

import re
import shutil

import pytest

pytestmark = pytest.mark.slow

ALL = ["01-alpha", "01-alpha--early", "02-beta", "03-gamma"]


def _english(fake) -> dict[str, bytes]:
    return {k: v for k, v in fake.report_files().items() if not k.startswith("ar/")}


def test_editions_keep_apart_and_the_english_one_does_not_depend_on_the_arabic(fake):
    res = fake.build("--jobs", "2")  # NATO_EDITIONS=en in the fake's environment: English only
    assert res.returncode == 0, res.stdout + res.stderr
    english = _english(fake)
    assert not (fake.reports / "ar").exists()

    res = fake.build("--lang", "ar", "--jobs", "2")
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(fake.built(res)) == sorted(ALL), res.stdout  # nothing reused from the English edition's cache
    assert _english(fake) == english  # and nothing of it replaced
    for name in ALL:
        page = (fake.reports / "ar" / f"{name}.html").read_text(encoding="utf-8")
        assert re.search(r'<html lang="ar" dir="rtl">', page), name
        assert f'hreflang="en" href="../{name}.html"' in page
        assert f'hreflang="ar" href="ar/{name}.html"' in english[f"{name}.html"].decode()
    index = (fake.reports / "ar" / "index.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in index and 'href="ar/index.html"' in english["index.html"].decode()
    assert (fake.reports / "ar" / "assets" / "search-index.js").exists()

    res = fake.build("--lang", "en")
    assert fake.built(res) == [] and res.stdout.count("cached") == len(ALL)  # each edition keeps its own cache
    res = fake.build("--lang", "ar")
    assert fake.built(res) == [] and res.stdout.count("cached") == len(ALL)

    shutil.rmtree(fake.reports)
    shutil.rmtree(fake.cache)
    res = fake.build("--jobs", "2", NATO_EDITIONS="en,ar")  # both editions in one build
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Arabic edition" in res.stdout
    assert _english(fake) == english  # byte-identical to the build without the Arabic edition
