"""One factor at a time: how the article states it, the claims that state and back it with
their verdicts, the course's factors the article folds into it, and the record around it
(talks and who sat at them, economic projects, evidence)."""

from __future__ import annotations

import pandas as pd

from .argument import BASIS_TEXT, claim_label
from .timeline import AFTER, BEFORE, is_after

# Verdicts grouped for a tally: what holds up, what is argued, what cannot be checked, errors.
VERDICT_GROUPS = {
    "accurate or borne out": ("accurate", "borne_out"),
    "disputed or partly borne out": ("disputed", "partly_borne_out", "not_borne_out"),
    "unverified or not testable": ("unverified", "not_testable"),
    "error": ("error",),
}


def factor_cards(factors: pd.DataFrame) -> pd.DataFrame:
    """Factors as a reader meets them: label, paragraph, the article's words, the course's
    plain words, and whose factor it is.

    >>> frame = pd.DataFrame({"label": ["Calm"], "paragraph": [2], "quote": ["calm is vital"],
    ...                       "description": ["Avoiding war."], "in_article": ["yes"]},
    ...                      index=["calm"])
    >>> factor_cards(frame).iloc[0].to_dict()["whose"]
    "the article's"
    """
    return pd.DataFrame({
        "factor": factors["label"].to_list(),
        "¶": [int(p) for p in factors["paragraph"]],
        "in the article's words": factors["quote"].to_list(),
        "in plain words": factors["description"].to_list(),
        "whose": ["the article's" if own == "yes" else "the course's addition"
                  for own in factors["in_article"]],
    })


def course_factors_in(factors: pd.DataFrame, paragraphs) -> pd.DataFrame:
    """The course's own factors (not the article's) whose words come from the paragraphs
    given: the motives the article states there without counting them as factors.

    >>> frame = pd.DataFrame({"paragraph": [2, 7, 3], "in_article": ["yes", "no", "no"]},
    ...                      index=["calm", "trade", "status"])
    >>> course_factors_in(frame, [7]).index.tolist()
    ['trade']
    """
    wanted = {int(p) for p in paragraphs}
    return factors[(factors["in_article"] == "no")
                   & factors["paragraph"].astype(int).isin(wanted)]


def factor_claims(claims: pd.DataFrame, sources: pd.DataFrame, factor_id: str) -> pd.DataFrame:
    """The claims that state a factor, then those that back it (reading order within each),
    with kind, verdict, what the verdict rests on and why (with the source's title).

    >>> claims = pd.DataFrame({"paragraph": [2, 2], "quote": ["b", "a"],
    ...     "kind": ["fact", "inference"], "verdict": ["accurate", "accurate"],
    ...     "verdict_basis": ["record", "record"], "verdict_note": ["n", "m"],
    ...     "role": ["support", "factor"], "factor_ids": [("p",), ("p",)],
    ...     "source_id": [None, "s"]}, index=["c2", "c1"])
    >>> factor_claims(claims, pd.DataFrame({"title": ["T"]}, index=["s"]), "p")[
    ...     ["claim", "role", "why"]].values.tolist()
    [['c1', 'states it', 'm (source: T)'], ['c2', 'backs it', 'n']]
    """
    linked = claims[claims["factor_ids"].map(lambda ids: bool(ids) and factor_id in ids)]
    ordered = pd.concat([linked[linked["role"] == "factor"], linked[linked["role"] == "support"]])
    titles = sources["title"].to_dict()

    def why(note, source_id):
        return note if source_id is None or pd.isna(source_id) else (
            f"{note} (source: {titles[source_id]})")

    return pd.DataFrame({
        "claim": [claim_label(i) for i in ordered.index],
        "¶": [int(p) for p in ordered["paragraph"]],
        "role": ["states it" if r == "factor" else "backs it" for r in ordered["role"]],
        "quote": ordered["quote"].to_list(),
        "kind": ordered["kind"].to_list(),
        "verdict": ordered["verdict"].str.replace("_", " ").to_list(),
        "verdict rests on": [BASIS_TEXT[b] for b in ordered["verdict_basis"]],
        "why": [why(n, s) for n, s in zip(ordered["verdict_note"], ordered["source_id"],
                                           strict=True)],
    })


def verdict_tally(claims: pd.DataFrame, factors: pd.DataFrame) -> pd.DataFrame:
    """For each factor given (rows, in the order given): how many of the claims that state or
    back it fall in each group of verdicts, and which claims hold up (accurate or borne out).

    >>> claims = pd.DataFrame({"verdict": ["accurate", "error", "borne_out"],
    ...     "role": ["factor", "support", "support"],
    ...     "factor_ids": [("a",), ("a",), ("b",)]}, index=["c1", "c2", "c3"])
    >>> factors = pd.DataFrame({"short_label": ["A", "B"]}, index=["a", "b"])
    >>> row = verdict_tally(claims, factors).loc["A"]
    >>> int(row["claims"]), int(row["error"]), row["holding up"]
    (2, 1, 'c1')
    """
    rows = {}
    for factor_id, factor in factors.iterrows():
        mine = claims[claims["role"].isin(["factor", "support"])
                      & claims["factor_ids"].map(lambda ids, f=factor_id: bool(ids) and f in ids)]
        row = {"claims": len(mine)}
        for group, verdicts in VERDICT_GROUPS.items():
            row[group] = int(mine["verdict"].isin(verdicts).sum())
        holding = mine[mine["verdict"].isin(VERDICT_GROUPS["accurate or borne out"])]
        row["holding up"] = ", ".join(i.split("_")[0] for i in holding.index)
        rows[factor["short_label"]] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "factor"
    return table


def lane_of(category: str, categories: pd.DataFrame) -> str:
    """The timeline lane that holds an event category (an id of the case's categories.csv).

    >>> categories = pd.DataFrame({"lane": ["Meetings", "Meetings", "Trade"]},
    ...                           index=["talks", "summit", "trade"])
    >>> lane_of("summit", categories)
    'Meetings'
    """
    return str(categories.loc[category, "lane"])


def factor_categories(categories: pd.DataFrame, factor_id: str) -> list[str]:
    """The categories (ids, in file order) whose events show the record of ``factor_id``
    (categories.csv's ``factor_ids``), so that a lesson can follow one factor's record
    without naming a category.

    >>> categories = pd.DataFrame({"lane": ["Meetings", "Trade"],
    ...     "factor_ids": [("seat",), ("growth", "seat")]}, index=["talks", "trade"])
    >>> factor_categories(categories, "seat"), factor_categories(categories, "calm")
    (['talks', 'trade'], [])
    """
    return [c for c, ids in zip(categories.index, categories["factor_ids"], strict=True)
            if isinstance(ids, tuple) and factor_id in ids]


def in_lane(table: pd.DataFrame, category: str, actor_name: str | None = None,
            categories: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of a ``model.timeline.timeline_table`` in the lane of ``category`` (a lane
    label, a category id of the case's ``categories``, or a category label found in the
    table's rows), and, if ``actor_name`` is given, those in which that actor (short name)
    takes part.

    >>> frame = pd.DataFrame({"lane": ["Trade", "Trade", "Meetings"],
    ...     "category": ["trade deal", "trade deal", "talks"],
    ...     "actors": ["Ann, Bob", "Bob", "Ann"]})
    >>> len(in_lane(frame, "trade_deal", "Ann")), len(in_lane(frame, "Meetings"))
    (1, 1)
    """
    lanes = table["lane"].astype(object)
    named = {category, category.replace("_", " ")}
    wanted = set(lanes[table["category"].isin(named)]) | ({category} & set(lanes))
    if categories is not None and category in categories.index:
        wanted.add(lane_of(category, categories))
    chosen = table[lanes.isin(wanted)]
    if actor_name is not None:
        chosen = chosen[chosen["actors"].str.split(", ").map(lambda names: actor_name in names)]
    return chosen


def talks_table(events: pd.DataFrame, actors: pd.DataFrame, category) -> pd.DataFrame:
    """Every event of ``category`` (a category id, or several), in date order: date, event,
    the actors present and the actors of the case who were absent (short names).

    >>> from casebook.dates import PartialDate
    >>> events = pd.DataFrame({"date": [PartialDate(2003, 4)], "title": ["Talks"],
    ...                        "category": ["talks"], "actors": [("ANN", "BOB")]}, index=["t"])
    >>> actors = pd.DataFrame({"short_name": ["Ann", "Bob", "Cy"]},
    ...                       index=["ANN", "BOB", "CY"])
    >>> talks_table(events, actors, "talks").iloc[0].tolist()[1:]
    ['Talks', 'Ann, Bob', 'Cy']
    """
    wanted = [category] if isinstance(category, str) else list(category)
    talks = events[events["category"].isin(wanted)].sort_values("date", kind="stable")
    names = actors["short_name"].to_dict()
    return pd.DataFrame({
        "date": talks["date"].to_list(),
        "event": talks["title"].to_list(),
        "present": [", ".join(names[a] for a in ids) for ids in talks["actors"]],
        "absent": [", ".join(names[a] for a in actors.index if a not in ids)
                   for ids in talks["actors"]],
    }, index=talks.index)


def evidence_table(evidence: pd.DataFrame, sources: pd.DataFrame, article_date) -> pd.DataFrame:
    """The evidence in date order: date, what it is, whether a reader of the article could
    know it, and the title of its source.

    >>> from casebook.dates import PartialDate
    >>> evidence = pd.DataFrame({"date": [PartialDate(2024), PartialDate(2016, 3, 2)],
    ...                          "description": ["Later", "Earlier"], "source_id": ["s", "s"]},
    ...                         index=["e2", "e1"])
    >>> evidence_table(evidence, pd.DataFrame({"title": ["T"]}, index=["s"]),
    ...                PartialDate(2017, 10, 13))["when"].tolist()
    ['before the article', 'after the article']
    """
    ordered = evidence.sort_values("date", kind="stable")
    titles = sources["title"].to_dict()
    return pd.DataFrame({
        "date": ordered["date"].to_list(),
        "evidence": ordered["description"].to_list(),
        "when": [AFTER if is_after(d, article_date) else BEFORE for d in ordered["date"]],
        "source": [titles[s] for s in ordered["source_id"]],
    }, index=ordered.index)
