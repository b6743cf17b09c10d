"""Feedback for lesson 03's exercises on the first two factors: who was missing from the
first talks, and which factor's claims hold up better."""

from __future__ import annotations

import pandas as pd

from ..model.timeline import day_text
from . import Names, answer_items, feedback_check, find_each
from . import listed as _listed


@feedback_check
def check_absent_actors(answer, talks: pd.DataFrame, actors: pd.DataFrame) -> str:
    """Feedback on "which actors of the case were absent from the first talks?"; ``talks``
    is ``model.factors.talks_table``. Any name, id or alias of the actors, in any order, in a
    list or in one string.

    >>> from casebook.dates import PartialDate
    >>> talks = pd.DataFrame({"date": [PartialDate(2003, 4), PartialDate(2003, 8, 27)],
    ...     "event": ["Talks of three", "Talks of four"], "present": ["A, B", "A, B, C, D"],
    ...     "absent": ["C, D", ""]})
    >>> actors = pd.DataFrame({"short_name": ["A", "B", "C", "D"]}, index=["a", "b", "c", "d"])
    >>> check_absent_actors(["d", "C"], talks, actors)
    'Right: C and D were absent from the first talks in the timeline (Apr 2003: Talks of three). All 4 actors of the case first sat together on 27 Aug 2003: Talks of four.'
    >>> check_absent_actors("c; D", talks, actors)[:31]
    'Right: C and D were absent from'
    >>> check_absent_actors(["C"], talks, actors)
    'Not quite: C was absent, but so was one more actor of the case: compare the present column with the list of actors.'
    """  # noqa: E501 - the doctest shows whole sentences
    if answer is None:
        return "Replace None with a list of actors, by name or id, then run the cell again."
    items = answer_items(answer)
    if items is None:
        return ("Not quite: give a list of actors in square brackets, by name or id (you gave "
                f"{answer!r}).")
    actor_names = Names.of(actors, shown="short_name")
    found, unknown = find_each(items, actor_names)
    if unknown:
        return f"Not quite: {actor_names.unknown(unknown, 'actor')}."
    names = [actor_names.shown[a] for a in found]
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


@feedback_check
def check_better_supported_factor(answer, tally: pd.DataFrame,
                                  factors: pd.DataFrame | None = None) -> str:
    """Feedback on "which factor has more claims that the course finds accurate or borne
    out?"; ``tally`` is ``model.factors.verdict_tally`` (rows named by short label). With the
    case's ``factors``, any id, label, short label or alias of a factor is understood.

    >>> tally = pd.DataFrame({"accurate or borne out": [2, 1], "claims": [4, 5],
    ...                       "holding up": ["c01, c03", "c05"]}, index=["Peace", "Seat"])
    >>> check_better_supported_factor("peace", tally)
    'Right: Peace has 2 of its 4 claims accurate or borne out (c01, c03); Seat has 1 of 5 (c05).'
    >>> factors = pd.DataFrame({"label": ["Calm and peace", "A seat", "Trade"],
    ...     "short_label": ["Peace", "Seat", "Trade"]}, index=["p", "s", "t"])
    >>> check_better_supported_factor("Calm and peace", tally, factors)[:40]
    'Right: Peace has 2 of its 4 claims accur'
    >>> check_better_supported_factor("Trade", tally, factors)
    'Not quite: Trade is a factor of the case, but not one of those compared here: Peace and Seat.'
    >>> check_better_supported_factor("Seat", tally)
    'Not quite: Seat has 1 of its 5 claims accurate or borne out (c05); Peace has more: 2 of 4 (c01, c03).'
    """  # noqa: E501 - the doctest shows whole sentences
    if answer is None:
        return "Replace None with a factor's name in quotes, then run the cell again."
    if not isinstance(answer, str):
        return (f"Not quite: give the factor's short name in quotes, like "
                f"\"{tally.index[0]}\" (you gave {answer!r}).")
    compared = _listed(tally.index)
    names = (Names.of(factors, shown="short_label") if factors is not None
             else Names.of(pd.DataFrame(index=tally.index)))
    found = names.find(answer)
    if not found:
        return f"Not quite: {answer!r} is not one of the factors compared here: {compared}."
    if len(found) > 1:
        return f"Not quite: {names.unknown([answer], 'factor')}."
    name = names.shown[found[0]]
    if name not in tally.index:
        return (f"Not quite: {name} is a factor of the case, but not one of those compared "
                f"here: {compared}.")
    holding = tally["accurate or borne out"]
    best = int(holding.max())

    others = [f for f in tally.index if f != name]
    if int(holding[name]) == best:
        rest = "; ".join(f"{f} has {int(holding[f])} of {int(tally.loc[f, 'claims'])} "
                         f"({tally.loc[f, 'holding up'] or 'none'})" for f in others)
        tie = ", a tie" if (holding == best).sum() > 1 else ""
        return f"Right: {_holding_text(tally, name)}; {rest}{tie}."
    top = holding.idxmax()
    return (f"Not quite: {_holding_text(tally, name)}; {top} has more: {int(holding[top])} of "
            f"{int(tally.loc[top, 'claims'])} ({tally.loc[top, 'holding up']}).")
