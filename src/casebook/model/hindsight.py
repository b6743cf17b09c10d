"""The article's claims against what followed (lesson 09): the course's reference hindsight
ratings beside the verdicts of claims.csv, the later events they rest on, and a reader's own
ratings compared with the reference.

What a reader could know on the article's date and what came later are kept apart: the
events a rating names are checked against the article's date, and the verdicts of claims.csv
say whether they judge a claim as of 2017 or in hindsight.

>>> from casebook import load_case
>>> case = load_case()
>>> card = scorecard(case.claims, case.hindsight, case.sources)
>>> len(card) == len(case.hindsight)
True
"""

from __future__ import annotations

import pandas as pd

from ..dates import PartialDate
from .votes import is_hindsight

RATINGS = ("undercut", "mixed", "supported")  # lowest to highest, as in the schema
NOT_RATED = "not rated"
# claims.csv verdicts that judge a claim as of the article's date; the others (borne_out ...)
# already judge it in hindsight.
VERDICTS_AS_OF_ARTICLE = ("accurate", "error", "disputed", "unverified")
DIFFERENCES = ("agree", "one step apart", "opposite")


def verdict_time(verdict: str) -> str:
    """Whether a verdict of claims.csv judges the claim as of the article or in hindsight.

    >>> verdict_time("disputed"), verdict_time("partly_borne_out")
    ('as of the article', 'in hindsight')
    """
    return "as of the article" if verdict in VERDICTS_AS_OF_ARTICLE else "in hindsight"


def scorecard(claims: pd.DataFrame, hindsight: pd.DataFrame,
              sources: pd.DataFrame) -> pd.DataFrame:
    """One row per claim that later events can test, in reading order: paragraph, the quote,
    the course's verdict of claims.csv and when it judges, the reference hindsight rating,
    its reason and the source of the main event. Indexed by claim id.

    >>> claims = pd.DataFrame({"paragraph": [6, 4, 2], "quote": ["Both oppose", "Alliance", "X"],
    ...     "verdict": ["accurate", "disputed", "accurate"]},
    ...     index=pd.Index(["c20", "c11", "c02"], name="claim_id"))
    >>> hindsight = pd.DataFrame({"rating": ["undercut", "undercut"], "reason": ["r1", "r2"],
    ...     "source_id": ["s", "s"]}, index=pd.Index(["c20", "c11"], name="claim_id"))
    >>> sources = pd.DataFrame({"title": ["SC/14911"]}, index=["s"])
    >>> scorecard(claims, hindsight, sources)[["¶", "verdict", "judged", "reference"]
    ...     ].values.tolist()
    [['¶4', 'disputed', 'as of the article', 'undercut'], \
['¶6', 'accurate', 'as of the article', 'undercut']]
    """
    rated = claims.loc[[c for c in claims.index if c in hindsight.index]]
    rated = rated.assign(_order=range(len(rated))).sort_values(
        ["paragraph", "_order"], kind="stable")
    ids = rated.index
    return pd.DataFrame({
        "¶": [f"¶{p}" for p in rated["paragraph"]],
        "claim": rated["quote"].to_list(),
        "verdict": rated["verdict"].str.replace("_", " ").to_list(),
        "judged": rated["verdict"].map(verdict_time).to_list(),
        "reference": [str(r) for r in hindsight.loc[ids, "rating"]],
        "reason": hindsight.loc[ids, "reason"].to_list(),
        "source": sources.loc[hindsight.loc[ids, "source_id"], "title"].to_list(),
    }, index=ids)


def named_events(hindsight: pd.DataFrame, events: pd.DataFrame, claims: pd.DataFrame,
                 sources: pd.DataFrame, article_date: PartialDate) -> pd.DataFrame:
    """Every event a hindsight rating names, once, in date order: its date, title, whether a
    reader could know it on the article's date, the paragraphs of the claims that name it,
    and its source. Indexed by event id.

    >>> day = PartialDate.parse
    >>> events = pd.DataFrame({"date": [day("2024-03-28"), day("2017-12-22")],
    ...     "title": ["Veto", "Res. 2397"], "source_id": ["s", "s"]}, index=["veto", "res"])
    >>> hindsight = pd.DataFrame({"event_ids": [("veto", "res"), ("veto",)]},
    ...                          index=["c16", "c20"])
    >>> claims = pd.DataFrame({"paragraph": [5, 6]}, index=["c16", "c20"])
    >>> sources = pd.DataFrame({"title": ["UN"]}, index=["s"])
    >>> named_events(hindsight, events, claims, sources, day("2017-10-13"))[
    ...     ["event", "known on the article's date", "named for"]].values.tolist()
    [['Res. 2397', 'no', '¶5'], ['Veto', 'no', '¶5, ¶6']]
    """
    naming: dict[str, list[str]] = {}
    for claim_id, ids in hindsight["event_ids"].items():
        for event_id in ids or ():
            naming.setdefault(event_id, []).append(claim_id)
    chosen = events.loc[list(naming)].sort_values("date", kind="stable")

    def paragraphs(event_id: str) -> str:
        numbers = sorted({int(claims.loc[c, "paragraph"]) for c in naming[event_id]})
        return ", ".join(f"¶{n}" for n in numbers)

    return pd.DataFrame({
        "date": chosen["date"].to_list(),
        "event": chosen["title"].to_list(),
        "known on the article's date": ["no" if is_hindsight(d, article_date) else "yes"
                                        for d in chosen["date"]],
        "named for": [paragraphs(e) for e in chosen.index],
        "source": sources.loc[chosen["source_id"], "title"].to_list(),
    }, index=chosen.index)


def difference(yours: str, reference: str) -> str:
    """How far a reader's rating is from the reference: agree, one step apart, opposite, or
    not rated.

    >>> difference("supported", "undercut"), difference("mixed", "mixed"), difference(
    ...     NOT_RATED, "mixed")
    ('opposite', 'agree', 'not rated')
    """
    if yours not in RATINGS:
        return NOT_RATED
    return DIFFERENCES[abs(RATINGS.index(yours) - RATINGS.index(reference))]


def compare(card: pd.DataFrame, yours: dict[str, str]) -> pd.DataFrame:
    """A reader's ratings (claim id -> rating; missing means not rated) beside the reference
    of a ``scorecard``, with how far apart they are and the reference's reason.

    >>> card = pd.DataFrame({"¶": ["¶4", "¶6"], "claim": ["A", "B"],
    ...     "reference": ["undercut", "undercut"], "reason": ["r1", "r2"]}, index=["a", "b"])
    >>> compare(card, {"a": "supported"})[["yours", "difference"]].values.tolist()
    [['supported', 'opposite'], ['not rated', 'not rated']]
    """
    mine = [yours.get(c, NOT_RATED) for c in card.index]
    return pd.DataFrame({
        "¶": card["¶"].to_list(), "claim": card["claim"].to_list(), "yours": mine,
        "reference": card["reference"].to_list(),
        "difference": [difference(y, r) for y, r in zip(mine, card["reference"], strict=True)],
        "reason": card["reason"].to_list(),
    }, index=card.index)


def agreement(compared: pd.DataFrame) -> dict[str, int]:
    """Counts of a ``compare`` table: rated, agree, one step apart, opposite (and the total).

    >>> compared = pd.DataFrame({"difference": ["agree", "opposite", "not rated"]})
    >>> agreement(compared)
    {'claims': 3, 'rated': 2, 'agree': 1, 'one step apart': 0, 'opposite': 1}
    """
    counts = compared["difference"].value_counts()
    return {"claims": len(compared), "rated": int((compared["difference"] != NOT_RATED).sum()),
            **{d: int(counts.get(d, 0)) for d in DIFFERENCES}}


def reversed_claims(card: pd.DataFrame) -> pd.DataFrame:
    """The claims the course judged accurate as of the article that later events undercut.

    >>> card = pd.DataFrame({"verdict": ["accurate", "disputed", "accurate"],
    ...     "reference": ["undercut", "undercut", "mixed"]}, index=["c20", "c11", "c24"])
    >>> reversed_claims(card).index.to_list()
    ['c20']
    """
    return card[(card["verdict"] == "accurate") & (card["reference"] == "undercut")]
