"""Feedback for lesson 02's exercises: classifying claims, finding where the fourth factor is
named, and reading the argument map."""

from __future__ import annotations

import pandas as pd

from ..model.argument import KIND_MEANINGS, KINDS, article_factors, second_kind
from . import Names, feedback_check, name_key, paragraph_answer

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _short(quote: str, limit: int = 60) -> str:
    return quote if len(quote) <= limit else quote[:limit - 3].rstrip() + "..."


def _kind_note(claims: pd.DataFrame, claim_id: str) -> str:
    """The course's reason for a claim's kind (``kind_note``), or ""."""
    note = claims.loc[claim_id, "kind_note"] if "kind_note" in claims.columns else None
    return note.strip() if isinstance(note, str) else ""


def two_kinds_note(n: int, paragraph: int, kind: str, other: str, note: str) -> str:
    """The note for a claim that fits two kinds, either of which the check accepts.

    >>> two_kinds_note(3, 8, "inference", "prediction", "Its point is the prospect.")
    'Claim 3 (¶8) fits two kinds, inference and prediction, and either is right: Its point is the prospect.'
    """  # noqa: E501 - the doctest shows a whole sentence
    text = f"Claim {n} (¶{paragraph}) fits two kinds, {kind} and {other}, and either is right"
    return f"{text}: {note}" if note else f"{text}."


@feedback_check
def check_claim_kinds(answer, to_classify: pd.DataFrame, claims: pd.DataFrame) -> str:
    """Feedback on a list of kinds, one per claim of ``to_classify`` (from
    ``model.argument.exercise_claims``), against the course's coding in ``claims``. A claim
    that honestly fits two kinds (``other_kind``) accepts either, with the course's note on
    why (``kind_note``).

    >>> claims = pd.DataFrame({"kind": ["fact", "opinion"]}, index=["c1", "c2"])
    >>> shown = pd.DataFrame({"n": [1, 2], "¶": [2, 4], "quote": ["It rained", "Rain is bad"]},
    ...                      index=["c1", "c2"])
    >>> check_claim_kinds(["fact", " Opinion."], shown, claims)
    "Right: all 2 agree with the course's coding (1 fact and 1 opinion). The coding is the course's: the claims table gives its reasons, and you may argue with them."
    >>> print(check_claim_kinds(["fact", "fact"], shown, claims))
    Not quite: 1 of 2 agree with the course's coding. Claim 2 ("Rain is bad", ¶4): you wrote 'fact'; the course codes it 'opinion', a judgement of value or blame (good or bad, wise or reckless, whose fault), which evidence can inform but not settle.
    >>> both = claims.assign(other_kind=[None, "inference"], kind_note=[None, "Blame, or cause."])
    >>> print(check_claim_kinds(["fact", "inference"], shown, both))
    Right: all 2 agree with the course's coding (1 fact and 1 inference). Claim 2 (¶4) fits two kinds, opinion and inference, and either is right: Blame, or cause. The coding is the course's: the claims table gives its reasons, and you may argue with them.
    """  # noqa: E501 - the doctest shows whole sentences
    expected = [claims.loc[i, "kind"] for i in to_classify.index]
    others = [second_kind(claims, i) for i in to_classify.index]
    kinds = ", ".join(KINDS)
    if answer is None:
        return (f"Replace None with a list of {len(expected)} kinds in the order of the table, "
                f"each one of: {kinds}.")
    if isinstance(answer, str) or not isinstance(answer, list | tuple | pd.Series):
        return (f"Not quite: give a list in square brackets, e.g. [\"fact\", \"opinion\", ...], "
                f"with {len(expected)} kinds (you gave {answer!r}).")
    kind_of = {name_key(kind): kind for kind in KINDS}  # "Fact.", " FACT " are fact
    given = [kind_of.get(name_key(a), str(a).strip()) for a in answer]
    if len(given) != len(expected):
        return (f"Not quite: the table has {len(expected)} claims, and your list has "
                f"{len(given)} kind{'s' * (len(given) != 1)}: give one kind per claim, in the "
                "table's order.")
    unknown = [g for g in given if g not in KINDS]
    if unknown:
        return (f"Not quite: {', '.join(repr(u) for u in unknown)} is not a kind; use one of: "
                f"{kinds}.")
    rows = list(zip(to_classify.index, to_classify["n"], given, expected, others,
                    to_classify["quote"], to_classify["¶"], strict=True))
    wrong = [row for row in rows if row[2] not in (row[3], row[4])]
    if not wrong:
        counted = [f"{given.count(k)} {k}{'s' * (given.count(k) != 1)}"
                   for k in KINDS if k in given]
        tally = counted[0] if len(counted) == 1 else (
            ", ".join(counted[:-1]) + " and " + counted[-1])
        notes = "".join(f" {two_kinds_note(n, p, e, o, _kind_note(claims, i))}"
                        for i, n, _, e, o, _, p in rows if o)
        return (f"Right: all {len(expected)} agree with the course's coding ({tally}).{notes} "
                "The coding is the course's: the claims table gives its reasons, and you may "
                "argue with them.")

    def differs(n, g, e, o, q, p):
        text = (f"Claim {n} (\"{_short(q)}\", ¶{p}): you wrote '{g}'; the course codes it "
                f"'{e}', {KIND_MEANINGS[e]}")
        return text + (f"; it accepts '{o}' too, {KIND_MEANINGS[o]}." if o else ".")

    details = " ".join(differs(n, g, e, o, q, p) for _, n, g, e, o, q, p in wrong)
    return (f"Not quite: {len(expected) - len(wrong)} of {len(expected)} agree with the "
            f"course's coding. {details}")


@feedback_check
def check_fourth_factor_paragraph(answer, factors: pd.DataFrame,
                                  paragraphs: dict[int, str]) -> str:
    """Feedback on "in which paragraph is the article's fourth factor first named?".

    >>> factors = pd.DataFrame({"label": ["Calm", "Seat", "Ally", "Shield"],
    ...                         "paragraph": [2, 3, 4, 7], "in_article": ["yes"] * 4},
    ...                        index=["a", "b", "c", "d"])
    >>> paragraphs = {n: "" for n in range(1, 9)}
    >>> check_fourth_factor_paragraph("¶7", factors, paragraphs)
    'Right: the fourth factor, Shield, is first named in ¶7. The factors before it are announced in ¶2, ¶3 and ¶4; the fourth has no announcement of its own.'
    >>> check_fourth_factor_paragraph("para 4", factors, paragraphs)
    'Not quite: ¶4 names the third factor, Ally. Read on: where does a fourth appear?'
    """  # noqa: E501 - the doctest shows whole sentences
    own = article_factors(factors)
    if len(own) < 4:
        return (f"Not quite: this case has only {len(own)} factors of the article's own, so "
                "the question does not apply.")
    number, message = paragraph_answer(answer)
    if message:
        return message
    if number not in paragraphs:
        return (f"Not quite: the article has paragraphs {min(paragraphs)} to "
                f"{max(paragraphs)}.")
    fourth = own.iloc[3]
    if number == int(fourth["paragraph"]):
        earlier = [f"¶{int(p)}" for p in own["paragraph"].iloc[:3]]
        return (f"Right: the fourth factor, {fourth['label']}, is first named in ¶{number}. "
                f"The factors before it are announced in {', '.join(earlier[:-1])} and "
                f"{earlier[-1]}; the fourth has no announcement of its own.")
    earlier = own.iloc[:3]
    if number in set(earlier["paragraph"].astype(int)):
        place = list(earlier["paragraph"].astype(int)).index(number)
        return (f"Not quite: ¶{number} names the {ORDINALS[place]} factor, "
                f"{earlier.iloc[place]['label']}. Read on: where does a fourth appear?")
    return (f"Not quite: ¶{number} names no new factor of the article's. Look for the "
            "paragraph that speaks of 'four factors' and lists them.")


def _factors_meant(answer: str, chains: pd.DataFrame) -> list[str]:
    """The factors whose label or short label holds every word of a partial answer.

    >>> chains = pd.DataFrame({"label": ["Defence against outside threats", "Calm"],
    ...                        "short_label": ["Defence", "Calm"]}, index=["d", "p"])
    >>> _factors_meant("defence", chains), _factors_meant("outside threats", chains)
    (['d'], ['d'])
    """
    words = answer.lower().split()
    return [factor_id for factor_id, row in chains.iterrows()
            if words and all(w in f"{row['label']} {row['short_label']}".lower().split()
                             for w in words)]


@feedback_check
def check_thinnest_factor(answer, chains: pd.DataFrame, factors: pd.DataFrame | None = None
                          ) -> str:
    """Feedback on "which of the article's factors has the fewest supporting claims in the
    map?"; ``chains`` is ``model.argument.factor_chains``. Any id, label, short label or
    (with the case's ``factors``) alias of a factor.

    >>> chains = pd.DataFrame({"label": ["Peace", "Defence", "Extra"],
    ...     "short_label": ["Peace", "Defence", "Extra"], "paragraph": [2, 7, 5],
    ...     "article's": [True, True, False], "backed_by": [("c2", "c3"), ("c21",), ()]},
    ...     index=["peace", "defence", "extra"])
    >>> check_thinnest_factor("defence", chains)
    "Right: Defence rests on 1 supporting claim (c21), the fewest of the article's factors; it is first named in ¶7."
    >>> check_thinnest_factor("Defense", chains, chains.assign(aliases=[None, "Defense", None]))
    "Right: Defence rests on 1 supporting claim (c21), the fewest of the article's factors; it is first named in ¶7."
    >>> check_thinnest_factor("Peace", chains)
    'Not quite: Peace rests on 2 supporting claims (c2, c3); Defence rests on fewer (1).'
    """  # noqa: E501 - the doctest shows whole sentences
    if answer is None:
        return "Replace None with the name of a factor, in quotes, then run the cell again."
    if not isinstance(answer, str):
        return (f"Not quite: give the factor's name in quotes, like "
                f"\"{chains['short_label'].iloc[0]}\" (you gave {answer!r}).")
    names = Names.of(chains if factors is None else factors, shown="short_label")
    found = names.find(answer)
    own = chains[chains["article's"]]
    if not found:
        meant = _factors_meant(answer, chains)
        if len(meant) == 1:
            return (f"Not quite: {answer!r} is only part of a name. Did you mean "
                    f"\"{chains.loc[meant[0], 'short_label']}\"? Give the whole name, as the "
                    "map or its table writes it.")
        return (f"Not quite: {answer!r} names no factor of the map; its factors are "
                f"{', '.join(chains['short_label'])}.")
    if len(found) > 1:
        return f"Not quite: {names.unknown([answer], 'factor')}."
    factor_id = found[0]
    if factor_id not in chains.index:
        return (f"Not quite: {names.shown[factor_id]} is a factor of the case, but no claim of "
                f"the map states or backs it; the map's factors are "
                f"{', '.join(chains['short_label'])}.")
    if factor_id not in own.index:
        return (f"Not quite: {chains.loc[factor_id, 'short_label']} is the course's addition, "
                "not one of the article's factors: compare the article's own.")
    counts = own["backed_by"].map(len)
    fewest = int(counts.min())
    thinnest = own[counts == fewest]

    def claims_of(fid):
        return ", ".join(i.split("_")[0] for i in own.loc[fid, "backed_by"])

    row = own.loc[factor_id]
    n = len(row["backed_by"])
    noun = "supporting claim" if n == 1 else "supporting claims"
    if factor_id in thinnest.index:
        return (f"Right: {row['short_label']} rests on {n} {noun} ({claims_of(factor_id)}), the "
                f"fewest of the article's factors; it is first named in ¶{row['paragraph']}.")
    return (f"Not quite: {row['short_label']} rests on {n} {noun} ({claims_of(factor_id)}); "
            f"{thinnest.iloc[0]['short_label']} rests on fewer ({fewest}).")
