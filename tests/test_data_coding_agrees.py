"""Notebooks 06 and 07 read some of the same treaty articles: 06 for the article's principles, 07 for the
organisations' features. Where both code the same document for the same idea, a reader comparing the two pages must
see the same reading, not a quoted clause on one page and "not coded" or a news report on the other."""

from __future__ import annotations

import pytest

from helpers import load

#: 07's dimension for each 06 principle that both notebooks code.
SAME_IDEA = {"non_alignment": "not_against_third"}
#: 06's document for each of 07's locators that names the same text (the title at the head of the locator).
SAME_TEXT = {"SCO Charter": "sco-charter-2002", "Collective Security Treaty (1992)": "collective-security-treaty-1992",
             "North Atlantic Treaty": "north-atlantic-treaty-1949"}


def _shared() -> list[tuple[str, str, dict]]:
    features = load.org_features()
    out = []
    for principle, dimension in SAME_IDEA.items():
        rows = features[(features["dimension_id"] == dimension) & (features["evidence"] == "primary_text")]
        for _, r in rows.iterrows():
            doc = SAME_TEXT.get(str(r["locator"]).split(",")[0].strip())
            if doc:
                out.append((principle, doc, r.to_dict()))
    return out


def test_the_shared_texts_are_found():
    docs = {doc for _, doc, _ in _shared()}
    assert {"sco-charter-2002", "collective-security-treaty-1992"} <= docs


@pytest.mark.parametrize("principle,doc,feature", _shared(), ids=lambda v: v if isinstance(v, str) else "")
def test_06_reads_a_text_as_07_quotes_it(principle, doc, feature):
    pd_rows = load.principle_documents()
    mine = pd_rows[(pd_rows["principle_id"] == principle) & (pd_rows["document_id"] == doc)]
    if feature["value"] != "stated":
        assert mine.empty or (mine["presence"] != "explicit").all(), f"06 reads {doc} as explicit; 07 does not"
        return
    assert len(mine) == 1, f"07 quotes {feature['locator']} for this idea, but 06 leaves {doc} not coded"
    row = mine.iloc[0]
    assert row["presence"] == "explicit", f"06 reads {doc} as {row['presence']}; 07 quotes it as stated"
    assert row["phrase"] == feature["quote"], f"06 quotes {row['phrase']!r} from {doc}; 07 quotes {feature['quote']!r}"
    assert row["source_id"] == feature["source_id"], f"06 cites {row['source_id']} for {doc}; 07 cites the text"
