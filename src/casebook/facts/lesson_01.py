"""Facts of lesson 01 (the crisis of the article's period): the actors, the events of the
article's period and of the whole timeline, what a reader on the article's date could know,
and the answers of the lesson's exercises, all from the same timeline tables the lesson's
code cells draw.

Values that speak of one kind of event, one period or one actor are given in dicts keyed by
the case's own ids (``{crisis[nuclear_test][n]}``, ``{period[some_period][label]}``,
``{with_focus[some_actor_id][economy]}``), so that the lesson's templates, not this module,
name the case.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["crisis_known"] + facts["crisis_after_count"] == facts["crisis_count"]
True
"""

from __future__ import annotations

import pandas as pd

from ..model.timeline import (
    AFTER,
    BEFORE,
    actor_counts,
    case_timeline,
    day_text,
    days_before,
    known_on,
    lane_counts,
    lane_labels,
    lanes_of,
    last_known_event,
    period_years,
    year_span,
)
from ..text import joined


def event_label(row: pd.Series) -> str:
    """An event as the lesson's answers name it: its title and its date.

    >>> from casebook.dates import PartialDate
    >>> event_label(pd.Series({"event": "A summit", "date": PartialDate.parse("2017-05")}))
    'A summit (May 2017)'
    """
    return f"{row['event']} ({day_text(row['date'])})"


def _category_summary(rows: pd.DataFrame) -> dict:
    known, after = rows[rows["when"] == BEFORE], rows[rows["when"] == AFTER]
    return {
        "n": len(rows), "n_known": len(known), "n_after": len(after),
        "dates": [day_text(d) for d in rows["date"]],
        "labels": [event_label(r) for _, r in rows.iterrows()],
        "known": [event_label(r) for _, r in known.iterrows()],
        "after": [event_label(r) for _, r in after.iterrows()],
    }


def by_category(table: pd.DataFrame, kinds: pd.Series, category_ids=None) -> dict:
    """For each event category (``category_ids``, by default those of ``kinds``, the category
    id of each event as events.csv gives it, indexed by event id): how many events of a
    timeline table it has, their dates and labels, and those a reader on the article's date
    could know or not. Every category has an entry, with no events if the table has none.

    >>> from casebook.dates import PartialDate
    >>> frame = pd.DataFrame({"event": ["A", "B"], "date": [PartialDate(2016), PartialDate(2018)],
    ...                       "when": [BEFORE, AFTER]}, index=["a", "b"])
    >>> kinds = pd.Series({"a": "talks", "b": "talks", "c": "trade"})
    >>> found = by_category(frame, kinds)
    >>> found["talks"]["known"], found["talks"]["n_after"], found["trade"]["n"]
    (['A (2016)'], 1, 0)
    """
    of_rows = kinds.reindex(table.index)
    return {category: _category_summary(table[of_rows == category])
            for category in (dict.fromkeys(kinds) if category_ids is None else category_ids)}


def last_known_by_category(table: pd.DataFrame, kinds: pd.Series, article_date) -> dict:
    """For each event category of ``kinds`` (category ids by event id) with an event a reader
    on the article's date could know, the latest such event: its label, its title, its date
    and how many days and weeks (rounded) before the article.

    >>> from casebook.dates import PartialDate
    >>> frame = pd.DataFrame({"event": ["A"], "when": [BEFORE],
    ...                       "date": [PartialDate.parse("2017-09-01")]}, index=["a"])
    >>> kinds = pd.Series({"a": "talks"})
    >>> last_known_by_category(frame, kinds, PartialDate.parse("2017-10-13"))["talks"]["weeks"]
    6
    """
    result = {}
    known = known_on(table)
    for category, rows in known.groupby(kinds.reindex(known.index), sort=False):
        row = rows.iloc[-1]
        days = days_before(row["date"], article_date)
        result[category] = {"label": event_label(row), "event": row["event"],
                            "date": day_text(row["date"]), "days": days,
                            "weeks": round(days / 7)}
    return result


def lane_list(categories: pd.DataFrame) -> str:
    """The timeline's lanes as a Markdown list, each with the kinds of event it holds (the
    case's categories.csv, in its order).

    >>> categories = pd.DataFrame({"label": ["launch", "vote", "test"],
    ...     "lane": ["Tests", "Measures", "Tests"]}, index=["launch", "vote", "test"])
    >>> print(lane_list(categories))
    - **Tests**: launch and test;
    - **Measures**: vote.
    """
    lines = [f"- **{lane.label}**: {joined([categories.loc[c, 'label'] for c in lane.categories])}"
             for lane in lanes_of(categories)]
    return ";\n".join(lines) + "."


def with_actor(table: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """The rows of a timeline table in which every actor of ``names`` (short names) takes part.

    >>> frame = pd.DataFrame({"actors": ["A, B", "B", "A, C"]})
    >>> with_actor(frame, ["A", "B"]).index.tolist()
    [0]
    """
    parts = table["actors"].str.split(", ")
    return table[parts.map(lambda these: all(n in these for n in names))]


def ranked_groups(counts: pd.Series) -> list[list[str]]:
    """Names grouped by equal count, most first: ties stay together.

    >>> ranked_groups(pd.Series({"A": 3, "B": 2, "C": 2}))
    [['A (3)'], ['B', 'C']]
    """
    groups = []
    for value in dict.fromkeys(counts.tolist()):
        names = counts[counts == value].index.tolist()
        groups.append([f"{names[0]} ({value})"] if len(names) == 1 else names)
    return groups


def facts(case) -> dict:
    short = case.actors["short_name"]
    focus = short[case.focus_actor]
    first, last = period_years(case.periods, case.default_period)
    crisis = case_timeline(case, first, last)
    known = known_on(crisis)
    after = crisis[crisis["when"] == AFTER]
    everything = case_timeline(case)
    start, end = year_span(everything)
    counts = lane_counts(everything)
    lanes = lane_labels(everything)
    kinds, category_ids = case.events["category"], list(case.categories.index)
    latest = last_known_event(crisis) if len(known) else None
    top = actor_counts(known)
    groups = ranked_groups(top)
    years_with_events = set(everything["date"].map(lambda d: d.year))
    values = {
        "actor_names": short.tolist(),
        "actor_count": len(short),
        "crisis_label": case.periods.loc[case.default_period, "label"],
        "lane_list": lane_list(case.categories),
        "crisis_years": f"{first}-{last}",
        "crisis_count": len(crisis),
        "crisis_known": len(known),
        "crisis_after_count": len(after),
        "crisis_after": [event_label(r) for _, r in after.iterrows()],
        "crisis": by_category(crisis, kinds, category_ids),
        "whole": by_category(everything, kinds, category_ids),
        "timeline_first_year": start,
        "timeline_last_year": end,
        "empty_years": [y for y in range(start, end + 1) if y not in years_with_events],
        # Lanes that hold more events after the article than before it, with both counts.
        "lanes_more_after": [f"{lane} ({counts.loc[lane, BEFORE]} before the article, "
                             f"{counts.loc[lane, AFTER]} after it)" for lane in lanes
                             if counts.loc[lane, AFTER] > counts.loc[lane, BEFORE]],
        "period": {},
        "with_focus": {},
        "without_focus": {},
        "last_known": event_label(latest) if latest is not None else "none",
        "days": days_before(latest["date"], case.article.date) if latest is not None else 0,
        "top_two": top.index[:2].tolist(),
        "top_two_counts": [f"{name} ({top[name]})" for name in top.index[:2]],
        # The next group of the ranking after the first two, ties together.
        "next_after_top_two": [f"{n} ({top[n]})" for n in top.index[2:]
                               if len(top) > 2 and top[n] == top.iloc[2]],
        "focus_events_known": int(top.get(focus, 0)),
        "focus_rank": (top.index.tolist().index(focus) + 1) if focus in top.index else 0,
        "top_groups": groups,
    }
    values.update(crisis_first=first, crisis_last=last, article_url=case.article.url,
                  article_day=day_text(case.article.date),
                  last_known_of=last_known_by_category(everything, kinds,
                                                              case.article.date))
    values["days_less"], values["days_more"] = values["days"] - 1, values["days"] + 1
    for period_id, row in case.periods.iterrows():
        p_first, p_last = int(row["start_year"]), int(row["end_year"])
        table = case_timeline(case, p_first, p_last)
        with_focus = with_actor(table, [focus])
        values["period"][period_id] = {
            "label": row["label"], "years": f"{p_first}-{p_last}", "n": len(table),
            "n_after": int((table["when"] == AFTER).sum()),
            "n_focus": len(with_focus),
            "focus_events": [event_label(r) for _, r in with_focus.iterrows()],
            "without_focus": [event_label(r) for _, r in table.iterrows()
                              if r.name not in with_focus.index],
        }
    # Events before the article in which the focus actor and one partner both take part, by
    # category; and the other events of that category before the article.
    everything_known = known_on(everything)
    for actor_id, name in short.items():
        if actor_id == case.focus_actor:
            continue
        pair = with_actor(everything_known, [focus, name])
        values["with_focus"][actor_id] = by_category(pair, kinds, category_ids)
        rest = everything_known[~everything_known.index.isin(pair.index)]
        values["without_focus"][actor_id] = by_category(rest, kinds, category_ids)
    return values
