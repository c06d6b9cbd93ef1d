"""The Arabic edition's typography and wording as a reader meets it (issue 24, review 7, part B): a paragraph card's
reference «(P4، https://…)» keeps its brackets around it, a source list's English publisher and title sit in their
own left-to-right runs with Arabic punctuation between them, a path in the prose reads «data/» (never «/data»), one
quotation convention with no stray straight quotes or spaces inside the marks, counts that agree with their nouns
and never put a paragraph's number beside a count («P4 3»), and the words the review found ambiguous or calqued."""

from __future__ import annotations

import csv
import json
import re

import pandas as pd
from bs4 import BeautifulSoup

from helpers import i18n, paths
from helpers.i18n import catalogs
from helpers.render import citations, markup, notebook, templating
from helpers.tables import article_words, euroatlantic_words

ARTICLE = "https://alahalygate.com/archives/187842"


def _arabic_texts() -> dict[str, str]:
    """Every Arabic string a reader can meet, by where it lives: the catalogs' msgstr, the data's Arabic prose and
    labels, and the page strings."""
    texts = {}
    for po in [catalogs.messages_path(), *sorted(catalogs.LOCALE_NOTEBOOKS.glob("ar/*.po"))]:
        for n, entry in enumerate(re.split(r"\n\s*\n", po.read_text(encoding="utf-8"))):
            body = entry.split("msgstr", 1)[1] if "msgstr" in entry else ""
            texts[f"{po.name}#{n}"] = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body)).replace('\\"', '"')
    with open(paths.DATA / "prose_ar.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            texts[f"prose_ar {row['table']}.{row['column']}.{row['key']}"] = row["ar"]
    with open(paths.DATA / "labels.csv", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f)):
            texts[f"labels#{n}"] = row.get("term_ar") or ""
    strings = json.loads((templating.TEMPLATES / "page" / "strings.ar.json").read_text(encoding="utf-8"))
    texts.update({f"strings.ar.json {k}": v for k, v in strings.items() if isinstance(v, str)})
    return texts


# E1 -------------------------------------------------------------------------------------------------------------

def test_a_paragraph_cards_reference_keeps_its_brackets_around_the_paragraph_and_address():
    card = next(v for v in i18n.paragraph_cards().values() if "(P4، " in v)
    marked = markup.mark_latin_text(card)
    # one left-to-right run holds "(P4، https://…)" whole: a phone's line that wraps the address can no longer draw
    # the closing bracket beside the opening one, nor the Arabic comma on the far side of P4
    assert f'<bdi dir="ltr" class="report-url">(P4، {ARTICLE})</bdi>' in marked, marked[-200:]
    assert markup.mark_latin_text("كما يقول (C07, P4) هنا").count("<bdi") == 1


# E2 -------------------------------------------------------------------------------------------------------------

def test_an_arabic_source_list_isolates_english_publisher_and_title_with_an_arabic_comma_between():
    row = {"source_id": "s1", "publisher": "SIPRI", "title": "Military Expenditure Database",
           "url": "https://sipri.org/databases/milex", "accessed": "2026-12-01", "kind": "dataset", "note": ""}
    with paths.using(lang="ar"):
        templating.env.cache_clear()
        html = str(citations.Citations({"s1": row}).bibliography(["s1"]))
    templating.env.cache_clear()
    entry = BeautifulSoup(html, "html.parser").li
    publisher, title = entry.select_one(".report-source-publisher bdi"), entry.select_one("cite bdi")
    assert publisher["dir"] == "ltr" and publisher.get_text() == "SIPRI"
    assert title["dir"] == "ltr" and title.get_text() == "Military Expenditure Database"
    # «SIPRI، Military Expenditure Database.»: the Arabic comma, which a right-to-left line draws after SIPRI
    assert "</bdi></span>، <cite>" in html and "</span>, <cite>" not in html
    with paths.using(lang="en"):
        english = str(citations.Citations({"s1": row}).bibliography(["s1"]))
    assert "</span>, <cite>" in english


# E3 -------------------------------------------------------------------------------------------------------------

def test_a_path_in_arabic_prose_reads_left_to_right():
    html = notebook.mark_latin_html("<p>كل جدول أدناه مأخوذ من مجلد البيانات <code>data/</code>، وكل صف.</p>")
    code = BeautifulSoup(html, "html.parser").code
    assert code["dir"] == "ltr", html  # without it the right-to-left line draws «/data»
    block = notebook.mark_latin_html("<pre><code>make reports</code></pre>")
    assert "dir=" not in block


# E4 -------------------------------------------------------------------------------------------------------------

#: Straight quotes around words in Arabic text ('Is neutering NATO…'); an apostrophe inside a word is not one.
_STRAIGHT = re.compile(r"(?<![A-Za-z])'[^'\n]{1,80}'(?![A-Za-z])|\"[^\"\n]{1,80}\"")
_SPACED = re.compile(r"[«“] | [»”]")


def test_arabic_text_keeps_one_quotation_convention_without_straight_quotes_or_inner_spaces():
    found = []
    for where, text in _arabic_texts().items():
        if not re.search("[\u0600-\u06FF]", text):
            continue
        prose = re.sub(r"\{[^}]*\}|`[^`]*`|<[^>]+>|\]\([^)]*\)", "", text)  # placeholders, code, tags, link targets
        found += [f"{where}: {m.group(0)}" for m in _STRAIGHT.finditer(prose)]
        found += [f"{where}: …{prose[max(m.start() - 20, 0):m.end() + 20]}…" for m in _SPACED.finditer(prose)]
    assert not found, "\n".join(found[:20])


# E5 -------------------------------------------------------------------------------------------------------------

_ID_THEN_COUNT = re.compile(r"\b[PCT]\d+(?:–[PCT]\d+)? \d")


def test_a_claims_heading_never_puts_a_paragraph_number_beside_a_count():
    claims = pd.DataFrame({"verdict": ["supported", "interpretation", "interpretation"]})
    one = i18n.text(euroatlantic_words.claims_headline(claims, ["P4"]), "ar")
    assert not _ID_THEN_COUNT.search(one), one
    assert "في الفقرة P4" in one and "تفسيران" in one
    many = i18n.text(euroatlantic_words.claims_headline(claims, ["P7", "P9"]), "ar")
    assert not _ID_THEN_COUNT.search(many) and "في الفقرات P7–P9" in many, many
    p19 = i18n.text("P19 makes 7 of the listed claims", "ar")
    assert not _ID_THEN_COUNT.search(p19) and "الفقرة P19" in p19, p19


def test_the_article_sentence_counts_its_paragraphs_in_each_half():
    from helpers import load

    tables = [load.table(name) for name in ("paragraphs", "sections", "claims", "lineage")]
    shown = i18n.text(article_words.glance_findings(*tables)[0], "ar")
    assert re.search(r"\d+ فقرات? عمّا أخفق", shown) and re.search(r"و\d+ أخرى عن", shown), shown


def test_the_faithful_claims_agree_in_the_feminine():
    """The sentence 00 and 09 print on whose words the claims are, from today's ledger: «مقولة» is feminine, so
    the claims found faithful «فوُجدت أمينةً له» and those changed «غُيّرت»."""
    from helpers import load
    from helpers.tables import claims_words

    english = claims_words.voices_finding(load.claims()).rstrip(".") + "."  # as the page prints it
    shown = i18n.text(english, "ar")
    assert "فوُجدت أمينةً له" in shown and "وغُيّرت " in shown, shown
    assert "فوُجد أمينًا" not in shown


# E7, E10, E12 ---------------------------------------------------------------------------------------------------

def test_the_words_the_review_found_ambiguous_or_calqued_are_gone():
    texts = _arabic_texts()
    calque = [w for w, t in texts.items() if re.search(r"تُغني[هـ]?", t)]
    assert not calque, calque  # "inform, not settle" reads «تُلقي عليه ضوءًا لا أن تحسمه»
    # «نسب المقال» reads as «نِسَب» (ratios) on a page of counts; the lineage is «سلسلة نشر المقال»
    lineage = [w for w, t in texts.items() if re.search(r"(?<![\u0600-\u06FF])[و]?(?:في )?نسب المقال", t)]
    assert not lineage, lineage


# E11 ------------------------------------------------------------------------------------------------------------

def test_no_arabic_verdict_reason_runs_to_a_seventy_word_sentence():
    with open(paths.DATA / "prose_ar.csv", encoding="utf-8") as f:
        reasons = {row["key"]: row["ar"] for row in csv.DictReader(f)
                   if row["table"] == "claims" and row["column"] == "verdict_reason"}
    longest = max(((len(s.split()), key, s[:80]) for key, text in reasons.items()
                   for s in re.split(r"(?<=[.!؟])\s+", text)), default=(0, "", ""))
    # the review read C09's «الحجة المعارضة، …» as one 79-word sentence; split at its semicolons, none passes 62
    assert longest[0] <= 62, longest


# E7 -------------------------------------------------------------------------------------------------------------

def test_a_claim_is_a_neutral_maqula_not_an_allegation_everywhere_the_edition_speaks():
    from helpers import wording

    # «ادعاء» leans to "allegation" in Arabic political prose and prejudged rows the ledger supports; the edition
    # says «مقولة» (defined once in 09, under «كيف تُسجَّل المقولة»), schema.org's 'claimReviewed' included.
    left = [where for where, text in _arabic_texts().items()
            if "ادعاء" in text]
    assert not left, left[:10]
    with paths.using(lang="ar"):
        assert wording.header("claim_type") == "نوع المقولة"
    assert i18n.text("1 claim", "ar") in {"مقولة واحدة"}, i18n.text("1 claim", "ar")


# E8 -------------------------------------------------------------------------------------------------------------

def test_the_edition_states_its_one_rule_for_publisher_names():
    # source lists keep each publisher's own name, as they keep titles (RIAC is «Russian International Affairs
    # Council» there); the prose names it in Arabic. 00's conventions say so, beside the quotation rule.
    conventions = next(t for w, t in _arabic_texts().items()
                       if w.startswith("00-article-at-a-glance.po") and "المصطلحات الأساسية" in t)
    assert "قوائم المصادر" in conventions and "اسم ناشره بلغته" in conventions
    assert "أما متن النص فيسمّي الجهات بأسمائها العربية" in conventions


# The built pages ------------------------------------------------------------------------------------------------

def _arabic_page_texts(built) -> dict[str, str]:
    """The Arabic words of every Arabic page: no code, and no English run (its apostrophes are English)."""
    out = {}
    for page in sorted((built / "ar").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for el in soup.select("script, style, pre, svg"):
            el.decompose()
        for el in soup.select('code, bdi[dir="ltr"], [lang="en"]'):
            el.replace_with("§")  # an English run or a path: its own quotes and apostrophes are English
        out[page.name] = " ".join(soup.get_text("").split())
    return out


def test_the_arabic_pages_read_with_one_quotation_style_and_no_number_beside_an_id(built_reports):
    found = []
    for name, text in _arabic_page_texts(built_reports).items():
        found += [f"{name}: {m.group(0)}" for m in re.finditer(r"'(?=[^'\n]*[\u0600-\u06FF])[^'\nA-Za-z]{1,80}'", text)]
        found += [f"{name}: …{text[max(m.start() - 20, 0):m.end() + 20]}…" for m in _SPACED.finditer(text)]
        found += [f"{name}: {m.group(0)}" for m in re.finditer(r"ادعاء|فوُجد أمينًا|(?<![\u0600-\u06FF])نسب المقال", text)]
    assert not found, "\n".join(found[:20])
    cards = (built_reports / "ar" / "02-nato-enlargement.html").read_text(encoding="utf-8")
    assert f'<bdi class="report-url" dir="ltr">(P4، {ARTICLE})</bdi>' in cards
    glance = (built_reports / "ar" / "00-article-at-a-glance.html").read_text(encoding="utf-8")
    assert '<code dir="ltr">data/</code>' in glance
