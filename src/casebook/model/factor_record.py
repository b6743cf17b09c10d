"""One factor against the focus actor's record (lesson 04's factor explorer): every act of
the behaviour table on a stance the course codes for the factor, in date order, with the
stance's effect on the factor, whether the act fits what the factor alone predicts, and
whether a reader on the article's date could know it (``votes.BEFORE``) or it is hindsight
(``votes.AFTER``).

A factor alone predicts support for a stance that serves it (effect above 0) and opposition
to one that harms it (below 0), as the weighing of lesson 06 does with one weight; a stance
coded 0 gives no prediction. Every function takes tables and returns a table or words; none
draws or prints.

>>> from casebook import load_case
>>> case = load_case()
>>> factor = case.factors.index[0]
>>> shown = factor_table(case.behaviour, case.effects, case.options, case.sources, factor,
...                      case.article.date, "Focus")
>>> set(shown["when"]) <= {votes.BEFORE, votes.AFTER}
True
"""

from __future__ import annotations

import pandas as pd

from ..dates import PartialDate
from ..text import count, joined
from . import votes, weights

FITS, AGAINST, PARTLY, NO_PREDICTION = "yes", "no", "partly", "no prediction (0)"


def factor_choices(factors: pd.DataFrame, factor_ids) -> list[tuple[str, str]]:
    """(label, factor id) for each of ``factor_ids``, in that order: the factor's label and
    the paragraph that states it.

    >>> factors = pd.DataFrame({"label": ["Calm seas", "Ally"], "paragraph": [2, 4]},
    ...                        index=["calm", "ally"])
    >>> factor_choices(factors, ["ally", "calm"])
    [('Ally (¶4)', 'ally'), ('Calm seas (¶2)', 'calm')]
    """
    return [(f"{factors.loc[f, 'label']} (¶{int(factors.loc[f, 'paragraph'])})", str(f))
            for f in factor_ids]


def fit(observed: str, effect: int) -> str:
    """Whether an act (behaviour.csv's ``observed``) fits what one factor alone predicts of a
    stance whose effect on it is ``effect``.

    >>> fit("supported", 2), fit("opposed", -1), fit("supported", -2), fit("mixed", 1)
    ('yes', 'yes', 'no', 'partly')
    >>> fit("opposed", 0)
    'no prediction (0)'
    """
    if effect == 0:
        return NO_PREDICTION
    # What lesson 06's model predicts with all the weight on this factor: the stance of the
    # effect's sign; an act explained by "undecided" (a mixed one) fits only partly.
    explained_by = weights.EXPLAINED_BY[observed]
    if explained_by == weights.UNDECIDED:
        return PARTLY
    return FITS if explained_by == weights.STANCE_OF_CODE[1 if effect > 0 else -1] else AGAINST


def factor_table(behaviour: pd.DataFrame, effects: pd.DataFrame, options: pd.DataFrame,
                 sources: pd.DataFrame, factor_id: str, article_date: PartialDate,
                 actor_name: str = "the focus actor") -> pd.DataFrame:
    """Every act of ``behaviour`` on a stance that ``effects`` codes for ``factor_id``, in
    date order: the stance, its effect on the factor, the course's coding of the act (the
    column named by ``actor_name``), whether it fits the factor, what was done, before or
    after the article, and the source's title.

    >>> day = PartialDate.parse
    >>> behaviour = pd.DataFrame({"option_id": ["f", "t", "f"],
    ...     "observed": ["supported", "opposed", "opposed"],
    ...     "date": [day("2017-07-04"), day("2016-07-28"), day("2018-01")],
    ...     "description": ["Joint call", "Said no", "Later"], "source_id": ["s"] * 3})
    >>> effects = pd.DataFrame({"option_id": ["f", "t"], "factor_id": ["ally", "ally"],
    ...                         "effect": [2, 0]})
    >>> options = pd.DataFrame({"short_label": ["Freeze", "Talks"]}, index=["f", "t"])
    >>> sources = pd.DataFrame({"title": ["Report"]}, index=["s"])
    >>> table = factor_table(behaviour, effects, options, sources, "ally", day("2017-10-13"),
    ...                      "Ann")
    >>> table[["stance", "effect", "Ann", "fits the factor?", "when"]].values.tolist()
    [['Talks', 0, 'opposed', 'no prediction (0)', 'before the article'], ['Freeze', 2, 'supported', 'yes', 'before the article'], ['Freeze', 2, 'opposed', 'no', 'after (hindsight)']]
    """  # noqa: E501 - the doctest shows the whole table
    coded = effects[effects["factor_id"] == factor_id].set_index("option_id")["effect"]
    acts = behaviour[behaviour["option_id"].isin(coded.index)].sort_values("date",
                                                                            kind="stable")
    effect = [int(coded[o]) for o in acts["option_id"]]
    return pd.DataFrame({
        "date": acts["date"].to_list(),
        "stance": options.loc[acts["option_id"], "short_label"].to_list(),
        "effect": effect,
        actor_name: acts["observed"].to_list(),
        "fits the factor?": [fit(o, e) for o, e in zip(acts["observed"], effect, strict=True)],
        f"what {actor_name} did": acts["description"].to_list(),
        "when": [votes.AFTER if votes.is_hindsight(d, article_date) else votes.BEFORE
                 for d in acts["date"]],
        "source": sources.loc[acts["source_id"], "title"].to_list(),
    }, index=acts.index)


def fit_counts(table: pd.DataFrame, when: str = votes.BEFORE) -> dict[str, int]:
    """How many acts of ``factor_table`` dated ``when`` fall under each answer of
    ``fit`` (every answer present, zero or more).

    >>> table = pd.DataFrame({"fits the factor?": ["yes", "no", "yes"],
    ...                       "when": [votes.BEFORE, votes.BEFORE, votes.AFTER]})
    >>> fit_counts(table)
    {'yes': 1, 'no': 1, 'partly': 0, 'no prediction (0)': 0}
    >>> fit_counts(table, votes.AFTER)["yes"]
    1
    """
    dated = table[table["when"] == when]["fits the factor?"]
    return {answer: int((dated == answer).sum())
            for answer in (FITS, AGAINST, PARTLY, NO_PREDICTION)}


def factor_sentence(table: pd.DataFrame, factor_label: str, actor_name: str,
                    article_day: str) -> str:
    """What ``factor_table`` shows, in one sentence: of the acts a reader on the article's
    date could know, how many fit what the factor alone predicts, go against it, fit partly
    or bear on stances coded 0; then how many came after (hindsight).

    >>> table = pd.DataFrame({"fits the factor?": ["yes", "no prediction (0)", "yes", "no"],
    ...     "when": [votes.BEFORE] * 3 + [votes.AFTER]})
    >>> factor_sentence(table, "Ally (¶4)", "Ann", "1 May 2020")
    "Ally (¶4): of Ann's 3 acts on record before the article (1 May 2020), 2 fit what this factor alone predicts, none goes against it and 1 is on a stance coded 0 for it; 1 act came after (hindsight)."
    >>> factor_sentence(table.iloc[:0], "Ally (¶4)", "Ann", "1 May 2020")
    "Ally (¶4): no act of Ann's on record before the article (1 May 2020) bears on a stance the course codes for it; no acts came after (hindsight)."
    """  # noqa: E501 - the doctests show whole sentences
    counts = fit_counts(table)
    known = sum(counts.values())
    after = int((table["when"] == votes.AFTER).sum())
    later = f"{count(after, 'act')} came after (hindsight)"
    if not known:
        return (f"{factor_label}: no act of {actor_name}'s on record before the article "
                f"({article_day}) bears on a stance the course codes for it; {later}.")
    parts = [f"{counts[FITS] or 'none'} {'fits' if counts[FITS] <= 1 else 'fit'} what this "
             f"factor alone predicts",
             f"{counts[AGAINST] or 'none'} {'goes' if counts[AGAINST] <= 1 else 'go'} "
             f"against it"]
    if counts[PARTLY]:
        parts.append(f"{counts[PARTLY]} {'fits' if counts[PARTLY] == 1 else 'fit'} it partly")
    if counts[NO_PREDICTION]:
        silent = counts[NO_PREDICTION]
        parts.append(f"{silent} {'is on a stance' if silent == 1 else 'are on stances'} "
                     f"coded 0 for it")
    return (f"{factor_label}: of {actor_name}'s {count(known, 'act')} on record before the "
            f"article ({article_day}), {joined(parts)}; {later}.")


def coded_differently(effects: pd.DataFrame, options: pd.DataFrame, factor_id: str,
                      other_id: str) -> list[str]:
    """The stances (short labels, in the options' order) that the course codes for
    ``factor_id`` (an effect other than 0) and codes 0 for ``other_id``.

    >>> effects = pd.DataFrame({"option_id": ["f", "f", "d", "d"],
    ...     "factor_id": ["ally", "shield", "ally", "shield"], "effect": [2, 2, 0, 1]})
    >>> options = pd.DataFrame({"short_label": ["Freeze", "Downplay"]}, index=["f", "d"])
    >>> coded_differently(effects, options, "shield", "ally"), coded_differently(
    ...     effects, options, "ally", "shield")
    (['Downplay'], [])
    """
    def coded(factor):
        rows = effects[effects["factor_id"] == factor]
        return set(rows.loc[rows["effect"] != 0, "option_id"])

    only = coded(factor_id) - coded(other_id)
    return [options.loc[o, "short_label"] for o in options.index if o in only]
