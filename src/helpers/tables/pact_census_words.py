"""Notebook 02: the sentences a reader sees about the census of defence pacts and their exit rates, built from the
frames of :mod:`helpers.tables.pact_census`."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.tables.pact_census import FOCUS, rate_tests, separated_pairs, short_name
from helpers.tables.enlargement_words import census_pacts


def _names(items: list[str], last: str = "and") -> str:
    """English lists (the sentences are translated whole, by their catalog entries): "and", or "or"."""
    said = wording.joined(items, lang="en")
    return said if last == "and" or len(items) < 2 else said[: -len(items[-1]) - 5] + f" {last} " + items[-1]


def cases_title(counts: pd.DataFrame) -> str:
    """'The census holds 529 agreements signed 1945–2016; the rule admits 13'."""
    held, admitted = int(counts["agreements"].iloc[0]), int(counts["agreements"].iloc[-1])
    return f"The census holds {held} alliance agreements signed 1945–2016; the rule admits {admitted}"


def close_calls_title(close: pd.DataFrame, cases: pd.DataFrame) -> str:
    """'34 of the 529 agreements pledge defence among three or more states; 13 include a permanent member of the
    Security Council'."""
    admitted = int(close["admitted"].sum())
    return (f"{len(close)} of the {len(cases)} agreements pledge defence among three or more states; {admitted} "
            f"include a permanent member of the UN Security Council")


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return _names([f"{short_name(a)} below {short_name(b)}" for a, b in pairs])


_p = wording.p_value  # a p-value as text, by the tables' one rule: "0.0028", "<0.001"


def _p_is(value: float) -> str:
    """What follows "p" in a sentence: "= 0.0028", or "< 0.001" (never "= <0.001")."""
    return f"< {_p(value)[1:]}" if value < 0.001 else f"= {_p(value)}"


def _family(record: pd.DataFrame) -> str:
    """'NATO's 12 comparisons': the family of NATO against each other pact of ``record``."""
    ids = record["org_id"] if "org_id" in record else record["name"]
    n = int(((record["member_years"] > 0) & (ids != FOCUS)).sum())
    return f"{_focus_name(record)}'s {n} comparisons"


def _focus_name(record: pd.DataFrame) -> str:
    """:data:`FOCUS`'s name as ``record`` shows it (the edition's label)."""
    if "org_id" in record and (record["org_id"] == FOCUS).any():
        return short_name(record.loc[record["org_id"] == FOCUS, "name"].iloc[0])
    return FOCUS


def _stats(record: pd.DataFrame, pair: tuple[str, str]) -> pd.Series | None:
    """The row of :func:`rate_tests` (NATO's family) for ``pair`` in ``record``; None when the pair is not in it."""
    tests = rate_tests(record, focus=FOCUS)
    hit = tests[(tests["lower"] == pair[0]) & (tests["higher"] == pair[1])]
    return hit.iloc[0] if len(hit) else None


def _result(record: pd.DataFrame) -> str:
    """'only NATO below CSTO separate at 5% (p = 0.00023; 0.0027 after Holm's adjustment for NATO's 12
    comparisons)', or that none does."""
    pairs = separated_pairs(record, focus=FOCUS)
    if not pairs:
        return f"no comparison separates at 5% after Holm's adjustment for {_family(record)}"
    row = _stats(record, pairs[0])
    verb = "separates" if len(pairs) == 1 else "separate"
    return (f"only {_pairs(pairs)} {verb} at 5% (p {_p_is(row['p'])}; {_p(row['p_holm'])} after Holm's "
            f"adjustment for {_family(record)})")


def failed_checks(pairs: list, checks) -> list[str]:
    """The noun labels of the checks of :func:`robustness_checks` (``checks``) under which one of NATO's separated
    comparisons (``pairs``) no longer separates, in the checks' order (a check that only adds a pair is not one)."""
    return [noun for _, noun, alt in checks if not set(pairs) <= set(separated_pairs(alt, focus=FOCUS))]


def rates_headline(record: pd.DataFrame, checks=()) -> str:
    """The exit-rate chart's title in plain words: exits are too few to rank the pacts; which pacts lost members
    clearly more often than NATO (the exact two-rate test, Holm-adjusted over NATO's comparisons, 5%: the only
    clear difference among NATO's comparisons, not among every pair of pacts), or that none did, and (with
    ``checks``) whether that difference holds under every check or which checks it does not survive."""
    pairs = separated_pairs(record, focus=FOCUS)
    # "spells ended", not "members left": a suspension between members (ANZUS, 1986) ends a spell, not a membership
    head = f"Membership spells ended in these {len(record)} pacts too rarely to rank them"
    if not pairs:
        return head + ", and no pact's exit rate is clearly different from NATO's"
    said = _names([f"{short_name(b)} lost members more often than {short_name(a)}" for a, b in pairs])
    head += (f": among NATO's comparisons, the only clear difference is that {said}" if len(pairs) == 1 else
             f": among NATO's comparisons, the only clear differences are that {said}")
    if not checks:
        return head
    failed = failed_checks(pairs, checks)
    return head + (f", and that does not survive {_names(failed, 'or')}" if failed else
                   ", and that holds under every check")


def _wider(noun: str, alt: pd.DataFrame, pairs: list) -> str:
    """For a check whose data leave NATO's comparisons as they were: the raw and family-adjusted p of the first
    pair, and whether it would fail only under Holm's adjustment for every pair of the pool."""
    row = _stats(alt, pairs[0]) if pairs else None
    if row is None:
        return noun
    text = f"{noun} (p {_p_is(row['p'])}; {_p(row['p_holm'])} on {_family(alt)})"
    if row["p_holm_all_pairs"] >= 0.05:
        n = len(rate_tests(alt))
        text += f", failing only if all {n:,} pairs of the pool are corrected for ({_p(row['p_holm_all_pairs'])})"
    return text


def verdict(pairs: list, checks) -> str:
    """Whether NATO's separated comparisons (``pairs``) are the same under each check of
    :func:`robustness_checks`, in one sentence that tells the checks that fail on the data from those that would
    fail only under a wider correction family (every pair of the pool instead of NATO's comparisons); a check
    that would fail under that family is named last, so its clause ends the sentence."""
    got = [(noun, alt, separated_pairs(alt, focus=FOCUS)) for _, noun, alt in checks]
    held = [(n, alt, g == pairs) for n, alt, g in got]
    more = [(n, [p for p in g if p not in pairs]) for n, _, g in got if pairs and g != pairs and set(pairs) <= set(g)]
    ok = sorted((_wider(n, alt, pairs) for n, alt, h in held if h), key=lambda t: "failing only" in t)
    bad = [n for n, _, h in held if not h and n not in dict(more)]
    tail = "".join(f" When {n}, {_pairs(pairs)} still separates, but so does {_pairs(extra)}: it is no longer the "
                   "only clear difference." for n, extra in more)
    if not ok:
        return f"The result does not survive any of the checks: {_names(bad, 'or')}." + tail
    if all("(" not in x for x in ok):
        first, rest = _names(ok), []
    else:  # checks with their p-values are one sentence each: a list of clauses would not read, nor translate
        first, rest = ok[0], ok[1:]
    head = (f"The result survives every check: {first}." if not bad else
            f"The result does not survive {_names(bad, 'or')}; it survives {first}.")
    return head + "".join(f" It also survives {x}." for x in rest) + tail


def robustness_checks(strict: pd.DataFrame, joint: pd.DataFrame, wide: pd.DataFrame,
                      nested: pd.DataFrame | None = None, continued: pd.DataFrame | None = None,
                      signed: pd.DataFrame | None = None) -> list[tuple]:
    """The alternatives 02's exit-rate result is checked against, as ``(sentence label, noun label, record)``:
    denunciations only, a joint act counted once, the pool without the permanent-member condition and
    (with ``nested``, :func:`helpers.tables.pact_census.shared_exits_once`) a state's exit from nested agreements
    on one day counted once, every pact kept, and (with ``continued``) ATOP's reading that a treaty outlives its
    organisation: the members' ends at the organisation's dissolution (SEATO's, 1977) count as exits and the
    pact's window runs on to ATOP's end; and (with ``signed``) every defence pledge dated from signature, as ATOP's
    alliance-level code has it, instead of from the text that holds it (:mod:`helpers.tables.pact_pledges`)."""
    out = [("Counting denunciations only", "counting denunciations only", strict),
           ("Counting a joint act once", "counting a joint act once", joint),
           (f"On the {len(wide)} pacts without the permanent-member condition",
            f"the {len(wide)}-pact pool without the permanent-member condition", wide)]
    if nested is not None:
        out.append(("Counting an exit from nested agreements on one day once",
                    "counting an exit from nested agreements on one day once", nested))
    if continued is not None:
        out.append(("Counting members' ends at an organisation's dissolution as exits (ATOP's treaty continues)",
                    "counting members' ends at an organisation's dissolution as exits", continued))
    if signed is not None:
        out.append(("Dating every defence pledge from signature, as ATOP's alliance-level code does",
                    "dating every defence pledge from signature", signed))
    return out


def pledge_lines(later: pd.DataFrame, cases: pd.DataFrame) -> list[str]:
    """For each agreement of :func:`helpers.tables.pact_pledges.later_pledges` admitted in ``cases``: that the page counts
    its member-years, exits and members from the day the text holding its defence pledge took effect, not from its
    signature (ATOP's alliance-level code dates the pledge from signature)."""
    names, out = cases[cases["admitted"]].set_index("atopid")["name"], []
    for r in later.itertuples(index=False):
        if r.atopid in names.index:
            since, signed = (wording.day(pd.Timestamp(d).date()) for d in (r.pledge_from, r.signed))
            out.append(f"{pact_in_text(names[r.atopid], start=True)} is counted as a defence pact from {since}, "
                       f"when the text that holds its defence pledge took effect, not from its signature on {signed}.")
    return out


def all_pairs_line(record: pd.DataFrame) -> str:
    """The result under Holm's adjustment over every pair of pacts, the family an earlier version of 02 reported
    before NATO's comparisons were chosen: NATO's first separated comparison with that adjusted p, and whether it
    still separates; or that no comparison with NATO separates under it either."""
    n, pairs = len(rate_tests(record)), separated_pairs(record, focus=FOCUS)
    lead = f"Adjusted over all {n:,} pairs of pacts instead, the family reported first"
    if not pairs:
        return f"{lead}, no comparison with {_focus_name(record)} separates either."
    row = _stats(record, pairs[0])
    q = float(row["p_holm_all_pairs"])
    said = f"{lead}, {short_name(pairs[0][0])} against {short_name(pairs[0][1])} gives p {_p_is(q)}"
    return said + (": it separates under either family." if q < 0.05 else
                   ": it would not separate under that family, so the finding depends on the choice of family.")


def tests_title(tests: pd.DataFrame) -> str:
    """The pairwise table's title (NATO's family, :func:`rate_tests` with ``focus``): how many comparisons separate
    after Holm's adjustment over them, and how many would without it."""
    raw, kept = int((tests["p"] < 0.05).sum()), int(tests["separate"].sum())
    return (f"{FOCUS} against each of the other {len(tests)} pacts: {kept} comparison{'s' * (kept != 1)} "
            f"separate{'s' * (kept == 1)} after Holm's adjustment for {len(tests)}; {raw} would at 5% without it")


def _check_line(label: str, pairs: list, alt: pd.DataFrame) -> str:
    alt_pairs = separated_pairs(alt, focus=FOCUS)
    row = _stats(alt, pairs[0]) if pairs else None
    said = "" if row is None else (f" ({short_name(pairs[0][0])} against {short_name(pairs[0][1])}: "
                                   f"p {_p_is(row['p'])}, {_p(row['p_holm'])} on {_family(alt)})")
    if alt_pairs == pairs:
        return (f"{label}, the same comparisons separate{said}: the finding holds." if pairs else
                f"{label}, no comparison separates either: the finding holds.")
    kept = [p for p in pairs if p in alt_pairs]
    return (f"{label}, " + (_pairs(alt_pairs) + " separate" if alt_pairs else "no comparison separates") + said
            + (": the finding does not survive this alternative." if not kept else f"; {_pairs(kept)} survives."))


def robustness_lines(record: pd.DataFrame, checks) -> list[str]:
    """'How robust is this?': NATO against each other pact with every exit counted, then under each check of
    :func:`robustness_checks` (``checks``), by the exact two-rate test with Holm's adjustment over NATO's family."""
    out = [f"Counting every exit and testing NATO against each other pact, {_result(record)}."]
    pairs = separated_pairs(record, focus=FOCUS)
    return out + [_check_line(label, pairs, alt) for label, _, alt in checks]


def takeaways(cases: pd.DataFrame, record: pd.DataFrame, checks, as_of) -> list[str]:
    """02's takeaways about the census and the exits, true for the report's own date: how many agreements the
    census holds and the rule admits, the oldest admitted pact still in force, which of NATO's comparisons the
    exact two-rate test separates, and which checks of :func:`robustness_checks` (``checks``) that does not
    survive."""
    day = pd.Timestamp(as_of)
    admitted = cases[cases["admitted"]]
    alive = admitted[admitted["ended"].isna() | (admitted["ended"] > day)].sort_values("signed")
    out = [f"Cases drawn by a stated rule from ATOP's census ({len(cases)} agreements, {len(admitted)} admitted "
           f"by {wording.day(day.date())})"]
    if len(alive) and alive.iloc[0]["name"] != "NATO":
        first = alive.iloc[0]
        out[0] += (f" change the \"longest\" answer: the oldest admitted pact still in force is {first['name']} "
                   f"(signed in {first['signed'].year}), not NATO.")
    else:
        out[0] += " leave NATO the oldest admitted pact still in force."
    line = f"Tested against each other pact, {_result(record)}."
    if separated_pairs(record, focus=FOCUS):  # the rule and the family of tests were set after the results
        line = ("Exploratory, as the rule and the family of tests were set after the results had been seen: "
                f"tested against each other pact, {_result(record)}.")
    if checks:
        line += " " + verdict(separated_pairs(record, focus=FOCUS), checks)
    out.append(line + " The pool is small and exits are few, so no pact ranking is offered and “most stable” "
               "cannot be estimated.")
    return out


def _largest(sizes: pd.DataFrame):
    """The admitted pact with the most members on ATOP's last day read, NATO's row and that day in words, for
    :func:`largest_line` and :func:`largest_glance`; None when NATO is not among the pacts."""
    if sizes.empty or FOCUS not in set(sizes["org_id"]):
        return None
    top = sizes.iloc[0]
    return top, sizes.set_index("org_id").loc[FOCUS], wording.day(top["day"].date())


def largest_line(sizes: pd.DataFrame, as_of=None, early: pd.DataFrame | None = None) -> str:
    """Whether "largest" survives counting members (:func:`helpers.tables.pact_census.members_at`): the admitted
    pact with the most members on ATOP's last day read, against NATO. When another pact is larger, the sentence says
    that this rests on ATOP's coding of that pact as a defence pact, and, when the census stops before ``as_of``,
    that no ranking on the report's date is computed. NATO's members count from the day each accession took effect;
    ``early`` (:func:`helpers.tables.pact_dates.counted_early`) names those ATOP counts from accession protocols."""
    if (found := _largest(sizes)) is None:
        return ""
    top, nato, day = found
    if top["org_id"] == FOCUS:
        return f"Counted by members on ATOP's spells, NATO was the largest admitted pact on {day} ({nato['members']})."
    line = (f"Counted by members on ATOP's spells, NATO was not the largest admitted pact on {day}: "
            f"{pact_in_text(top['name'])} had {top['members']} members to NATO's {nato['members']}. "
            f"That rests on ATOP's coding of {pact_in_text(top['name'])} as a defence pact; this page does not "
            f"quote ATOP 4.01's definition of a defence obligation.")
    rest = sizes.iloc[1:]
    others = rest[rest["org_id"] != FOCUS]  # a tie with NATO may sort either way (names differ by edition)
    if len(others) and nato["members"] >= others["members"].max():
        second = others.iloc[0]
        line += (f" Without that coding, NATO ({nato['members']}) would be the largest, ahead of "
                 f"{pact_in_text(second['name'])} ({second['members']})." if second["members"] < nato["members"] else
                 f" Without that coding, NATO ({nato['members']}) would share the most members with "
                 f"{pact_in_text(second['name'])} ({second['members']}).")
    if early is not None and len(early):
        line += f" ATOP's coding gives NATO {nato['members'] + len(early)}, counting {_early(early)}."
    if as_of is not None and pd.Timestamp(as_of) > top["day"]:
        line += (f" ATOP's coverage ends in {top['day'].year} and the project holds no later member spells of "
                 f"{pact_in_text(top['name'])}, so which pact was largest on "
                 f"{wording.day(pd.Timestamp(as_of).date())} is not computed.")
    return line


def lifetime_line(rates: pd.DataFrame) -> str:
    """Whether "lasted longest" survives the wider pool: every admitted pact's lifetime on ATOP's own dates (signature
    to ``window_end`` of :func:`helpers.tables.pact_census.exit_record`), where the lifespan chart draws only the
    pacts whose organisation this project holds. Says so when NATO is not yet among the admitted pacts."""
    if rates.empty or FOCUS not in set(rates["org_id"]):
        return "NATO is not among the admitted pacts on this date, so no lifetime is compared with it."
    ranked = rates.assign(years=(rates["window_end"] - rates["signed"]).dt.days / 365.25)
    ranked = ranked.sort_values("years", ascending=False, kind="stable")
    top, nato = ranked.iloc[0], ranked.loc[ranked["org_id"] == FOCUS].iloc[0]
    day = wording.day(ranked["window_end"].max().date())
    head = f"On ATOP's own dates, which reach all {len(ranked)} admitted pacts (to {day} at the latest), "
    if top["org_id"] == FOCUS:
        return head + f"NATO had lasted longest ({nato['years']:.0f} years)."
    ahead = int((ranked["years"] > nato["years"]).sum())
    return head + (f"{pact_in_text(top['name'])} had lasted longest ({top['years']:.0f} years), and {ahead} of them "
                   f"had lasted longer than NATO ({nato['years']:.0f} years).")


def largest_glance(sizes: pd.DataFrame, early: pd.DataFrame | None = None, as_of=None) -> str:
    """:func:`largest_line` short, for the first screen: the admitted pact with the most members on ATOP's last day
    read against NATO, that day named as the end of ATOP's data when before ``as_of``; with ``early``, NATO's count
    in ATOP's coding too (whom it counts early, :func:`_early`, and the caveats stay in the full sentence)."""
    if (found := _largest(sizes)) is None:
        return ""
    top, nato, day = found
    if as_of is not None and pd.Timestamp(as_of) > top["day"]:
        day += f", the last day of ATOP's data, not this page's {wording.day(pd.Timestamp(as_of).date())}"
    head = f"Of {census_pacts(len(sizes))}, "  # the census set, named as in every finding and title
    if top["org_id"] == FOCUS:
        return head + f"NATO also had the most members on {day} ({nato['members']})."
    tail = (f" ({nato['members'] + len(early)} in ATOP's coding)"
            if early is not None and len(early) else ", in ATOP's data")
    return head + f"{pact_in_text(top['name'])} had the most members on {day}: {top['members']} to NATO's " \
        f"{nato['members']}{tail}."


def _early(early: pd.DataFrame) -> str:
    """'Montenegro from its accession protocol of 19 May 2016': members ATOP counts before their accession."""
    said = []
    for day, group in early.groupby("protocol", sort=True):
        names = wording.joined(list(group["name"]), lang="en")
        said.append(f"{names} from {'its accession protocol' if len(group) == 1 else 'their accession protocols'} "
                    f"of {wording.day(day.date())}")
    return "; ".join(said)


#: Pacts whose short name is read as a word and takes no article in running text ("ANZUS had lasted longest").
BARE_NAMES = frozenset({"NATO", "ANZUS", "SEATO"})


def pact_in_text(name: str, start: bool = False) -> str:
    """A pact's name in running text, with its article: "the Charter of the Organization of American States", "the
    Rio Treaty", "the CSTO", but "NATO", "ANZUS" and "SEATO" (:data:`BARE_NAMES`). The ATOP number goes
    (:func:`~helpers.tables.pact_census.short_name`) except after "agreement of 30 Apr 1948", where the date alone
    names nothing. ``start``: the article opens a sentence ("The Treaty on European Union ...")."""
    shown = str(name) if str(name).startswith("agreement of") else short_name(name)
    if shown in BARE_NAMES:
        return shown
    return f"{'The' if start else 'the'} {'agreement of the ' * ('; ATOP' in str(name))}{shown}"  # by its members

