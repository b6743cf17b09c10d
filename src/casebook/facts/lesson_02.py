"""Facts of lesson 02 (reading the argument): how the course codes the article's claims (by
kind, verdict and what the verdict rests on), the claims of exercise 1, the article's own
factors and where it names them, and the argument map's thinnest factor.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["claim_count"] == facts["record_count"] + facts["course_reading_count"]
True
"""

from __future__ import annotations

import re

import pandas as pd

from ..model.argument import (
    KIND_MEANINGS,
    KINDS,
    ROLES,
    VERDICTS,
    article_factors,
    exercise_claims,
    factor_chains,
    kind_label,
    second_kind,
)
from ..model.hindsight import VERDICTS_AS_OF_ARTICLE
from ..text import ORDINALS, count, joined

# The one verdict that is a noun ("3 errors"); the others are adjectives ("3 disputed").
NOUN_VERDICTS = ("error",)


def short_id(claim_id: str) -> str:
    """A claim's number as the lessons cite it.

    >>> short_id("c07_some_words")
    'c07'
    """
    return claim_id.split("_")[0]


def verdict_words(verdict: str) -> str:
    """A verdict as prose writes it.

    >>> verdict_words("partly_borne_out")
    'partly borne out'
    """
    return verdict.replace("_", " ")


def verdict_tally(number: int, verdict: str) -> str:
    """``3 errors``, ``1 disputed``: a number of claims with one verdict.

    >>> verdict_tally(3, "error"), verdict_tally(1, "not_testable")
    ('3 errors', '1 not testable')
    """
    if verdict in NOUN_VERDICTS:
        return count(number, verdict)
    return f"{number} {verdict_words(verdict)}"


def kind_note(claims: pd.DataFrame, claim_id: str) -> str:
    """The course's reason for a claim's kind, or "" where it gives none.

    >>> kind_note(pd.DataFrame({"kind_note": [None]}, index=["c1"]), "c1")
    ''
    """
    note = claims.loc[claim_id, "kind_note"] if "kind_note" in claims.columns else None
    return note.strip() if isinstance(note, str) else ""


def with_article(noun: str) -> str:
    """``an inference``, ``a fact``.

    >>> with_article("inference"), with_article("fact")
    ('an inference', 'a fact')
    """
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def verdict_breakdown(claims: pd.DataFrame, name_claims_unless: tuple[str, ...] = ()) -> list:
    """Verdict tallies of some claims, most frequent first (ties in the schema's order); the
    claims of each verdict are named unless the verdict is in ``name_claims_unless``.

    >>> frame = pd.DataFrame({"verdict": ["error", "accurate", "error"]},
    ...                      index=["c1_a", "c2_b", "c3_c"])
    >>> verdict_breakdown(frame, name_claims_unless=("accurate",))
    ['2 errors (c1 and c3)', '1 accurate']
    """
    counts = claims["verdict"].value_counts()
    order = sorted(counts.index, key=lambda v: (-counts[v], VERDICTS.index(v)
                                                if v in VERDICTS else len(VERDICTS)))
    parts = []
    for verdict in order:
        text = verdict_tally(int(counts[verdict]), verdict)
        if verdict not in name_claims_unless:
            ids = [short_id(i) for i in claims.index[claims["verdict"] == verdict]]
            text += f" ({joined(ids)})"
        parts.append(text)
    return parts


def announced_factors(factors: pd.DataFrame, paragraphs: dict[int, str]) -> pd.DataFrame:
    """The article's factors whose paragraph opens with the factor's ordinal word ("First",
    "Second" ...), with that word; the others are named without such an announcement.

    >>> factors = pd.DataFrame({"label": ["A", "B"], "paragraph": [2, 7],
    ...                         "in_article": ["yes", "yes"]}, index=["a", "b"])
    >>> announced_factors(factors, {2: "First, A.", 7: "Together, A and B."})["word"].tolist()
    ['First']
    """
    own = article_factors(factors)
    words = []
    for place, paragraph in enumerate(own["paragraph"], start=1):
        word = ORDINALS[place].capitalize() if place < len(ORDINALS) else ""
        text = paragraphs.get(int(paragraph), "")
        words.append(word if word and re.match(rf"\s*{word}\b", text) else "")
    own = own.assign(word=words)
    return own[own["word"] != ""]


def kind_solution_line(n: int, paragraph: int, quote: str, kind: str, other: str | None,
                       note: str) -> str:
    """One numbered line of exercise 1's solution: the claim, its kind and what the kind
    means; for a claim that fits two kinds, both and the course's reason.

    >>> kind_solution_line(1, 2, "It rained", "fact", None, "")
    '1. "It rained" (¶2): a **fact**, a statement of what happened, was said or is the case, which the record can confirm or refute.'
    >>> kind_solution_line(2, 8, "It will rain", "prediction", "inference", "A forecast.")
    '2. "It will rain" (¶8): a **prediction** or an **inference**; either is right. A forecast.'
    """  # noqa: E501 - the doctest shows a whole line
    line = f"{n}. \"{quote}\" (¶{paragraph}): {with_article(kind).split()[0]} **{kind}**"
    if not other:
        return f"{line}, {KIND_MEANINGS[kind]}."
    line += f" or {with_article(other).split()[0]} **{other}**; either is right."
    return f"{line} {note}" if note else line


def claims_with_verdicts(ids, claims: pd.DataFrame) -> str:
    """``c06 (disputed) and c07 (error)``: claims with their verdicts.

    >>> claims_with_verdicts(["c1_a"], pd.DataFrame({"verdict": ["error"]}, index=["c1_a"]))
    'c1 (error)'
    """
    return joined((f"{short_id(i)} ({verdict_words(claims.loc[i, 'verdict'])})" for i in ids),
                  empty="none")


def weak_factor_line(chain: pd.Series, claims: pd.DataFrame) -> str:
    """A factor of the argument map with the verdicts of the claims that back and state it.

    >>> claims = pd.DataFrame({"verdict": ["disputed", "borne_out"]}, index=["c6_a", "c5_b"])
    >>> chain = pd.Series({"label": "Seat", "backed_by": ("c6_a",), "stated_by": ("c5_b",)})
    >>> weak_factor_line(chain, claims)
    'Seat: its supports are c6 (disputed); the claim that states it is c5 (borne out)'
    """
    stated = chain["stated_by"]
    line = f"{chain['label']}: its supports are {claims_with_verdicts(chain['backed_by'], claims)}"
    if stated:
        line += (f"; the claim{'s' if len(stated) > 1 else ''} that state"
                 f"{'' if len(stated) > 1 else 's'} it {'are' if len(stated) > 1 else 'is'} "
                 f"{claims_with_verdicts(stated, claims)}")
    return line


def facts(case) -> dict:
    claims, factors = case.claims, case.factors
    ids = list(claims.index)
    kind_counts = claims["kind"].value_counts()
    facts_only = claims[claims["kind"] == KINDS[0]]
    course = claims[claims["verdict_basis"] == "course_reading"]
    hindsight = claims[~claims["verdict"].isin(VERDICTS_AS_OF_ARTICLE)
                       & (claims["verdict"] != "not_testable")]
    to_classify = exercise_claims(claims)
    two_kinds = [i for i in ids if second_kind(claims, i)]
    own = article_factors(factors)
    announced = announced_factors(factors, case.paragraphs)
    unannounced = own.drop(announced.index)
    chains = factor_chains(claims, factors)
    article_chains = chains[chains["article's"]]
    supports = article_chains["backed_by"].map(len)
    thinnest = article_chains[supports == supports.min()] if len(supports) else article_chains
    roles = claims["role"].value_counts()
    fourth = own.iloc[3] if len(own) > 3 else None
    return {
        "claim_count": len(claims),
        "first_claim": short_id(ids[0]) if ids else "none",
        "last_claim": short_id(ids[-1]) if ids else "none",
        # "9 facts, 14 inferences, 3 opinions and 1 prediction"
        "kind_tallies": [count(int(kind_counts.get(k, 0)), k) for k in KINDS],
        "fact_count": len(facts_only),
        "fact_verdicts": verdict_breakdown(facts_only, name_claims_unless=("accurate",)),
        "course_reading_count": len(course),
        "record_count": len(claims) - len(course),
        "course_reading_verdicts": verdict_breakdown(course, name_claims_unless=VERDICTS),
        "hindsight_verdicts": [f"`{verdict_words(v)}` ({count(n, 'claim')}: "
                               f"{joined(short_id(i) for i in g.index)})"
                               for v, g in hindsight.groupby("verdict", sort=False)
                               for n in [len(g)]],
        "hindsight_verdict_count": len(hindsight),
        "not_testable_claims": [short_id(i) for i in claims.index[
            claims["verdict"] == "not_testable"]],
        # The kinds and what each means, as the schema defines them.
        "kind_meanings": dict(KIND_MEANINGS),
        # The claims that honestly fit two kinds: "c11 (inference or opinion)".
        "two_kind_claims": [f"{short_id(i)} ({claims.loc[i, 'kind']} or {second_kind(claims, i)})"
                            for i in two_kinds],
        "two_kind_count": len(two_kinds),
        # One Markdown bullet per such claim, with the course's reason.
        "two_kind_notes": "\n".join(f"- {short_id(i)} ({claims.loc[i, 'kind']} or "
                                    f"{second_kind(claims, i)}): {kind_note(claims, i)}"
                                    for i in two_kinds) or "- none",
        "exercise_count": len(to_classify),
        "exercise_kinds": [kind_label(claims, i) for i in to_classify.index],
        "exercise_claims": [short_id(i) for i in to_classify.index],
        "exercise_two_kind": [short_id(i) for i in to_classify.index if second_kind(claims, i)],
        # One numbered line per claim to classify: its words, paragraph, kind and meaning.
        "exercise_solution": "\n".join(
            kind_solution_line(n, p, quote, claims.loc[i, "kind"], second_kind(claims, i),
                               kind_note(claims, i))
            for i, n, p, quote in zip(to_classify.index, to_classify["n"], to_classify["¶"],
                                      to_classify["quote"], strict=True)),
        "article_factor_count": len(own),
        "article_factor_labels": own["label"].tolist(),
        "course_factor_labels": factors.drop(own.index)["label"].tolist(),
        # '"First" opens ¶2 (Peace ...)': the factors the article announces with a number.
        "announced_factors": [f'"{row.word}" opens ¶{int(row.paragraph)} ({row.label})'
                              for row in announced.itertuples()],
        "announced_paragraphs": [f"¶{int(p)}" for p in announced["paragraph"]],
        "announced_count": len(announced),
        "unannounced_factors": unannounced["label"].tolist(),
        "fourth_label": fourth["label"] if fourth is not None else "none",
        "fourth_paragraph": int(fourth["paragraph"]) if fourth is not None else 0,
        "fourth_quote": fourth["quote"] if fourth is not None else "",
        "fourth_backed_by": ([short_id(i) for i in chains.loc[own.index[3], "backed_by"]]
                             if fourth is not None and own.index[3] in chains.index else []),
        "fourth_stated_by": ([short_id(i) for i in chains.loc[own.index[3], "stated_by"]]
                             if fourth is not None and own.index[3] in chains.index else []),
        "thinnest_labels": thinnest["label"].tolist(),
        "thinnest_count": int(supports.min()) if len(supports) else 0,
        "thinnest_claims": [short_id(i) for ids_ in thinnest["backed_by"] for i in ids_],
        # The map's questions: factors no claim states, claims that back several factors,
        # and the article's factors that no accurate claim supports.
        "unstated_factors": article_chains.loc[
            article_chains["stated_by"].map(len) == 0, "label"].tolist(),
        "multi_factor_supports": [
            f"{short_id(i)} ({joined(factors.loc[list(f), 'short_label'])})"
            for i, f in claims.loc[claims["role"] == "support", "factor_ids"].items()
            if f and len(f) > 1],
        "weak_factors": [weak_factor_line(row, claims)
                         for _, row in article_chains.iterrows()
                         if not any(claims.loc[i, "verdict"] == "accurate"
                                    for i in row["backed_by"])],
        "weak_factors_short": [row["label"] for _, row in article_chains.iterrows()
                               if not any(claims.loc[i, "verdict"] == "accurate"
                                          for i in row["backed_by"])],
        "role_counts": {role: int(roles.get(role, 0)) for role in ROLES},
        "role_claims": {role: [short_id(i) for i in claims.index[claims["role"] == role]]
                        for role in ROLES},
    }
