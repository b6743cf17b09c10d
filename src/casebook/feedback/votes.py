"""Feedback for the exercises of lesson 05 (the focus actor's votes at the UN). Each check
reads the same ``model.votes`` tables the lesson shows, so the sentence names the actual rows
and the actors by the short names of the record's voter columns (the focus actor's first)."""

from __future__ import annotations

import re

import pandas as pd

from ..model.votes import (
    AFTER,
    BEFORE,
    VOTE_WORDS,
    first_vote_against,
    softened,
    voter_columns,
)
from . import (
    answer_items,
    as_whole_number,
    feedback_check,
    name_key,
    whole_number_answer,
    year_answer,
)

NONE_WORDS = ("none", "never", "no year")  # answers meaning "it never happened"


def says_none(answer) -> bool:
    """Whether an answer says "it never happened" (any case, any punctuation).

    >>> says_none("None."), says_none(" never "), says_none(None), says_none("2017")
    (True, True, False, False)
    """
    return isinstance(answer, str) and name_key(answer) in {name_key(w) for w in NONE_WORDS}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


@feedback_check
def check_yes_votes_before_article(answer, record: pd.DataFrame, article_date) -> str:
    """Feedback on "on how many decisions before the article did the focus actor vote yes?".
    0 is a right answer when the focus actor voted yes on none.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1", "Res. 2", "Res. 3"],
    ...     "date": [D.parse(d) for d in ("2006-07-15", "2017-09-11", "2017-12-22")],
    ...     "tally": ["15-0"] * 3, "Ann": ["yes"] * 3, "when": [BEFORE, BEFORE, AFTER]})
    >>> print(check_yes_votes_before_article(2, record, D.parse("2017-10-13")))
    Right: before the article Ann voted yes on all 2 decisions of the table (Res. 1 of 2006-07-15 to Res. 2 of 2017-09-11), each adopted 15-0.
    >>> print(check_yes_votes_before_article(3, record, D.parse("2017-10-13")))
    Not quite: 3 also counts Res. 3 of 2017-12-22, after the article appeared on 2017-10-13: a reader then could not know it. Count only the columns left of the dashed line.
    >>> print(check_yes_votes_before_article(0, record.assign(Ann="abstained"), D.parse("2017-10-13")))
    Right: before the article Ann voted yes on none of the 2 decisions of the table.
    """  # noqa: E501
    number, message = whole_number_answer(answer)
    if message:
        return message
    focus = voter_columns(record)[0]
    before = record[record["when"] == BEFORE]
    yes_before = before[before[focus] == VOTE_WORDS["yes"]]
    expected = len(yes_before)
    if number == expected == 0:
        return (f"Right: before the article {focus} voted yes on none of the "
                f"{_plural(len(before), 'decision')} of the table.")
    if number == expected:
        first, last = yes_before.iloc[0], yes_before.iloc[-1]
        share = f"all {expected}" if expected == len(before) else f"{expected} of {len(before)}"
        tallies = set(yes_before["tally"])
        each = f", each adopted {tallies.pop()}" if len(tallies) == 1 else ""
        return (f"Right: before the article {focus} voted yes on {share} decisions of the table "
                f"({first['decision']} of {first['date']} to {last['decision']} of "
                f"{last['date']}){each}.")
    later_yes = record[(record["when"] == AFTER) & (record[focus] == VOTE_WORDS["yes"])]
    if len(later_yes) and number == expected + len(later_yes):
        names = ", ".join(f"{r['decision']} of {r['date']}" for _, r in later_yes.iterrows())
        return (f"Not quite: {number} also counts {names}, after the article appeared on "
                f"{article_date}: a reader then could not know it. Count only the columns "
                "left of the dashed line.")
    if number == len(record) and number != expected:
        return (f"Not quite: {number} is every decision in the table, before and after the "
                f"article ({article_date}). Count only {focus}'s 'yes' markers left of the "
                "dashed line.")
    side = "more" if number > expected else "fewer"
    return (f"Not quite: {number} is {side} than the 'yes' markers in {focus}'s row left of "
            f"the dashed line ({article_date}). Count them again.")


@feedback_check
def check_first_vote_against(answer, record: pd.DataFrame) -> str:
    """Feedback on "in which year did the focus actor first vote against a draft?"; the
    focus actor is the first voter column of the record, a partner the second.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1", "Draft (never put to a vote)",
    ...     "Draft (vetoed)"], "date": [D.parse(d) for d in ("2006-07-15", "2019-12-16",
    ...     "2022-05-26")], "subject": ["Test", "Relief", "Tighter measures"],
    ...     "tally": ["15-0", "", "13-2"], "Ann": ["yes", "no vote", "veto"],
    ...     "Bob": ["yes", "no vote", "veto"], "when": [BEFORE, AFTER, AFTER]})
    >>> print(check_first_vote_against(2022, record))
    Right: 2022. On 2022-05-26 Ann, with Bob, vetoed a draft (Tighter measures; 13-2): its first vote against a Council text in the table.
    >>> print(check_first_vote_against(2019, record))
    Not quite: the 2019 draft (Relief) was never put to a vote, so Ann cast no vote against it. Look for the first 'veto' or 'no' marker in Ann's row.
    >>> print(check_first_vote_against("none", record.assign(Ann="yes")))
    Right: none. Ann voted against no decision of the table (no 'veto' or 'no' marker in its row).
    """  # noqa: E501
    focus, *partners = voter_columns(record)
    first = first_vote_against(record)
    if first is None and says_none(answer):
        return (f"Right: none. {focus} voted against no decision of the table (no 'veto' or "
                "'no' marker in its row).")
    years = record["date"].map(lambda d: d.year)
    if first is not None and says_none(answer):
        return (f"Not quite: {focus} did vote against a draft of the table: look for the first "
                f"'veto' or 'no' marker in {focus}'s row.")
    year, message = year_answer(answer)
    if message:
        return message
    if first is not None and year == first["date"].year:
        alongside = [p for p in partners if first[p] == first[focus]]
        partner = f", with {' and '.join(alongside)}," if alongside else ""
        verb = "vetoed" if first[focus] == VOTE_WORDS["veto"] else "voted against"
        return (f"Right: {year}. On {first['date']} {focus}{partner} {verb} a draft "
                f"({first['subject']}; {first['tally']}): its first vote against a Council "
                "text in the table.")
    in_year = record[years == year]
    if in_year.empty:
        return (f"Not quite: the table has no decision in {year}; it runs from "
                f"{years.min()} to {years.max()}.")
    not_voted = in_year[in_year[focus] == VOTE_WORDS["not_voted"]]
    if len(not_voted):
        row = not_voted.iloc[0]
        return (f"Not quite: the {year} draft ({row['subject']}) was never put to a vote, so "
                f"{focus} cast no vote against it. Look for the first 'veto' or 'no' marker in "
                f"{focus}'s row.")
    if first is not None and year > first["date"].year:
        return (f"Not quite: {focus} did vote against a draft in {year}, but it had done so "
                f"before. Look for the first 'veto' or 'no' marker in {focus}'s row.")
    if first is None:
        return (f"Not quite: {focus} voted against no decision of the table (no 'veto' or "
                "'no' marker in its row), so there is no such year.")
    votes = ", ".join(sorted(set(in_year[focus])))
    return (f"Not quite: in {year} {focus}'s votes were: {votes} "
            f"({_plural(len(in_year), 'decision')}). Look further right for a 'veto' or 'no'.")


def _resolution_numbers(answer, numbers: list[str]) -> set[str] | None:
    """The resolution numbers of an answer given as a list (or one string with commas
    between) of numbers or strings, each written as the table writes it (a case may number
    its resolutions "R-12") or with words around it ("Res. 1718", "S/RES/1718 (2006)");
    None if it is not such a list. ``numbers`` are the table's resolution numbers.

    >>> sorted(_resolution_numbers([1718, "2270.0", "Res. 2371", "S/RES/1695 (2006)"],
    ...                            ["1695", "1718", "2270", "2371"]))
    ['1695', '1718', '2270', '2371']
    >>> sorted(_resolution_numbers("1718, Res. r-12", ["1718", "R-12", "R-2"]))
    ['1718', 'R-12']
    >>> _resolution_numbers(3, ["3"]) is None
    True
    """
    items = answer_items(answer)
    if items is None:
        return None
    by_key = {name_key(n): n for n in numbers}
    found = set()
    for item in items:
        number = as_whole_number(item)
        if number is not None:
            found.add(str(number))
            continue
        if not isinstance(item, str) or not item.strip():
            return None
        text = item.strip()
        if name_key(text) in by_key:
            found.add(by_key[name_key(text)])
            continue
        # words around the number ("Res. R-12", "S/RES/1718 (2006)"): the one resolution
        # of the table that it ends with after letters, or the one number in it the table holds
        key = name_key(text)
        held = {n for n in numbers if key.endswith(name_key(n))
                and key[:-len(name_key(n))].isalpha()}
        held |= {n for n in re.findall(r"\d+", text) if n in numbers}
        found.add(held.pop() if len(held) == 1 else text)
    return found


def _resolutions(un_votes: pd.DataFrame) -> list[str]:
    """The resolution numbers of ``un_votes`` in date order (drafts have none)."""
    ordered = un_votes.sort_values("date", kind="stable")["resolution"]
    return [r.strip() for r in ordered if isinstance(r, str) and r.strip()]


def _in_table_order(numbers, un_votes: pd.DataFrame) -> list[str]:
    """``numbers`` in the table's date order, those not in the table last."""
    order = {r: i for i, r in enumerate(_resolutions(un_votes))}
    return sorted(numbers, key=lambda r: (order.get(r, len(order)), r))


def typed_list(numbers) -> str:
    """Resolution numbers as a learner types them in a list: digits as numbers, other
    numbers as strings.

    >>> typed_list(["12", "34"]), typed_list(["R-1", "7"]), typed_list([])
    ('[12, 34]', "['R-1', 7]", '[]')
    """
    return "[" + ", ".join(n if n.isdigit() else repr(n) for n in numbers) + "]"


def softened_example(un_votes: pd.DataFrame, record: pd.DataFrame) -> str:
    """A list to show the form of the answer: the first two resolutions of the table that
    the answer key does not hold, so the example gives nothing away.

    >>> un_votes = pd.DataFrame({"resolution": ["3", "1", "2"], "date": ["c", "a", "b"],
    ...     "subject": ["s"] * 3, "concession": ["none", "measure_dropped", "none"],
    ...     "note": ["n"] * 3}, index=["x", "y", "z"])
    >>> record = pd.DataFrame({"tally": ["15-0"] * 3, "Ann": ["yes"] * 3,
    ...                        "when": [BEFORE] * 3}, index=["x", "y", "z"])
    >>> softened_example(un_votes, record)
    '[2, 3]'
    """
    key = set(softened(un_votes, record)["resolution"])
    return typed_list([r for r in _resolutions(un_votes) if r not in key][:2])


@feedback_check
def check_softened(answer, un_votes: pd.DataFrame, record: pd.DataFrame) -> str:
    """Feedback on "which resolutions were softened to win the focus actor's vote, as the
    notes say?"; the answer key is ``model.votes.softened`` of the same ``un_votes`` (its
    ``concession`` column, which the notes explain) and ``vote_record``. An empty list is
    right when none was.

    >>> un_votes = pd.DataFrame({"resolution": ["1695", "1718", "2270"],
    ...     "date": ["2006-07-15", "2006-10-14", "2016-03-02"],
    ...     "subject": ["Launches", "Test", "Test"],
    ...     "concession": ["wording_softened", "none", "exemption_added"],
    ...     "note": ["Wording dropped.", "15-0.", "Exempts coal."]}, index=["a", "b", "c"])
    >>> record = pd.DataFrame({"tally": ["15-0"] * 3, "Ann": ["yes"] * 3,
    ...                        "when": [BEFORE] * 3}, index=["a", "b", "c"])
    >>> check_softened([2270.0, "Res. 1695"], un_votes, record)
    'Right: Res. 1695 and 2270 were softened before Ann voted for them, as their notes say.'
    >>> check_softened([2270], un_votes, record)
    'Not quite: 2270 is right, but 1 more is missing. Read the notes for a measure dropped or an exemption.'
    >>> check_softened([2270, 1718, 1695], un_votes, record)
    'Not quite: the notes record no dropped measure or exemption for 1718.'
    >>> check_softened([2270, 1695, 1234], un_votes, record)
    'Not quite: 1234 is not a resolution of the table; its resolutions run from 1695 to 2270.'
    >>> check_softened([], un_votes, record.assign(Ann="abstained"))
    'Right: none. Ann voted for no resolution whose notes record a concession.'
    """  # noqa: E501
    example = softened_example(un_votes, record)
    if answer is None:
        return (f"Replace None with a list of numbers, for example {example}, then run the cell "
                "again.")
    numbers = _resolutions(un_votes)
    given = _resolution_numbers(answer, numbers)
    if given is None:
        return ("Not quite: give a list of resolution numbers in square brackets, like "
                f"{example} (you gave {answer!r}).")
    unknown = _in_table_order(given - set(numbers), un_votes)
    if unknown:
        what = "is not a resolution" if len(unknown) == 1 else "are not resolutions"
        return (f"Not quite: {', '.join(unknown)} {what} of the table; its resolutions run "
                f"from {numbers[0]} to {numbers[-1]}.")
    focus = voter_columns(record)[0]
    expected = set(softened(un_votes, record)["resolution"])
    ordered = _in_table_order(expected, un_votes)
    if given == expected == set():
        return (f"Right: none. {focus} voted for no resolution whose notes record a "
                "concession.")
    if given == expected:
        names = " and ".join([", ".join(ordered[:-1]), ordered[-1]] if len(ordered) > 1
                             else ordered)
        return (f"Right: Res. {names} were softened before {focus} voted for them, as their "
                "notes say.")
    extra = _in_table_order(given - expected, un_votes)
    if extra:
        return (f"Not quite: the notes record no dropped measure or exemption for "
                f"{', '.join(extra)}.")
    found = _in_table_order(given & expected, un_votes)
    missing = len(expected - given)
    right = f"{', '.join(found)} {'is' if len(found) == 1 else 'are'} right, but " if found else ""
    return (f"Not quite: {right}{missing} more {'is' if missing == 1 else 'are'} missing. "
            "Read the notes for a measure dropped or an exemption.")
