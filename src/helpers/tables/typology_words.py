"""Notebook 07 as a reader meets it: which organisations can be compared on a date (and, plainly, why the others
cannot), the comparison matrix's cells with their shading and notes, and the findings of the "At a glance" box.

The scores themselves live in :mod:`helpers.tables.typology` and the reader's tables in
:mod:`helpers.tables.typology_view`; this module holds the words and arranges the scores. Plain DataFrames
in, plain DataFrames, lists and text out; nothing here displays anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers import paths, wording
from helpers.membership import as_timestamp
from helpers.tables import typology as T
from helpers.tables.typology_lead_words import alliance_finding

#: Described dimensions whose values are kinds, not degrees of alliance: their cells are left unshaded (a
#: negative score tells ``present.matrix`` so). The other described dimensions record a feature alliances have
#: (no conflicting commitments, forces at the organisation's disposal, a common budget, a nuclear role) and are
#: shaded like the scored ones.
UNORDERED = ("decision_rule", "security_scope", "accession", "not_against_third", "peacekeeping")
NOT_COMPARED = {"later": "did not exist yet", "gone": "had been dissolved",
                "pending": "existed, but the texts its cells code were not yet in force",
                "uncoded": ("has no coded cells", "have no coded cells")}

#: What each kind of evidence in ``org_features.csv`` reads as in the audit table.
EVIDENCE_LABELS = {"primary_text": "Treaty or document text", "official_page": "Organisation's or government's page",
                   "reference_work": "Reference work", "news_report": "News report",
                   "article": "The article studied", "official_statement": "Russian or Chinese official statement",
                   "none": "—"}


#: How the codebook's roles read in the "in the score" column.
ROLE_WORDS = {"scored": "yes", "profile": "profile", "described": "described"}


def join_names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def founding_verb(kind) -> str:
    """What an organisation's founding date records, by its kind (English; the page translates it later):
    ``organisations,kind_verb`` in labels.csv ('proposed', 'signed', and for an alliance 'founding treaty signed',
    the CSTO's 1992 treaty, not 2002), 'founded' for the other kinds."""
    pair = wording.lookup().get(("organisations", "kind_verb", "" if kind is None else str(kind)))
    return pair[0] if pair else "founded"


def _absence(row: pd.Series, own: pd.DataFrame, cut: pd.Timestamp) -> tuple[str, str] | None:
    """(kind, detail) when the organisation has no cell in force on ``cut``, else None."""
    founded, ended = pd.to_datetime(row.get("founded")), pd.to_datetime(row.get("dissolved"))
    verb = founding_verb(row.get("kind"))
    if pd.notna(founded) and founded > cut:
        return "later", f"{verb} {wording.day(founded.date())}"
    if pd.notna(ended) and ended <= cut:
        return "gone", f"dissolved {wording.day(ended.date())}"
    if own.empty:
        return "uncoded", "no coded cells"
    if T.features_as_of(own, cut).empty:
        first = pd.to_datetime(own["valid_from"]).min()
        return "pending", f"coded texts in force from {wording.day(first.date())}"
    return None


def comparable(organisations: pd.DataFrame, org_features: pd.DataFrame, orgs: Iterable[str],
               as_of) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """Split ``orgs`` into those with at least one coded cell in force on ``as_of`` (in the given order) and the
    others, each with why: ``{org: (kind, detail)}``, kind one of :data:`NOT_COMPARED` (not yet founded, signed
    or proposed; dissolved; its coded texts not yet in force; not coded at all). ValueError, in one line naming
    each organisation, why and the date, when none is left to compare (``-p orgs WARSAW`` on a date in 2024)."""
    cut = as_timestamp(as_of, "as_of")
    idx = organisations.set_index("org_id")
    shown, left_out = [], {}
    for org in orgs:
        if org not in idx.index:
            raise ValueError(f"comparable: organisation {org!r} is not in organisations.csv")
        why = _absence(idx.loc[org], org_features[org_features["org_id"] == org], cut)
        shown += [org] if why is None else []
        left_out.update({} if why is None else {org: why})
    if not shown:  # each later cell would fail on an empty comparison
        raise ValueError(f"parameters 'orgs' and 'as_of': none of {', '.join(left_out)} has coded texts in force on "
                         f"{wording.day(cut.date())} ({'; '.join(f'{o} {d}' for o, (_, d) in left_out.items())}); "
                         "allowed: a date on which one of them is in force, or an organisation in force on it")
    return shown, left_out


def _named(name: str, detail: str) -> str:
    return f"{name[:-1]}, {detail})" if name.endswith(")") else f"{name} ({detail})"


def absence_sentence(left_out: Mapping[str, tuple[str, str]], names: Mapping[str, str], day: str) -> str:
    """'On 31 December 1991 SCO (founded 15 Jun 2001) and CSTO (founding treaty signed 15 May 1992) did not exist
    yet, so they are not compared.' — empty when every organisation is compared."""
    if not left_out:
        return ""
    parts = []
    for kind, phrase in NOT_COMPARED.items():
        items = [names.get(o, o) if kind == "uncoded" else _named(names.get(o, o), detail)
                 for o, (k, detail) in left_out.items() if k == kind]
        if items:
            verb = phrase if isinstance(phrase, str) else phrase[len(items) > 1]  # the phrase says why: no detail
            parts.append(f"{join_names(items)} {verb}")
    pronoun = "it is" if len(left_out) == 1 else "they are"
    return f"On {day} {'; '.join(parts)}, so {pronoun} not in the comparison."


def _text(row: pd.Series, column: str) -> str:
    value = row.get(column)
    return "" if value is None or pd.isna(value) else str(value).strip()


def _cell_note(dim: T.Dimension, value: str, row: pd.Series | None, as_of=None) -> str:
    """The matrix cell's note, each part in the edition's words (``i18n.text``: the data's prose through
    ``data/prose_ar.csv``; the English edition's words unchanged). Evidence dated after ``as_of`` gives way to
    "(evidence from YYYY, after this date)"; the note, which says what dates the value, stays."""
    from helpers.i18n import text as tr

    if row is None:
        return tr("No coded text is in force on this date.")
    head = tr("Unknown: the texts read do not settle it.") if value == T.UNKNOWN else f"{tr(dim.labels[value])}."
    if (later := T.later_evidence(row, as_of)) is not None:
        return f"{head} {tr(f'(evidence from {later}, after this date)')} {tr(_text(row, 'note'))}".strip()
    marks = ("«", "»") if paths.language() == "ar" else ("“", "”")
    quote = f" {marks[0]}{tr(_text(row, 'quote'))}{marks[1]}" if _text(row, "quote") else ""
    where = f" {tr(_text(row, 'locator'))}{':' if quote else '.'}" if _text(row, "locator") else ""
    body = " ".join(tr(_text(row, c)) for c in ("detail", "note")).strip()
    return f"{head} {body}{where}{quote}".strip()


def matrix_cells(org_features: pd.DataFrame, dimensions: pd.DataFrame, orgs: Iterable[str], as_of) -> pd.DataFrame:
    """The comparison on ``as_of`` as long rows for ``present.matrix``: one per organisation × dimension (codebook
    order), with ``axis``, ``value`` (the code, ``unknown``, or ``not coded``), ``score`` (0 framework-like … 1
    alliance-like on the dimension's own range; negative for an unordered described dimension; empty when unknown
    or not coded), ``note`` (the value in full, our detail, the locator and the quote) and ``source_id``."""
    book = T.codebook(dimensions)
    rows = []
    for org in orgs:
        live = T.features_as_of(org_features[org_features["org_id"] == org], as_of).set_index("dimension_id")
        for dim_id, dim in book.items():
            row = live.loc[dim_id] if dim_id in live.index else None
            value = "not coded" if row is None else str(row["value"])
            known = value in dim.scale
            score = (-1.0 if dim_id in UNORDERED else dim.scaled(value)) if known else None
            rows.append({"org_id": org, "dimension_id": dim_id, "axis": dim.axis, "value": value, "score": score,
                         "note": _cell_note(dim, value, row, as_of), "source_id": "" if row is None else row["source_id"]})
    return pd.DataFrame(rows, columns=["org_id", "dimension_id", "axis", "value", "score", "note", "source_id"])


def obligations_sentence(cells: pd.DataFrame, dimensions: pd.DataFrame, org: str, name: str) -> str:
    """What an organisation's ATOP obligations promise on the date, and whether it promises defence:
    'Russia–China treaty (2001) binds its parties to non-aggression and consultation in a crisis, but promises
    no defence.'"""
    book = T.codebook(dimensions)
    own = cells[cells["org_id"] == org].set_index("dimension_id")
    scored = [d for d in book.values() if d.axis == "obligation" and d.role in ("scored", "profile")]
    kept = [d.label[0].lower() + d.label[1:] for d in scored
            if d.dimension_id in own.index and pd.notna(own.loc[d.dimension_id, "score"])
            and own.loc[d.dimension_id, "score"] > 0 and d.dimension_id != "collective_defence"]
    defence = own["value"].get("collective_defence", T.UNKNOWN)
    tail = {"yes": ", and promises defence", "no": ", but promises no defence"}.get(defence, "; its defence promise "
                                                                                    "is unknown")
    promised = f"binds its parties to {join_names(kept)}" if kept else "makes no other scored promise"
    return f"{name} {promised}{tail}."


def placement_sentence(intervals: pd.DataFrame, org: str, name: str) -> str:
    """Where one organisation sits on the two plotted axes: a point, a range, or 'cannot be placed'."""
    row = intervals.set_index("org_id").loc[org]
    parts = []
    for axis, word in (("obligation", "obligations"), ("institutionalization", "institutions")):
        lo, hi, unknown = row[f"{axis}_low"], row[f"{axis}_high"], int(row[f"{axis}_unknown"])
        if pd.isna(lo):
            parts.append(f"cannot be placed on {word} (nothing known)")
        elif round(lo, 9) == round(hi, 9):
            parts.append(f"scores {lo:.2f} on {word}")
        else:
            parts.append(f"lies between {lo:.2f} and {hi:.2f} on {word} ({unknown} unknown)")
    if all(p.startswith("cannot be placed") for p in parts):
        return f"{name} cannot be placed on either axis: nothing is known of its defence promise or institutions."
    return f"{name} {' and '.join(parts)}."


def glance_findings(intervals: pd.DataFrame, cells: pd.DataFrame, dimensions: pd.DataFrame,
                    left_out: Mapping[str, tuple[str, str]], names: Mapping[str, str], day: str,
                    focus: Iterable[str] = ("EURASIAN_FRAMEWORK", "RU_CN_TREATY_2001"),
                    ties_when_yes: bool = False) -> list[str]:
    """Two to four findings for the first screen, true on ``day``: who makes the defence promise and who leads on
    the institutions index (:func:`alliance_finding`), where the proposed framework can be placed, what the 2001
    treaty promises (each when compared), and who is not compared."""
    shown = list(intervals["org_id"]) if "org_id" in intervals.columns else []
    # the framework's placement has a finding of its own below, so the classification does not repeat it
    ranked = intervals[intervals["org_id"] != "EURASIAN_FRAMEWORK"] if "EURASIAN_FRAMEWORK" in focus else intervals
    out = [f"On {day}, {alliance_finding(ranked if len(ranked) else intervals, cells, dimensions, ties_when_yes, names)}." if len(intervals) else
           f"On {day} none of the chosen organisations has a coded text in force."]
    for org in focus:
        if org in shown and org == "EURASIAN_FRAMEWORK":
            text = placement_sentence(intervals, org, names.get(org, org))
            out.append(text[:1].upper() + text[1:])
        elif org in shown:
            out.append(obligations_sentence(cells, dimensions, org, names.get(org, org)))
    sentence = absence_sentence(left_out, names, day)
    if sentence:
        out.append(sentence)
    if len(out) < 2:
        known = int(cells["score"].notna().sum())
        out.append(f"{known} of {len(cells)} cells are known; the rest are shown as unknown, never guessed.")
    return out[:4]


def claims_here(claims: pd.DataFrame, notebook_id: str, likely_added: Iterable[str] = ()) -> pd.DataFrame:
    """The article's claims that look to ``notebook_id`` for evidence, in article order, in reader columns (the
    claim, who says it, our verdict, what it was checked against and why) plus their two source columns. "Who
    says it" reads as in the claims ledger (:func:`helpers.tables.claims_view.who_says`: the speaker the Arabic
    names "(not compared with RT)" where RT's English was not read); it is left out when every one is the author's
    own."""
    from helpers.tables import article, claims_view

    mine = claims[claims["evidence_notebook"].astype(str).str.zfill(2) == str(notebook_id).zfill(2)]
    order = sorted(set(mine["paragraph"]), key=lambda p: int(str(p)[1:]))
    found = article.claims_for(mine, order)
    who = dict(zip(mine["claim_id"], claims_view.who_says(mine, likely_added)))
    out = pd.DataFrame({
        "Claim": found["claim_id"] + " · " + found["paragraph"],
        "The article says (our paraphrase)": found["claim"], "Who says it": found["claim_id"].map(who),
        "Verdict": found["verdict"], "Checked against": found["checked_against"], "Why": found["verdict_reason"],
        "source_id": found["source_id"], "second_source_id": found["second_source_id"].fillna("")})
    return out.drop(columns=["Who says it"]) if (out["Who says it"] == "author").all() else out


def glance_summary(shown: list[str], left_out: Mapping[str, tuple[str, str]], names: Mapping[str, str],
                   day: str) -> str:
    """The one-line summary under the title, for the report's own date and organisations."""
    who = join_names([names.get(o, o) for o in shown]) if 0 < len(shown) <= 3 else f"{len(shown)} organisations"
    if not shown:
        return f"None of the chosen organisations had a coded text in force on {day}."
    gone = f" ({len(left_out)} more did not exist or had no text in force then)" if left_out else ""
    return (f"{who} on {day}{gone}, coded on a codebook from the alliance literature and placed as alliance or "
            "framework, each with the range its unknown cells allow.")


def codebook_finding(book: pd.DataFrame) -> str:
    """Title of the codebook table: how many dimensions, in how many groups, how many scored."""
    scored = int((book["in the score"] == "yes").sum())
    return f"{len(book)} dimensions in {book['group'].nunique()} groups; {scored} enter the scores"


def matrix_finding(cells: pd.DataFrame, names: Mapping[str, str], day: str) -> str:
    """Title of the comparison matrix: how many cells of how many organisations are known on ``day``."""
    unknown = int((cells["value"] == T.UNKNOWN).sum())
    uncoded = int((cells["value"] == "not coded").sum())
    known = len(cells) - unknown - uncoded
    orgs = cells["org_id"].nunique()
    tail = f", {uncoded} not coded for this date" if uncoded else ""
    return (f"On {day}, {known} of the {len(cells)} cells of {orgs} organisation{'s' if orgs != 1 else ''} are "
            f"known, {unknown} unknown{tail}")


def organisation_table(organisations: pd.DataFrame, orgs: Iterable[str], as_of) -> pd.DataFrame:
    """The chosen organisations on ``as_of`` — name, kind, founded, and whether it existed then — with their own
    ``source_id``. Member counts are left out: they rest on every accession record of every organisation (notebooks
    02, 03 and 08 show them), and the comparison here codes founding texts, not membership."""
    orgs = list(orgs)
    table = org_overview(organisations, {}, orgs, as_of).drop(columns=["org_id", "formal members"])
    return table.assign(source_id=organisations.set_index("org_id").loc[orgs, "source_id"].to_numpy())


def scatter_caption(intervals: pd.DataFrame) -> str:
    """The typology chart's caption: how the promise column reads; bars only when one is drawn (some cell unknown);
    equal scores each in its own row when two organisations share one; what an unplaced organisation shows."""
    y, x = T.PLOT_AXES
    placed = intervals.dropna(subset=[f"{y}_low", f"{x}_low"], how="all")
    ranged = any(((placed[f"{a}_low"] != placed[f"{a}_high"]) & placed[f"{a}_low"].notna()).any() for a in (y, x))
    lead = ("A dot is a fully known score; a bar spans what the unknown cells allow." if ranged
            else "Every placed score is fully known, so each is a dot at its value.")
    centres = pd.DataFrame({a: ((placed[f"{a}_low"] + placed[f"{a}_high"]) / 2).round(9) for a in (y, x)})
    shared = (" Equal scores sit at the same value, each in its organisation's row."
              if centres.dropna().duplicated().any() else "")
    unplaced = " An organisation with no known cell is named, not placed." if len(placed) < len(intervals) else ""
    return ("In the defence-promise column a filled diamond is yes, a hollow one no, and none is unknown. " + lead
            + shared + unplaced + _part_counts(placed, x) + " Hover over or tap for details.")


def _part_counts(placed: pd.DataFrame, axis: str) -> str:
    """A sentence for an institutions score that no whole number of features gives (0.875 = 3.5 of 4): the
    feature coded partly counts in part; empty when every known score is a whole count."""
    items = placed[f"{axis}_known"] + placed[f"{axis}_unknown"]
    exact = placed[f"{axis}_low"].notna() & (placed[f"{axis}_low"] == placed[f"{axis}_high"])
    counts = (placed[f"{axis}_low"] * items)[exact].round(3)
    part = counts[counts != counts.round()]
    if part.empty:
        return ""
    score, n = float(placed.loc[part.index[0], f"{axis}_low"]), int(items[part.index[0]])
    share = "half" if (part % 1 == 0.5).all() else "a fraction"
    return (f" An institutions score is the share of the features present, a feature coded partly counting as "
            f"{share}: {score:g} is {part.iloc[0]:g} of {n}.")


def profile_finding(profile: pd.DataFrame) -> str:
    """Title of the obligations profile: which organisations the defence promise makes alliances."""
    allies = profile.loc[profile["class"] == "defence alliance", "organisation"].tolist()
    open_ = profile.loc[profile["class"] == "unknown", "organisation"].tolist()
    head = (f"{join_names(allies)} {'is a defence alliance' if len(allies) == 1 else 'are defence alliances'} by "
            "the defence promise"
            if allies else "None of these texts promises defence")
    tail = f"; for {join_names(open_)} it is unknown" if open_ else ""
    return head + tail


def org_overview(organisations: pd.DataFrame, member_counts: Mapping[str, int], orgs: Iterable[str],
                 as_of) -> pd.DataFrame:
    """One row per org: name, kind, founded, whether it existed on ``as_of`` and its formal member count then.

    An org founded after ``as_of`` (e.g. the SCO on 1991-12-31), dissolved before it, or only proposed reads
    ``did not exist yet (founded 15 Jun 2001)`` / ``proposed`` (or ``not yet proposed``) with no count, so a zero is
    never mistaken for an empty organisation. A bilateral treaty reads ``bilateral treaty in force`` (or signed, not
    yet in force) with no member count.
    """
    cut = as_timestamp(as_of, "as_of")
    idx = organisations.set_index("org_id")
    rows = []
    for org in orgs:
        if org not in idx.index:
            raise ValueError(f"org_overview: organisation {org!r} is not in organisations.csv; allowed: "
                             f"{', '.join(idx.index)}")
        r = idx.loc[org]
        founded, ended = pd.to_datetime(r.get("founded")), pd.to_datetime(r.get("dissolved"))
        in_force = pd.to_datetime(r.get("in_force")) if "in_force" in idx.columns else pd.NaT
        count = pd.NA
        if r.get("status") == "proposed" or pd.isna(founded):
            state = (f"not yet proposed (proposed {wording.day(founded.date())})" if pd.notna(founded) and founded > cut
                     else "proposed, no members")
        elif founded > cut:
            verb = founding_verb("alliance") if r.get("kind") == "alliance" else "founded"
            state = f"did not exist yet ({verb} {wording.day(founded.date())})"
        elif pd.notna(ended) and ended <= cut:
            state = f"dissolved ({wording.day(ended.date())})"
        elif r.get("kind") == "bilateral_treaty":
            state = ("bilateral treaty in force" if pd.isna(in_force) or in_force <= cut
                     else f"signed, in force from {wording.day(in_force.date())}")
        else:
            state, count = "existed", int(member_counts.get(org, 0))
        rows.append({"org_id": org, "organisation": r.get("name"),
                     "kind": wording.label(r.get("kind"), "kind", "organisations"), "founded": founded,
                     f"on {wording.day(cut.date())}": state, "formal members": count})
    out = pd.DataFrame(rows)
    out["formal members"] = out["formal members"].astype("Int64")
    return out
