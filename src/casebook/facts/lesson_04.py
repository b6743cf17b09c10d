"""Facts of lesson 04 (the article's third and fourth factors): the factors and the
paragraphs that state them, the claims of the third factor's paragraph, the stances those
paragraphs cite and how the course codes them, the evidence rated against the article's
reading, and the other scholars' weights. The code cells make the same selections
with the package (``alignment.factor_paragraphs``, ``alignment.cited_paragraphs``), so text and
tables agree.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["inconsistent_count"] <= facts["evidence_count"]
True
"""

from __future__ import annotations

import pandas as pd

from ..model import alignment, factor_record, votes
from ..model.timeline import day_text
from ..text import joined


def lesson_factors(case) -> pd.DataFrame:
    """The article's third and fourth factors, as ``alignment.article_factors`` numbers
    them (file order)."""
    return alignment.article_factors(case.factors).iloc[2:4]


def claim_paragraphs(case) -> list[int]:
    """The paragraph whose claims the lesson reads: the one that states the third factor.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> claim_paragraphs(case) == [int(lesson_factors(case)["¶"].iloc[0].lstrip("¶"))]
    True
    """
    return alignment.factor_paragraphs(case.factors, lesson_factors(case).index[:1])


def stance_paragraphs(case) -> list[int]:
    """The paragraphs whose stances (options) the lesson studies: those that cite an option
    and that the course's effects on the lesson's factors draw on, in order."""
    return alignment.cited_paragraphs(case.effects, case.options, lesson_factors(case).index)


def facts(case) -> dict:
    factors = lesson_factors(case)
    third, fourth = factors.index
    values = {
        "third_label": case.factors.loc[third, "label"],
        "third_short": case.factors.loc[third, "short_label"],
        "third_par": int(case.factors.loc[third, "paragraph"]),
        "fourth_label": case.factors.loc[fourth, "label"],
        "fourth_short": case.factors.loc[fourth, "short_label"],
        "fourth_par": int(case.factors.loc[fourth, "paragraph"]),
        "claim_pars": alignment.paragraph_list(claim_paragraphs(case)),
        "stance_pars": alignment.paragraph_list(stance_paragraphs(case)),
    }
    claims = alignment.claims_in_paragraphs(case.claims, claim_paragraphs(case))
    values.update(claims_count=len(claims),
                  claims_disputed=int((claims["verdict"] == "disputed").sum()))
    values.update(_stance_facts(case, factors))
    values.update(_evidence_facts(case))
    values.update(_reading_facts(case, factors))
    values.update(_tool_facts(case, factors))
    return values


def _stance_facts(case, factors) -> dict:
    effects = alignment.effects_on(case.effects, case.options, case.factors, factors.index,
                                   stance_paragraphs(case))
    third = case.factors.loc[factors.index[0], "short_label"]
    on_third = effects[effects["factor"] == third]
    serving = on_third[on_third["effect"] > 0]["stance"].to_list()
    own_paragraph = f"¶{claim_paragraphs(case)[0]}"
    cited_there = on_third[on_third["¶"] == own_paragraph]
    return {
        "stances": on_third["stance"].to_list(),
        "stances_count": len(on_third),
        "serving": serving, "serving_count": len(serving),
        "serving_effects": [f"{row.stance} ({row.effect:+d})"
                            for row in on_third[on_third["effect"] > 0].itertuples()],
        "not_serving_of_claims_par": cited_there[cited_there["effect"] <= 0]["stance"].to_list(),
        "claims_par_stance_count": len(cited_there),
    }


def _evidence_facts(case) -> dict:
    reading = alignment.article_hypothesis(case.hypotheses, case.article.source_id)
    rated = alignment.rated_evidence(case.evidence, case.ratings, case.sources, reading,
                                     case.article.date)

    def dates(code):
        return [day_text(d) for d in rated.loc[rated["rating"] == code, "date"]]

    counts = rated["rating"].value_counts()
    return {
        "reading_label": case.hypotheses.loc[reading, "label"],
        "evidence_count": len(rated),
        "inconsistent_count": len(alignment.inconsistent(rated)),
        "very_inconsistent_count": int(counts.get("II", 0)),
        "very_inconsistent_dates": dates("II"),
        "inconsistent_only_count": int(counts.get("I", 0)),
        "consistent_count": int(counts.get("C", 0) + counts.get("CC", 0)),
        "very_consistent_count": int(counts.get("CC", 0)),
        "consistent_dates": dates("C") + dates("CC"),
        "neutral_count": int(counts.get("N", 0)),
    }


def _reading_names(presets: pd.DataFrame) -> dict:
    """How the text names each reading: its holder, or, for a baseline with no source, its
    label.

    >>> _reading_names(pd.DataFrame({"holder": ["A. Author", "none"], "label": ["A", "Equal"],
    ...                              "source_id": ["s", None]}, index=["a", "eq"]))
    {'a': 'A. Author', 'eq': 'the equal baseline'}
    """
    return {p: row["holder"] if isinstance(row["source_id"], str) and row["source_id"]
            else f"the {row['label'][:1].lower()}{row['label'][1:]} baseline"
            for p, row in presets.iterrows()}


def _reading_facts(case, factors) -> dict:
    own = alignment.article_preset(case.presets, case.article.source_id)
    table = alignment.readings(case.presets, case.preset_weights, case.factors, factors.index,
                               case.sources)
    third, fourth = (case.factors.loc[i, "short_label"] for i in factors.index)
    from_texts = table[(table["weights"] == alignment.BASIS_WORDS["from_texts"])
                       & (table.index != own)]
    highest = int(from_texts[third].max()) if len(from_texts) else 0
    high_fourth = table[table[fourth] >= 5]
    names = _reading_names(case.presets)
    zero = [names[p] + (" (illustrative)" if row["weights"] == alignment.BASIS_WORDS["illustrative"]
                        and row["source"] else "")
            for p, row in table[table[third] == 0].iterrows()]
    beyond = table[(table["weights"] == alignment.BASIS_WORDS["illustrative"])
                   & table["source"].astype(bool) & (table[third] > highest)
                   & (table.index != own)]
    return {
        "article_holder": table.loc[own, "holder"],
        "article_third_weight": int(table.loc[own, third]),
        "article_fourth_weight": int(table.loc[own, fourth]),
        "readings_count": len(table),
        "fourth_five_or_more": [f"{names[p]} ({row[fourth]})" for p, row in
                                high_fourth.iterrows()],
        "third_zero": [names[p] + (" (illustrative)" if row["weights"] ==
                                   alignment.BASIS_WORDS["illustrative"] and row["source"] else "")
                       for p, row in table[table[third] == 0].iterrows()],
        "third_zero_answer": (
            joined(zero) + ". A 0 means the text does not use the factor, so the reading does "
            "not rely on it; it does not mean the scholar denies it." if zero else
            "None. A 0 would mean a text does not use the factor; where an illustrative "
            "reading's source does not address a factor, the course sets it at the "
            "equal-weights baseline instead, since a summary's silence is not the holder's view."),
        "third_beyond_texts": (
            "; among the illustrative readings, " + joined(
                f"{names[p]} ({int(row[third])})" for p, row in beyond.iterrows())
            + " " + ("gives" if len(beyond) == 1 else "give") + " it more"
            if len(beyond) else ""),
        "highest_other_third": highest,
        "highest_other_holders": from_texts.loc[from_texts[third] == highest, "holder"].to_list()
        if len(from_texts) else [],
        "highest_other_fourth": {row.holder: int(row[fourth]) for _, row in
                                 from_texts.iterrows()},
    }


def _fit_words(counts: dict[str, int], factor: str) -> str:
    """How acts fall with one factor, from ``factor_record.fit_counts``, in words.

    >>> _fit_words({"yes": 2, "no": 0, "partly": 0, "no prediction (0)": 1}, "the third")
    'with the third, 2 fit and none goes against it'
    >>> _fit_words({"yes": 0, "no": 0, "partly": 0, "no prediction (0)": 3}, "the fourth")
    'with the fourth, none fits or goes against it (all are on stances coded 0 for it)'
    """
    if not counts[factor_record.FITS] + counts[factor_record.AGAINST] + counts[
            factor_record.PARTLY]:
        return (f"with {factor}, none fits or goes against it (all are on stances coded 0 "
                "for it)")
    fits, against, partly = (counts[k] for k in (factor_record.FITS, factor_record.AGAINST,
                                                  factor_record.PARTLY))
    parts = [f"{fits or 'none'} {'fits' if fits <= 1 else 'fit'}",
             f"{against or 'none'} {'goes' if against <= 1 else 'go'} against it"]
    if partly:
        parts.append(f"{partly} {'fits' if partly == 1 else 'fit'} it partly")
    return f"with {factor}, " + joined(parts)


def _tool_facts(case, factors) -> dict:
    """The questions and answers of the factor explorer (``widgets.factor_record``), each
    read by ``model.factor_record`` from the same tables the explorer shows."""
    third, fourth = factors.index
    actor = case.actors.loc[case.focus_actor, "short_name"]
    tables = {f: factor_record.factor_table(case.behaviour, case.effects, case.options,
                                            case.sources, f, case.article.date, actor)
              for f in factors.index}
    before = {f: factor_record.fit_counts(t) for f, t in tables.items()}
    after = {f: factor_record.fit_counts(t, votes.AFTER) for f, t in tables.items()}
    known = sum(before[third].values())
    on_third = tables[third][tables[third]["when"] == votes.BEFORE]

    def stances(answer):
        chosen = on_third.loc[on_third["fits the factor?"] == answer, "stance"]
        return list(dict.fromkeys(chosen))

    fits, against = before[third][factor_record.FITS], before[third][factor_record.AGAINST]
    partly, silent = (before[third][k] for k in (factor_record.PARTLY,
                                                  factor_record.NO_PREDICTION))

    def which(count, answer):
        return f" ({joined(stances(answer))})" if count else ""

    first = (f"{fits or 'None'} of the {_acts(known)} {'fits' if fits == 1 else 'fit'} it"
             f"{which(fits, factor_record.FITS)}; {against or 'none'} "
             f"{'goes' if against <= 1 else 'go'} against it{which(against, factor_record.AGAINST)}"
             + (f"; {partly} {'fits' if partly == 1 else 'fit'} it partly"
                f"{which(partly, factor_record.PARTLY)}" if partly else "")
             + (f"; the other {silent} {'is' if silent == 1 else 'are'} on stances coded 0 "
                f"for it{which(silent, factor_record.NO_PREDICTION)}" if silent else "") + "."
             if known else f"None: no act of {actor}'s before the article is on a stance "
             "coded for it.")
    fourth_only = factor_record.coded_differently(case.effects, case.options, fourth, third)
    third_only = factor_record.coded_differently(case.effects, case.options, third, fourth)
    differ = [f"{joined(fourth_only)} {'is' if len(fourth_only) == 1 else 'are'} coded for "
              f"the fourth factor and 0 for the third"] if fourth_only else []
    differ += [f"{joined(third_only)} {'is' if len(third_only) == 1 else 'are'} coded for the "
               f"third factor and 0 for the fourth"] if third_only else []
    counted = (f"With the fourth factor, {before[fourth][factor_record.FITS] or 'none'} of the "
               f"{_acts(known)} before the article fit what it predicts, against "
               f"{fits or 'none'} with the third.")
    second = ("; ".join(differ) + ". " + counted if differ
              else "None: the course codes the same stances for both factors (their effects "
                   "may still differ). " + counted)
    later = tables[third][tables[third]["when"] == votes.AFTER]
    dates = {}
    for row in later.itertuples():
        dates.setdefault(row.stance, []).append(row.date.spelled())
    acts = [f"{stance} ({joined(days)})" for stance, days in dates.items()]
    moved = [counts[factor_record.FITS] + counts[factor_record.AGAINST]
             + counts[factor_record.PARTLY] for counts in after.values()]
    if not any(moved):
        verdict = ("None of them fits or goes against either factor: all are on stances "
                   "coded 0 for both.")
    else:
        words = _fit_words(after[third], "the third factor")
        verdict = f"{words[:1].upper()}{words[1:]}; {_fit_words(after[fourth], 'the fourth')}."
    third_answer = (f"{_acts(len(later)).capitalize()} on {joined(acts)}. {verdict}"
                    if len(later) else "None: every act on these stances came before the "
                    "article.")
    return {
        "tool_known": known,
        "tool_third_fits": fits,
        "tool_third_against": against,
        "tool_fourth_fits": before[fourth][factor_record.FITS],
        "tool_after_count": len(later),
        "tool_fourth_only": fourth_only,
        "tool_third_only": third_only,
        "tool_third_answer": first,
        "tool_coded_answer": second,
        "tool_after_answer": third_answer,
    }


def _acts(count: int) -> str:
    """``1 act``, ``3 acts``.

    >>> _acts(1), _acts(3)
    ('1 act', '3 acts')
    """
    return f"{count} act{'s' * (count != 1)}"
