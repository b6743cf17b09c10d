"""Facts of lesson 10 (the seminar): the debate's motions (the claims the course disputes),
the roles and their cards, and what the class's saved weightings say side by side, computed
with the same functions as the lesson's code cells (``casebook.model.seminar``,
``casebook.model.briefing``), so that text and tables cannot disagree.

The class is read from the case's demo folder unless the lesson points at another one: the
lesson's code then updates its facts with :func:`class_facts` of that folder, so its text
follows the class it shows.

>>> from casebook import load_case
>>> values = facts(load_case())
>>> values["motion_count"] >= 1
True
"""

from __future__ import annotations

import pandas as pd

from ..text import joined
from .lesson_09 import short_quote

DISPUTED = "disputed"  # the verdict of claims.csv for a claim the course disputes (schema)
# The claims that carry the argument: a debate motion states a factor or the conclusion.
MOTION_ROLES = ("factor", "conclusion")


def debate_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims the course disputes, in the article's order, each marked as a motion (it
    states a factor or the conclusion) or as evidence under dispute (it backs one).

    >>> claims = pd.DataFrame({"paragraph": [4, 2, 3], "quote": ["b", "a", "c"],
    ...     "verdict": ["disputed", "disputed", "accurate"], "role": ["support", "factor",
    ...     "factor"], "factor_ids": [["x"], ["x"], ["y"]], "verdict_note": ["n", "m", "o"]},
    ...     index=pd.Index(["c2", "c1", "c3"], name="claim_id"))
    >>> debate_claims(claims)[["¶", "motion"]]
              ¶  motion
    claim_id
    c1        2    True
    c2        4   False
    """
    disputed = claims[claims["verdict"] == DISPUTED].sort_values("paragraph", kind="stable")
    frame = pd.DataFrame({
        "¶": disputed["paragraph"].astype(int),
        "claim": disputed["quote"],
        "motion": disputed["role"].isin(MOTION_ROLES),
        "factors": disputed["factor_ids"].map(_ids),
        "the course's reading": disputed["verdict_note"],
    }, index=disputed.index)
    if len(frame) and not frame["motion"].any():
        frame["motion"] = True  # no disputed claim states a factor: every one is a motion
    return frame


def _ids(value) -> list[str]:
    """A factor_ids cell as a list (the loader gives a list; a blank cell, nothing).

    >>> _ids(["a", "b"]), _ids(float("nan")), _ids("a")
    (['a', 'b'], [], ['a'])
    """
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, str) and value:
        return [value]
    return []


def backing_evidence(debate: pd.DataFrame, factor_ids: list[str]) -> pd.DataFrame:
    """The disputed claims that are not motions and back one of ``factor_ids``.

    >>> debate = pd.DataFrame({"¶": [2, 4], "motion": [True, False],
    ...     "factors": [["x"], ["x", "y"]]}, index=["c1", "c2"])
    >>> backing_evidence(debate, ["y"]).index.tolist()
    ['c2']
    """
    mine = set(factor_ids)
    return debate[~debate["motion"] & debate["factors"].map(lambda ids: bool(set(ids) & mine))]


def cited(rows: pd.DataFrame) -> list[str]:
    """Claims as a reader cites them: ¶ and their first words.

    >>> cited(pd.DataFrame({"¶": [4], "claim": ["one two three four five six seven eight nine"]}))
    ['¶4 "one two three four five six seven eight ..."']
    """
    return [f'¶{p} "{short_quote(q, words=8)}"' for p, q in zip(rows["¶"], rows["claim"],
                                                                 strict=True)]


def motion_table(debate: pd.DataFrame, factor_labels: pd.Series) -> pd.DataFrame:
    """The motions of the debate, numbered, each with the factor it is about and the
    disputed evidence that backs the same factor.

    >>> debate = pd.DataFrame({"¶": [2, 4], "claim": ["A is so", "B did"],
    ...     "motion": [True, False], "factors": [["x"], ["x"]],
    ...     "the course's reading": ["n", "m"]}, index=["c1", "c2"])
    >>> motion_table(debate, pd.Series({"x": "Ex"})).iloc[0].tolist()
    ['1', '¶2', 'A is so', 'Ex', '¶4 "B did"']
    """
    rows = []
    for number, (_, row) in enumerate(debate[debate["motion"]].iterrows(), start=1):
        rows.append({"motion": str(number), "¶": f"¶{row['¶']}", "claim": row["claim"],
                     "factor": _about(row["factors"], factor_labels),
                     "disputed evidence": "; ".join(cited(backing_evidence(
                         debate, row["factors"]))) or "none"})
    return pd.DataFrame(rows, columns=["motion", "¶", "claim", "factor", "disputed evidence"])


def _about(factor_ids: list[str], factor_labels: pd.Series) -> str:
    return joined([factor_labels.get(f, f) for f in factor_ids], empty="the conclusion")


def unattached_evidence(debate: pd.DataFrame) -> pd.DataFrame:
    """Disputed claims that back a factor no motion is about (the course accepts the factor
    but disputes evidence for it).

    >>> debate = pd.DataFrame({"¶": [2, 3], "motion": [True, False],
    ...     "factors": [["x"], ["y"]]}, index=["c1", "c2"])
    >>> unattached_evidence(debate).index.tolist()
    ['c2']
    """
    covered = {f for ids in debate.loc[debate["motion"], "factors"] for f in ids}
    return debate[~debate["motion"] & debate["factors"].map(lambda ids: not set(ids) & covered)]


def facts(case) -> dict:
    factor_labels = case.factors["short_label"]
    debate = debate_claims(case.claims)
    motions = debate[debate["motion"]]
    values: dict = {
        "factor_count": len(case.factors),
        "factor_labels": list(factor_labels),
        "disputed_count": len(debate),
        "motion_count": len(motions),
        "evidence_count": int((~debate["motion"]).sum()),
        "motion_paragraphs": [f"¶{p}" for p in motions["¶"]],
        "motion_list": _motion_list(motions),
        "motion_answers": _motion_answers(motions, debate, factor_labels),
    }
    return values


def _motion_list(motions: pd.DataFrame) -> str:
    """The motions as a numbered Markdown list of quotations."""
    return "\n".join(f"{n}. \"{row['claim']}\" [¶{row['¶']}]"
                     for n, (_, row) in enumerate(motions.iterrows(), start=1)) or \
        "(The course disputes no claim of this article: there is no motion.)"


def _motion_answers(motions: pd.DataFrame, debate: pd.DataFrame,
                    factor_labels: pd.Series) -> str:
    """For each motion, the course's reading of it (its verdict note, with the strongest
    counter-reading) and the disputed evidence under it."""
    lines = []
    for n, (_, row) in enumerate(motions.iterrows(), start=1):
        backing = backing_evidence(debate, row["factors"])
        under = (f" The disputed evidence under it: {joined(cited(backing))}."
                 if len(backing) else "")
        reading = row["the course's reading"]
        lines.append(f"{n}. **¶{row['¶']}** ({_about(row['factors'], factor_labels)}): "
                     f"{reading}{under}")
    return "\n".join(lines) or "There is no motion to debate."
