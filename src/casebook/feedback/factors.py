"""Feedback for lesson 03's exercises on the first two factors: who was missing from the
first talks, and which factor's claims hold up better."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..model.timeline import day_text
from . import actor_names


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def check_absent_actors(answer, talks: pd.DataFrame, actors: pd.DataFrame) -> str:
    """Feedback on "which actors of the case were absent from the first talks?"; ``talks``
    is ``model.factors.talks_table``. Names or ids, in any order.

    >>> from casebook.dates import PartialDate
    >>> talks = pd.DataFrame({"date": [PartialDate(2003, 4), PartialDate(2003, 8, 27)],
    ...     "event": ["Talks of three", "Talks of four"], "present": ["A, B", "A, B, C, D"],
    ...     "absent": ["C, D", ""]})
    >>> actors = pd.DataFrame({"short_name": ["A", "B", "C", "D"]}, index=["a", "b", "c", "d"])
    >>> check_absent_actors(["d", "C"], talks, actors)
    'Right: C and D were absent from the first talks in the timeline (Apr 2003: Talks of three). All 4 actors of the case first sat together on 27 Aug 2003: Talks of four.'
    >>> check_absent_actors(["C"], talks, actors)
    'Not quite: C was absent, but so was one more actor of the case: compare the present column with the list of actors.'
    """  # noqa: E501 - the doctest shows whole sentences
    example = f'["{actors["short_name"].iloc[-1]}"]'  # an actor of this case
    if answer is None:
        return f"Replace None with a list of actors, e.g. {example}, then run the cell again."
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return (f"Not quite: give a list of actors in square brackets, e.g. {example} (you "
                f"gave {answer!r}).")
    names, unknown = actor_names(answer, actors)
    if unknown:
        return (f"Not quite: {', '.join(repr(u) for u in unknown)} names no actor of the case; "
                f"its actors are {', '.join(actors['short_name'])}.")
    first = talks.iloc[0]
    absent = [n for n in first["absent"].split(", ") if n]
    present = first["present"].split(", ")
    there = [n for n in dict.fromkeys(names) if n in present]
    if there:
        return (f"Not quite: {_listed(there)} took part in {first['event']} "
                f"({day_text(first['date'])}); present were {_listed(present)}.")
    missing = [n for n in absent if n not in names]
    if missing:
        more = "was one more actor" if len(missing) == 1 else f"were {len(missing)} more actors"
        return (f"Not quite: {_listed(list(dict.fromkeys(names)))} "
                f"{'was' if len(set(names)) == 1 else 'were'} absent, but so {more} of the "
                "case: compare the present column with the list of actors.")
    text = (f"Right: {_listed(absent)} were absent from the first talks in the timeline "
            f"({day_text(first['date'])}: {first['event']}).")
    full = talks[talks["absent"] == ""]
    if len(full):
        text += (f" All {len(actors)} actors of the case first sat together on "
                 f"{day_text(full.iloc[0]['date'])}: {full.iloc[0]['event']}.")
    return text


def _holding_text(tally: pd.DataFrame, factor: str) -> str:
    """'<factor> has n of its m claims accurate or borne out (<claims>)'."""
    return (f"{factor} has {int(tally.loc[factor, 'accurate or borne out'])} of its "
            f"{int(tally.loc[factor, 'claims'])} claims accurate or borne out "
            f"({tally.loc[factor, 'holding up'] or 'none'})")


def check_better_supported_factor(answer, tally: pd.DataFrame) -> str:
    """Feedback on "which factor has more claims that the course finds accurate or borne
    out?"; ``tally`` is ``model.factors.verdict_tally`` (rows named by short label).

    >>> tally = pd.DataFrame({"accurate or borne out": [2, 1], "claims": [4, 5],
    ...                       "holding up": ["c01, c03", "c05"]}, index=["Peace", "Seat"])
    >>> check_better_supported_factor("peace", tally)
    'Right: Peace has 2 of its 4 claims accurate or borne out (c01, c03); Seat has 1 of 5 (c05).'
    >>> check_better_supported_factor("Seat", tally)
    'Not quite: Seat has 1 of its 5 claims accurate or borne out (c05); Peace has more: 2 of 4 (c01, c03).'
    """  # noqa: E501 - the doctest shows whole sentences
    if answer is None:
        return "Replace None with a factor's short name in quotes, then run the cell again."
    if not isinstance(answer, str):
        return (f"Not quite: give the factor's short name in quotes, like "
                f"\"{tally.index[0]}\" (you gave {answer!r}).")
    by_name = {name.lower(): name for name in tally.index}
    name = by_name.get(answer.strip().lower())
    if name is None:
        return (f"Not quite: {answer!r} is not one of the factors compared here: "
                f"{', '.join(tally.index)}.")
    holding = tally["accurate or borne out"]
    best = int(holding.max())

    others = [f for f in tally.index if f != name]
    if int(holding[name]) == best:
        rest = "; ".join(f"{f} has {int(holding[f])} of {int(tally.loc[f, 'claims'])} "
                         f"({tally.loc[f, 'holding up'] or 'none'})" for f in others)
        tie = " (a tie)" if (holding == best).sum() > 1 else ""
        return f"Right{tie}: {_holding_text(tally, name)}; {rest}."
    top = holding.idxmax()
    return (f"Not quite: {_holding_text(tally, name)}; {top} has more: {int(holding[top])} of "
            f"{int(tally.loc[top, 'claims'])} ({tally.loc[top, 'holding up']}).")
