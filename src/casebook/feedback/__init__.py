"""Exercise feedback: each check looks at the learner's answer (or figure) and returns a
sentence that says what is right, what is not, and where to look, not just pass or fail.

Every check speaks with one voice: its sentence starts "Right:" or "Not quite:" (or "Replace
None ..." for an exercise not yet answered), and it is a :class:`Feedback`, which a notebook
shows as formatted text. The helpers below read an answer the way a learner writes it, so
that every check accepts the same forms:

- a number: ``12``, ``12.0``, ``"12"``, ``np.int64(12)`` (never ``True``);
- a paragraph: ``7``, ``"7"``, ``"¶7"``, ``"para 7"``, ``"[¶7]"``;
- a name (of an actor, factor, option, claim or item): its id or any name the case gives
  it (short or full), in any case, with spaces, punctuation and accents ignored, or one of
  the row's ``aliases`` (a column of the case's table, ``;`` between).

>>> actors = pd.DataFrame({"name": ["Republic of Ann"], "short_name": ["Ann"],
...                        "aliases": ["Annland; ROA"]}, index=["ANN"])
>>> Names.of(actors).find("r.o.a."), as_number("12", whole=True), as_paragraph("[¶7]")
(['ANN'], 12, 7)
"""

from __future__ import annotations

import functools
import math
import numbers
import operator
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..text import plain_number  # noqa: F401 - the checks' way of writing a number

RIGHT = "Right:"
NOT_QUITE = "Not quite:"
REPLACE_NONE = "Replace None"
VOICES = (RIGHT, NOT_QUITE, REPLACE_NONE)  # how every sentence of a check starts

# Characters that Markdown would read as formatting (emphasis, links, HTML, tables, maths):
# a sentence shows them as they are.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|$~#&])")


def markdown_text(text: str) -> str:
    """``text`` escaped so that Markdown shows it as written.

    >>> print(markdown_text("c21_lifeline [¶4] *2* <b>"))
    c21\\_lifeline \\[¶4\\] \\*2\\* \\<b\\>
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


class Feedback(str):
    """A check's sentence. It is a ``str``, so ``print``, ``==``, ``in`` and doctests see the
    plain sentence; a notebook that shows it as a cell's result renders it as formatted
    text (its opening word in bold) that wraps like the lesson's prose, instead of
    monospace output that breaks words across lines.

    >>> said = Feedback("Not quite: 3 is *not* it.")
    >>> print(said)
    Not quite: 3 is *not* it.
    >>> print(said._repr_markdown_())
    **Not quite:** 3 is \\*not\\* it.
    """

    __slots__ = ()

    def _repr_markdown_(self) -> str:
        lead = next((v for v in (RIGHT, NOT_QUITE) if self.startswith(v)), "")
        return (f"**{lead}**" if lead else "") + markdown_text(str(self)[len(lead):])

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(str(self))  # IPython's plain text: the sentence, without quotes


def feedback_check(function: Callable[..., str]) -> Callable[..., Feedback]:
    """Make a check return its sentence as :class:`Feedback`.

    >>> @feedback_check
    ... def check_x(answer):
    ...     return "Right: x." if answer == "x" else "Not quite: not x."
    >>> type(check_x("x")).__name__, check_x("y")
    ('Feedback', 'Not quite: not x.')
    """
    @functools.wraps(function)
    def checked(*args, **kwargs) -> Feedback:
        return Feedback(function(*args, **kwargs))

    return checked


def listed(items: Iterable, conjunction: str = "and") -> str:
    """Items in a sentence: "A", "A and B", "A, B and C".

    >>> listed(["A"]), listed(["A", "B", "C"]), listed(["A", "B"], "or"), listed([])
    ('A', 'A, B and C', 'A or B', '')
    """
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


# -- numbers ------------------------------------------------------------------------------

def as_number(answer, whole: bool = False) -> int | float | None:
    """``answer`` as a number however it is written: an int or a float of any type (numpy's
    too), or text holding one (``"12"``, ``" 4.5 "``); None for anything else. A bool is
    never a number. With ``whole``, an int: ``12.0`` and ``"12.0"`` are 12, ``12.5`` is
    not a whole number (None).

    >>> as_number(np.int64(2006)), as_number("26"), as_number(" 4.5 "), as_number(12.0, True)
    (2006, 26, 4.5, 12)
    >>> as_number(True), as_number(np.True_), as_number(12.5, whole=True), as_number("five")
    (None, None, None, None)
    >>> as_number(float("nan")), as_number([3])
    (None, None)
    """
    if answer is None or isinstance(answer, bool | np.bool_):
        return None
    try:
        return operator.index(answer)  # any integer type, kept exact
    except TypeError:
        pass
    if isinstance(answer, str):
        try:
            value = float(answer.strip())
        except ValueError:
            return None
    elif isinstance(answer, numbers.Real):
        value = float(answer)
    else:
        return None
    if not math.isfinite(value):
        return None
    if value.is_integer():
        return int(value)
    return None if whole else value


def as_whole_number(answer) -> int | None:
    """``answer`` as a whole number (see :func:`as_number`), else None.

    >>> as_whole_number(np.int64(2006)), as_whole_number("2006"), as_whole_number(2006.0)
    (2006, 2006, 2006)
    >>> as_whole_number(True), as_whole_number(2006.5)
    (None, None)
    """
    return as_number(answer, whole=True)


def number_answer(answer, what: str = "a number", example: float | None = None,
                  whole: bool = True) -> tuple[int | float | None, str | None]:
    """(the answer as a number, None), or (None, the sentence for an answer that is missing
    or not a number); ``what`` and ``example`` fill the sentence. An example only shows the
    form: it must never be a value the answer could be, so counts and years go without.

    >>> number_answer("4"), number_answer(4.0), number_answer(np.int64(4))
    ((4, None), (4, None), (4, None))
    >>> number_answer(None, "a number of days")[1]
    'Replace None with a number of days, then run the cell again.'
    >>> number_answer("four")[1]
    "Not quite: give a whole number (you gave 'four')."
    >>> number_answer("a half", "a weight", example=4.5, whole=False)[1]
    "Not quite: give a number, like 4.5 (you gave 'a half')."
    """
    shown = "" if example is None else plain_number(example)
    if answer is None:
        return None, (f"Replace None with {what}{', for example ' * bool(shown)}{shown}, then "
                      "run the cell again.")
    number = as_number(answer, whole)
    if number is None:
        kind = "a whole number" if whole else "a number"
        return None, (f"Not quite: give {kind}{', like ' * bool(shown)}{shown} (you gave "
                      f"{answer!r}).")
    return number, None


def whole_number_answer(answer) -> tuple[int | None, str | None]:
    """:func:`number_answer` for a count.

    >>> whole_number_answer("4"), whole_number_answer(None)[1]
    ((4, None), 'Replace None with a number, then run the cell again.')
    """
    return number_answer(answer, "a number")


def year_answer(answer) -> tuple[int | None, str | None]:
    """:func:`number_answer` for a year.

    >>> year_answer(None)[1]
    'Replace None with a year, then run the cell again.'
    >>> year_answer("1999"), year_answer(1999.0), year_answer(1999.5)[1]
    ((1999, None), (1999, None), 'Not quite: give a year as a whole number (you gave 1999.5).')
    """
    number, message = number_answer(answer, "a year")
    if message and answer is not None:
        return None, f"Not quite: give a year as a whole number (you gave {answer!r})."
    return number, message


# -- paragraphs ---------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"^\[?\s*(?:¶|§|p|para|paragraph)?\s*\.?\s*(\d+)\s*\]?\.?$", re.I)


def as_paragraph(answer) -> int | None:
    """The paragraph number an answer gives, as the lessons write paragraphs or plainly: 7,
    ``"7"``, ``"¶7"``, ``"¶ 7"``, ``"para 7"``, ``"paragraph 7"``, ``"[¶7]"``, ``"[7]"``, 7.0;
    None for anything else (a bool, two numbers, 0).

    >>> [as_paragraph(a) for a in (7, "7", "¶7", "para. 7", "[¶7]", "Paragraph 7", 7.0)]
    [7, 7, 7, 7, 7, 7, 7]
    >>> as_paragraph("¶6-7"), as_paragraph(True), as_paragraph("0"), as_paragraph("seven")
    (None, None, None, None)
    """
    if isinstance(answer, str):
        match = _PARAGRAPH.match(answer.strip())
        number = int(match.group(1)) if match else None
    else:
        number = as_number(answer, whole=True)
    return number if number is not None and number >= 1 else None


def paragraph_answer(answer) -> tuple[int | None, str | None]:
    """(the paragraph number, None), or (None, the sentence for an answer that is missing or
    names no paragraph).

    >>> paragraph_answer("¶6"), paragraph_answer(None)[1]
    ((6, None), 'Replace None with a paragraph number, then run the cell again.')
    >>> paragraph_answer("six")[1]
    "Not quite: give the paragraph's number, written as a number or as ¶ and the number (you gave 'six')."
    """  # noqa: E501 - the doctest shows the whole sentence
    if answer is None:
        return None, "Replace None with a paragraph number, then run the cell again."
    number = as_paragraph(answer)
    if number is None:
        return None, ("Not quite: give the paragraph's number, written as a number or as ¶ "
                      f"and the number (you gave {answer!r}).")
    return number, None


# -- names --------------------------------------------------------------------------------

# The columns of the case's tables that name a row (actors, factors, options, items...);
# ALIASES holds other spellings, ALIAS_SEPARATOR between them.
NAME_COLUMNS = ("short_name", "short_label", "name", "label")
ALIASES = "aliases"
ALIAS_SEPARATOR = ";"
_ARTICLE = re.compile(r"^(?:the|an|a)\s+", re.I)


def name_key(text) -> str:
    """What tells one name from another: its letters and digits in any case, without
    accents, spaces, punctuation or a leading "the" / "a".

    >>> name_key(" The U.S. "), name_key("Defence vs. US"), name_key("Pyŏngyang")
    ('us', 'defencevsus', 'pyongyang')
    """
    text = _ARTICLE.sub("", unicodedata.normalize("NFKD", str(text)).strip())
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def aliases_of(value) -> list[str]:
    """The aliases in one cell of an ``aliases`` column (blank: none).

    >>> aliases_of("DPRK; Pyongyang"), aliases_of(None), aliases_of(float("nan"))
    (['DPRK', 'Pyongyang'], [], [])
    """
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(ALIAS_SEPARATOR) if part.strip()]


@dataclass(frozen=True)
class Names:
    """Every form a case gives the names of a table's rows, to find the row an answer names.

    ``forms`` holds (key, row id, rank): rank 0 is the id written exactly, 1 the id or a
    name in any form, 2 an alias; a lower rank wins, so that an alias never hides an id or
    a name. ``shown`` is the name feedback uses for each row, in table order.
    """

    forms: tuple[tuple[str, Hashable, int], ...]
    shown: dict

    @classmethod
    def of(cls, table: pd.DataFrame, shown: str | None = None,
           columns: Iterable[str] = NAME_COLUMNS,
           more: Mapping[Hashable, Iterable[str]] | None = None) -> Names:
        """The names of ``table``'s rows (its index holds the ids): the id, every column of
        ``columns`` it has, its aliases, and ``more`` forms per id. ``shown`` is the column
        feedback names rows by (default: the first of ``columns`` the table has, else the
        id).

        >>> factors = pd.DataFrame({"label": ["Defence against fleets"],
        ...     "short_label": ["Defence"], "aliases": ["Defense"]}, index=["defence"])
        >>> names = Names.of(factors)
        >>> names.find("DEFENSE"), names.find("defence against fleets"), names.shown
        (['defence'], ['defence'], {'defence': 'Defence'})
        """
        columns = [c for c in columns if c in table.columns]
        shown_column = shown if shown is not None else (columns[0] if columns else None)
        forms = []
        for row_id, row in table.iterrows():
            forms.append((str(row_id), row_id, 0))
            forms.append((name_key(row_id), row_id, 1))
            forms += [(name_key(row[c]), row_id, 1) for c in columns if isinstance(row[c], str)]
            if ALIASES in table.columns:
                forms += [(name_key(a), row_id, 2) for a in aliases_of(row[ALIASES])]
            forms += [(name_key(f), row_id, 2) for f in (more or {}).get(row_id, ())]
        shown_names = {row_id: str(row[shown_column]) if shown_column
                       and isinstance(row[shown_column], str) else str(row_id)
                       for row_id, row in table.iterrows()}
        return cls(tuple(f for f in forms if f[0]), shown_names)

    def find(self, answer) -> list:
        """The ids of the rows ``answer`` names: one if it names one, several if it could
        name any of them, none if it names none (or is not text).

        >>> names = Names.of(pd.DataFrame({"short_name": ["Ann", "Bob"],
        ...     "aliases": ["Chief", "Chief"]}, index=["A", "B"]))
        >>> names.find("a"), names.find("chief"), names.find("Cy"), names.find(3)
        (['A'], ['A', 'B'], [], [])
        """
        if not isinstance(answer, str):
            return []
        text = answer.strip()
        for rank, key in ((0, text), (1, name_key(text)), (2, name_key(text))):
            found = [row_id for k, row_id, r in self.forms if r == rank and k == key]
            if found and key:
                return list(dict.fromkeys(found))
        return []

    def one(self, answer):
        """The id of the one row ``answer`` names, or None."""
        found = self.find(answer)
        return found[0] if len(found) == 1 else None

    def all_shown(self, conjunction: str = "and") -> str:
        """Every row's name, listed in a sentence."""
        return listed(self.shown.values(), conjunction)

    def unknown(self, answers: Iterable, noun: str, where: str = " of the case") -> str:
        """Why ``answers`` name no single row: each names none of them, or could name
        several; ``noun`` is what a row is, ``where`` where the rows come from.

        >>> names = Names.of(pd.DataFrame({"short_name": ["Ann", "Bob"],
        ...     "aliases": ["Chief", "Chief"]}, index=["A", "B"]))
        >>> names.unknown(["Cy"], "actor")
        "'Cy' names no actor of the case; the actors are Ann and Bob"
        >>> names.unknown(["chief", 3], "actor")
        "3 names no actor of the case; the actors are Ann and Bob; 'chief' could be Ann or Bob: write the whole name"
        """  # noqa: E501 - the doctest shows the whole sentence
        answers = list(answers)
        parts = []
        missing = [a for a in answers if not self.find(a)]
        if missing:
            parts.append(f"{listed(repr(a) for a in missing)} "
                         f"{'names' if len(missing) == 1 else 'name'} no {noun}{where}; the "
                         f"{noun}s are {self.all_shown()}")
        for answer in answers:
            found = self.find(answer)
            if len(found) > 1:
                parts.append(f"{answer!r} could be {listed((self.shown[i] for i in found), 'or')}"
                             ": write the whole name")
        return "; ".join(parts)


def answer_items(answer) -> list | None:
    """The items of an answer that lists several things: a list, tuple, set, Series or
    array, or one string with commas or semicolons between; None if it is neither.

    >>> answer_items(["US", "Japan"]), answer_items("US, Japan"), answer_items("US")
    (['US', 'Japan'], ['US', 'Japan'], ['US'])
    >>> answer_items(3) is None
    True
    """
    if isinstance(answer, str):
        return [part.strip() for part in re.split(r"[,;]", answer) if part.strip()]
    if isinstance(answer, Mapping) or not isinstance(answer, Iterable):
        return None
    return [item.item() if isinstance(item, np.generic) else item for item in answer]


def find_each(items: Iterable, names: Names) -> tuple[list, list]:
    """(the ids the items name, in order and once each; the items that name no single row).

    >>> names = Names.of(pd.DataFrame({"short_name": ["Ann"]}, index=["A"]))
    >>> find_each(["ann", "A", "Cy"], names)
    (['A'], ['Cy'])
    """
    found, unknown = [], []
    for item in items:
        row_id = names.one(item)
        (found if row_id is not None else unknown).append(row_id if row_id is not None
                                                           else item)
    return list(dict.fromkeys(found)), unknown


@feedback_check
def check_busiest_year(answer, counts: pd.Series, excluding: int | None = None) -> str:
    """Feedback on "which year has the most events in the timeline?", leaving out the
    year ``excluding`` (the highlighted one) when it is given.

    >>> counts = pd.Series([2, 0, 5], index=[2000, 2001, 2002])
    >>> check_busiest_year(2002, counts)
    'Right: 2002 has the most events in the timeline (5).'
    >>> check_busiest_year("2000", counts)
    'Not quite: 2000 has 2 events, but another year has 5. Look for the tallest bar.'
    >>> check_busiest_year(2002, counts, excluding=2002)
    'Not quite: the question leaves out 2002, the hatched bar: which year comes next?'
    >>> check_busiest_year(2000.0, counts, excluding=2002)
    'Right: apart from 2002, the hatched bar, 2000 has the most events in the timeline (2).'
    """
    year, message = year_answer(answer)
    if message:
        return message
    if excluding is not None and year == excluding:
        return (f"Not quite: the question leaves out {excluding}, the hatched bar: which year "
                "comes next?")
    if excluding is not None:
        counts = counts.drop(excluding, errors="ignore")
    top = int(counts.max())
    busiest = [int(y) for y in counts.index[counts == top]]
    if year in busiest:
        tie = f" (tied with {', '.join(str(y) for y in busiest if y != year)})" if len(
            busiest) > 1 else ""
        apart = f"apart from {excluding}, the hatched bar, " if excluding is not None else ""
        return f"Right: {apart}{year} has the most events in the timeline ({top}){tie}."
    if year not in counts.index:
        return (f"Not quite: {year} is outside the timeline, which runs from "
                f"{counts.index.min()} to {counts.index.max()}.")
    n = int(counts.loc[year])
    other = f"another year apart from {excluding}" if excluding is not None else "another year"
    return (f"Not quite: {year} has {n} event{'s' * (n != 1)}, but {other} has {top}. "
            "Look for the tallest bar"
            + (" apart from the hatched one." if excluding is not None else "."))


def year_slider_answers(case) -> list[str]:
    """The answers to lesson 00's slider questions, worked out from the case: the events of
    the article's year and those after the article; the first year's opening events and the
    actors they share; the years with no event."""
    from ..model import events_in_year, events_per_year

    year, published = case.article.year, case.article.date
    in_year = case.events[case.events["date"].map(lambda d: d.year == year)]
    later = in_year[in_year["date"].map(lambda d: d.first_day > published.last_day)]
    later = later.sort_values("date")
    after = "; ".join(f"{d} {t}" for d, t in zip(later["date"], later["title"], strict=True))
    first_year = int(min(d.year for d in case.events["date"]))
    opening = events_in_year(case.events, case.actors, first_year).head(2)
    shared = sorted(set.intersection(*(set(a.split(", ")) for a in opening["actors"])))
    counts = events_per_year(case.events)
    empty = [int(y) for y in counts.index[counts == 0]]
    return [
        f"{len(in_year)} events of {year} are in the timeline; {len(later)} of them came after "
        f"the article ({published}): {after or 'none'}. These are what the author could not "
        "know when he wrote; lesson 09 comes back to them.",
        f"{first_year} opens with " + " and ".join(
            f"{t} ({d})" for d, t in zip(opening["date"], opening["event"], strict=True))
        + (f"; {shared[0]} takes part in both." if len(shared) == 1 else
           f"; {', '.join(shared) or 'no country'} take part in both."),
        ("Years with no event in the timeline: " + ", ".join(map(str, empty)) + ". "
         if empty else "Every year of the timeline has at least one event. ")
        + "An empty year means that the course recorded no event for it, not that nothing "
        "happened: the timeline is a selection made for teaching this article. Whenever you "
        "count rows in a dataset, ask who chose the rows.",
    ]
