"""Feedback for lesson 01's exercises on the timeline: what a reader on the article's date
could know, how close to the article the last known event came, and who takes part most."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..dates import PartialDate
from ..model.timeline import AFTER, BEFORE, day_text, days_before, year_span
from . import Names, answer_items, feedback_check, find_each, number_answer


def _span(table: pd.DataFrame) -> str:
    first, last = year_span(table)
    return f"{first}-{last}" if first != last else str(first)


@feedback_check
def check_known_count(answer, table: pd.DataFrame) -> str:
    """Feedback on "how many events of the window could a reader on the article's date
    know?"; ``table`` is a ``model.timeline.timeline_table`` of that window.

    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 1, 1), PartialDate(2017, 12)],
    ...                       "event": ["Early", "Late"], "when": [BEFORE, AFTER]})
    >>> check_known_count(1, frame)
    'Right: 1 of the 2 events of 2017 came before the article; 1 came after it (Dec 2017: Late).'
    >>> check_known_count("2", frame)
    'Not quite: 2 is every event of 2017, including 1 after the article (Dec 2017: Late).'
    """  # noqa: E501 - the doctest shows the whole sentence
    number, message = number_answer(answer, "a number of events")
    if message:
        return message
    known = int((table["when"] == BEFORE).sum())
    later = table[table["when"] == AFTER]
    later_text = "; ".join(f"{day_text(d)}: {e}" for d, e in
                           zip(later["date"], later["event"], strict=True))
    span = _span(table)
    if number == known:
        return (f"Right: {known} of the {len(table)} events of {span} came before the "
                f"article; {len(later)} came after it ({later_text}).")
    if number == len(table):
        return (f"Not quite: {number} is every event of {span}, including {len(later)} after "
                f"the article ({later_text}).")
    if number == len(later):
        return (f"Not quite: {number} is the number of events after the article; the "
                "question asks for those a reader could know, before it.")
    return (f"Not quite: {number} is not the count. Of the {len(table)} events of {span}, "
            f"count the rows marked '{BEFORE}' in the table, or the filled markers left of "
            "the dashed line in the chart.")


@feedback_check
def check_days_before(answer, table: pd.DataFrame, article_date: PartialDate) -> str:
    """Feedback on "how many days before the article did the last event a reader could know
    happen?"

    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 10, 1),
    ...                                PartialDate(2017, 11, 29)],
    ...                       "event": ["Test", "Link", "Later"],
    ...                       "when": [BEFORE, BEFORE, AFTER]})
    >>> check_days_before("12", frame, PartialDate(2017, 10, 13))
    'Right: Link (1 Oct 2017) came 12 days before the article (13 Oct 2017), the latest event of the timeline a reader could know.'
    >>> check_days_before(40, frame, PartialDate(2017, 10, 13))
    'Not quite: 40 days is the gap to Test (3 Sep 2017), but a later event came before the article.'
    >>> check_days_before(13, frame, PartialDate(2017, 10, 13))
    'Not quite: 13 is one day off. Subtract the dates of the last event before the article (1 Oct 2017) and of the article (13 Oct 2017): from 1 Oct 2017 to 2 Oct 2017 is one day.'
    """  # noqa: E501 - the doctest shows the whole sentence
    number, message = number_answer(answer, "a number of days")
    if message:
        return message
    known = table[table["when"] == BEFORE]
    last = known.iloc[-1]
    days = days_before(last["date"], article_date)
    if number == days:
        return (f"Right: {last['event']} ({day_text(last['date'])}) came {days} days before "
                f"the article ({day_text(article_date)}), the latest event of the timeline a "
                "reader could know.")
    gaps = {days_before(d, article_date): (e, d) for d, e in
            zip(known["date"], known["event"], strict=True)}
    if number in gaps:
        event, date = gaps[number]
        return (f"Not quite: {number} days is the gap to {event} ({day_text(date)}), but a "
                "later event came before the article.")
    if abs(number - days) == 1:
        start = last["date"].first_day
        return (f"Not quite: {number} is one day off. Subtract the dates of the last event "
                f"before the article ({day_text(last['date'])}) and of the article "
                f"({day_text(article_date)}): from {_day(start)} to "
                f"{_day(start + dt.timedelta(days=1))} is one day.")
    if number < 0:
        return ("Not quite: a negative gap means an event after the article; the question "
                "asks for the last one before it.")
    return (f"Not quite: {number} days matches no event. Find the last event before "
            f"{day_text(article_date)} (the last filled marker, or the last row marked "
            f"'{BEFORE}') and count the days from it to the article.")


def _day(day: dt.date) -> str:
    """A calendar day as the feedback writes it.

    >>> _day(dt.date(2017, 10, 2))
    '2 Oct 2017'
    """
    return f"{day.day} {day:%b %Y}"




@feedback_check
def check_top_actors(answer, counts: pd.Series, actors: pd.DataFrame, n: int = 2) -> str:
    """Feedback on "which ``n`` actors take part in the most events?"; ``counts`` is
    ``model.timeline.actor_counts`` (short names, most first). Any name, id or alias of the
    actors, in any order, in a list or in one string.

    >>> actors = pd.DataFrame({"short_name": ["Ann", "Bob", "Cy"],
    ...     "aliases": ["ROA", None, None]}, index=["ANN", "BOB", "CY"])
    >>> counts = pd.Series({"Bob": 5, "Ann": 4, "Cy": 1})
    >>> check_top_actors(["R.O.A.", "BOB"], counts, actors)
    'Right: Bob (5 events) and Ann (4) take part in the most events.'
    >>> check_top_actors("bob, ann", counts, actors)
    'Right: Bob (5 events) and Ann (4) take part in the most events.'
    >>> check_top_actors(["Cy", "Bob"], counts, actors)
    'Not quite: Cy takes part in 1 event; Ann takes part in more (4).'
    >>> check_top_actors(None, counts, actors)
    'Replace None with a list of 2 actors, by name or id, then run the cell again.'
    """
    if answer is None:
        return f"Replace None with a list of {n} actors, by name or id, then run the cell again."
    items = answer_items(answer)
    if items is None:
        return (f"Not quite: give a list of {n} actors in square brackets, by name or id (you "
                f"gave {answer!r}).")
    actor_names = Names.of(actors, shown="short_name")
    found, unknown = find_each(items, actor_names)
    if unknown:
        return f"Not quite: {actor_names.unknown(unknown, 'actor')}."
    names = [actor_names.shown[a] for a in found]
    if len(set(names)) != n:
        return f"Not quite: give {n} different actors (you gave {len(set(names))})."
    threshold = int(counts.iloc[n - 1])
    top = [name for name in counts.index if counts[name] >= threshold]
    wrong = [name for name in names if name not in top]
    if not wrong:
        ranked = sorted(set(names), key=lambda name: -counts[name])
        listed = [f"{ranked[0]} ({int(counts[ranked[0]])} events)"] + [
            f"{name} ({int(counts[name])})" for name in ranked[1:]]
        return (f"Right: {', '.join(listed[:-1])} and {listed[-1]} take part in the most "
                "events.")
    missing = next(name for name in top if name not in names)
    name = wrong[0]
    count = int(counts.get(name, 0))
    return (f"Not quite: {name} takes part in {count} event{'s' * (count != 1)}; {missing} "
            f"takes part in more ({int(counts[missing])}).")
