"""What each lesson needs from the case, beyond tables that load: which tables it reads, and
the conditions its code relies on (found by reading each lesson's code cells and the package
functions they call, and confirmed by running the lesson on a copy of the case with one thing
broken). ``casebook validate`` prints :func:`lessons_report`; a refresh can skip the lessons
whose :func:`tables_used` did not change.

A condition's check is pure: it takes a loaded ``Case`` and returns None when the condition
holds, or one sentence naming the table, the column and what was expected.

>>> from casebook import load_case
>>> unmet(load_case(), "06")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from . import schema

if TYPE_CHECKING:
    from .case import Case

Check = Callable[["Case"], "str | None"]


@dataclass(frozen=True)
class Need:
    """One condition a lesson needs: what it is, in one sentence, and a pure check that
    returns what is missing (one sentence) or None.

    >>> need = Need("a title", lambda case: None if case.title else "metadata.toml: no title")
    >>> need.description
    'a title'
    """

    description: str
    check: Check


@dataclass(frozen=True)
class LessonNeeds:
    """A lesson's declared needs: the tables it reads and the conditions on them, and the
    optional tables it shows when the case has them (``if_present``: a case without them
    still runs the lesson, but an edit of them makes its stored outputs stale).

    >>> LessonNeeds(("events",)).tables
    ('events',)
    """

    tables: tuple[str, ...]
    conditions: tuple[Need, ...] = ()
    if_present: tuple[str, ...] = ()


# -- accessors: the few places that know a column's name, so a schema change is one edit --

def _own_factor_column() -> str:
    """The yes/no column of factors.csv that marks the article's own factors.

    >>> _own_factor_column() in schema.TABLES["factors"].column_names
    True
    """
    return next(c.name for c in schema.TABLES["factors"].columns
                if c.kind == schema.CHOICE and c.choices == schema.YES_NO)


def own_factors(case: Case) -> pd.DataFrame:
    """The factors the article names as its own, in file order."""
    return case.factors[case.factors[_own_factor_column()] == "yes"]


def focus_votes(case: Case) -> pd.Series:
    """How the focus actor voted on each decision of un_votes.csv, indexed by vote_id (a
    decision without the focus actor's vote is left out)."""
    if "member_votes" in schema.TABLES:
        votes = case.member_votes[case.member_votes["actor_id"] == case.focus_actor]
        return votes.set_index("vote_id")["vote"]
    column = next(c.name for c in schema.TABLES["un_votes"].columns
                  if c.kind == schema.CHOICE and c.choices == schema.VOTES)
    return case.un_votes[column]


def _article_source(case: Case) -> str:
    return case.article.source_id


def _on_or_before_article(case: Case, dates: pd.Series) -> pd.Series:
    """True for each date that a reader on the article's date could know."""
    return dates.map(lambda d: d.first_day <= case.article.date.last_day)


# -- conditions ---------------------------------------------------------------------------

def _article_rows(table: str, exactly_one: bool) -> Need:
    wanted = "exactly one" if exactly_one else "at least one"

    def check(case: Case) -> str | None:
        frame = getattr(case, table)
        found = int((frame["source_id"] == _article_source(case)).sum())
        if found == 1 or (found > 1 and not exactly_one):
            return None
        return (f"{table}.csv, column 'source_id': {found} row(s) cite the article "
                f"('{_article_source(case)}', [article] source_id in metadata.toml); expected "
                f"{wanted}.")

    return Need(f"{wanted} row of {table}.csv whose source_id is the article", check)


def _own_factors_at_least(count: int, why: str) -> Need:
    def check(case: Case) -> str | None:
        found = len(own_factors(case))
        if found >= count:
            return None
        return (f"factors.csv, column '{_own_factor_column()}': {found} factor(s) marked "
                f"'yes' (the article's own); expected at least {count} ({why}).")

    return Need(f"at least {count} of the article's own factors in factors.csv ({why})", check)


def _economic_events_of_focus(case: Case) -> str | None:
    # Lesson 03 charts the focus actor's events in the lanes of the motive folded into the
    # first factor (categories.csv factor_ids); with none there is no chart to read.
    from .facts.lesson_03 import economic_lanes, economic_record

    try:
        lanes = economic_lanes(case)
        found = len(economic_record(case))
    except (KeyError, IndexError, ValueError):
        lanes, found = [], 0
    if found:
        return None
    where = f"the lanes {', '.join(map(repr, lanes))}" if lanes else "no lane"
    return ("events.csv and categories.csv: no event of the focus actor in the lanes of the "
            f"motive the article folds into its first factor ({where}); expected at least one "
            "(categories.csv factor_ids link a kind of event to that factor).")


def _readable_demo_class(case: Case) -> str | None:
    # Lesson 10 shows a class's weightings; without an instructor's folder it reads the
    # case's demo class, which must hold at least one readable file.
    from .model.seminar import DEMO_FOLDER, demo_folder, read_class

    folder = demo_folder(case)
    if folder is None:
        return (f"{DEMO_FOLDER}/: no such folder in the case folder; expected weighting files "
                "saved from lesson 06 (the data dictionary's 'A demo class').")
    if read_class(folder, case).weightings.empty:
        return (f"{DEMO_FOLDER}/: no file there could be read as a weighting of this case's "
                "factors; expected files saved from lesson 06 (`casebook collect` says why "
                "each was skipped).")
    return None


def _presets_from_texts(case: Case) -> str | None:
    found = int((case.presets["weights_basis"] == "from_texts").sum())
    if found >= 2:
        return None
    return (f"presets.csv, column 'weights_basis': {found} preset(s) 'from_texts'; expected at "
            "least 2 (the article's and another reading drawn from a text, which the lesson "
            "compares).")


def _vote_option(case: Case) -> str | None:
    cited = case.behaviour["source_id"].isin(set(case.un_votes["source_id"]))
    supported = case.behaviour["observed"] == "supported"
    if (cited & supported).any():
        return None
    return ("behaviour.csv, columns 'observed' and 'source_id': no row marked 'supported' "
            "cites a source of un_votes.csv; expected at least one, so that the UN votes are "
            "read as observations of that option.")


def _vote_before_article(case: Case) -> str | None:
    votes = focus_votes(case)
    voted = votes[votes != "not_voted"].index
    dates = case.un_votes.loc[case.un_votes.index.intersection(voted), "date"]
    if _on_or_before_article(case, dates).any():
        return None
    return (f"un_votes.csv, column 'date': no decision that the focus actor "
            f"({case.focus_actor}) voted on is dated on or before the article "
            f"({case.article.date}); expected at least one.")


def _event_in_article_year(case: Case) -> str | None:
    year = case.article.year
    if case.events["date"].map(lambda d: d.year == year).any():
        return None
    return (f"events.csv, column 'date': no event in {year}, the article's year; expected at "
            "least one.")


def _evidence_known_on_article_date(case: Case) -> str | None:
    if _on_or_before_article(case, case.evidence["date"]).any():
        return None
    return (f"evidence.csv, column 'date': every row is dated after the article "
            f"({case.article.date}); expected at least one that a reader could know then.")


def _hypotheses_to_compare(case: Case) -> str | None:
    if len(case.hypotheses) >= 2:
        return None
    return (f"hypotheses.csv: {len(case.hypotheses)} row(s); expected at least two "
            "hypotheses, since the lesson ranks them against each other.")


def _hindsight_names_events(case: Case) -> str | None:
    named = case.hindsight["event_ids"].map(lambda ids: bool(ids))
    if named.any():
        return None
    return ("hindsight.csv, column 'event_ids': no row names an event; expected at least one "
            "row naming the later events its rating rests on.")


def _actors_for_splits(case: Case) -> str | None:
    from .model.network import MAX_ACTORS_FOR_SPLIT

    if len(case.actors) <= MAX_ACTORS_FOR_SPLIT:
        return None
    return (f"actors.csv: {len(case.actors)} actors; expected at most {MAX_ACTORS_FOR_SPLIT}, "
            "since the lesson tries every split of the actors into two camps.")


def _debate_roles(case: Case) -> str | None:
    # Lesson 10's debate needs the focus actor and at least two others to speak (roles.csv
    # itself makes sure the focus actor has a role).
    speakers = set(case.roles["actor_id"])
    if len(speakers) >= 3:
        return None
    return (f"roles.csv, column 'actor_id': roles for {len(speakers)} actor(s); expected roles "
            "for at least three (the focus actor and two others), so that there is a debate.")


ARTICLE_PRESET = _article_rows("presets", exactly_one=True)
ARTICLE_HYPOTHESIS = _article_rows("hypotheses", exactly_one=True)
LESSON_NEEDS: dict[str, LessonNeeds] = {
    "00": LessonNeeds(
        ("lessons", "events", "categories", "actors"),
        (Need("at least one event in the article's year", _event_in_article_year),)),
    "01": LessonNeeds(("sources", "actors", "periods", "events", "categories")),
    "02": LessonNeeds(("claims", "hypotheses", "factors", "sources")),
    "03": LessonNeeds(
        ("claims", "evidence", "factors", "events", "categories", "actors", "periods",
         "sources"),
        (_own_factors_at_least(2, "the lesson reads the first two"),
         Need("an event of the focus actor in the lanes of the motive folded into the first "
              "factor", _economic_events_of_focus)),
        if_present=("places",)),
    "04": LessonNeeds(
        ("claims", "hypotheses", "evidence", "ratings", "factors", "behaviour", "options",
         "effects", "presets", "preset_weights", "sources"),
        (_own_factors_at_least(4, "the lesson reads the third and fourth"),
         ARTICLE_HYPOTHESIS, ARTICLE_PRESET,
         Need("at least two presets whose weights are drawn from texts", _presets_from_texts),
         Need("evidence that a reader could know on the article's date",
              _evidence_known_on_article_date))),
    "05": LessonNeeds(
        ("un_votes", "member_votes", "claims", "events", "behaviour", "options", "sources"),
        (Need("a UN decision the focus actor voted on, dated on or before the article",
              _vote_before_article),)),
    "06": LessonNeeds(
        ("un_votes", "member_votes", "effects", "options", "factors", "presets",
         "preset_weights", "behaviour", "sources"),
        (_article_rows("presets", exactly_one=False),
         Need("an option that the UN votes observe: a supported row of behaviour.csv citing "
              "a source of un_votes.csv", _vote_option))),
    "07": LessonNeeds(
        ("actors", "periods", "relations", "sources"),
        (Need("few enough actors to try every split into two camps", _actors_for_splits),)),
    "08": LessonNeeds(
        ("hypotheses", "evidence", "ratings", "sources"),
        (Need("at least two hypotheses to compare", _hypotheses_to_compare),
         ARTICLE_HYPOTHESIS,
         Need("evidence that a reader could know on the article's date",
              _evidence_known_on_article_date))),
    "09": LessonNeeds(
        ("claims", "hindsight", "events", "sources"),
        (Need("a hindsight rating that names the later events it rests on",
              _hindsight_names_events),)),
    "10": LessonNeeds(
        ("roles", "presets", "preset_weights", "factors", "relations", "events", "periods",
         "actors", "sources", "hypotheses", "claims", "effects", "behaviour", "options",
         "un_votes", "member_votes"),
        (Need("roles for at least three actors, the focus actor among them", _debate_roles),
         Need("a demo class of saved weightings that can be read (class_demo/ in the case "
              "folder)", _readable_demo_class))),
}
LESSON_NUMBER = re.compile(r"^(?:.*/)?(\d{1,2})(?:[_.].*)?$")


def lesson_number(lesson: str) -> str:
    """The two-digit number of a lesson given as '6', '06', '06_weighing' or a notebook's path.

    >>> lesson_number("notebooks/06_weighing_the_factors.ipynb"), lesson_number("7")
    ('06', '07')
    """
    match = LESSON_NUMBER.match(str(lesson).strip())
    if not match:
        raise ValueError(f"lesson {lesson!r}: expected a lesson number such as '06' (or a "
                         "notebook's name such as '06_weighing_the_factors.ipynb')")
    return f"{int(match.group(1)):02d}"


def _tables_in_schema(names: tuple[str, ...]) -> tuple[str, ...]:
    # A table the schema no longer (or not yet) has is left out rather than reported.
    return tuple(n for n in names if n in schema.TABLES)


def tables_used(lesson: str) -> tuple[str, ...]:
    """The tables a lesson reads; every table of the schema for a lesson that declares none
    (so that a refresh never skips a lesson it knows nothing about).

    >>> tables_used("07")
    ('actors', 'periods', 'relations', 'sources')
    >>> "places" in tables_used("03")  # shown when the case has it
    True
    """
    try:
        needs = LESSON_NEEDS.get(lesson_number(lesson))
    except ValueError:
        needs = None
    if not needs:
        return tuple(schema.TABLES)
    return _tables_in_schema(needs.tables + needs.if_present)


def unmet(case: Case, lesson: str) -> list[str]:
    """What the case lacks for the lesson, one sentence each; empty when the lesson can run
    (and for a lesson that declares no needs, such as a planned one).

    >>> from dataclasses import replace
    >>> from casebook import load_case
    >>> case = load_case()
    >>> presets = case.presets.assign(source_id="elsewhere")
    >>> unmet(replace(case, presets=presets), "06")[0][:58]
    "presets.csv, column 'source_id': 0 row(s) cite the article"
    >>> unmet(replace(case, absent=("hindsight",)), "09")[0]
    'hindsight.csv: the case has no such file (it is optional); the lesson reads it.'
    """
    needs = LESSON_NEEDS.get(lesson_number(lesson))
    if needs is None:
        return []
    missing = [f"{name}.csv: the case has no such file (it is optional); the lesson reads it."
               for name in _tables_in_schema(needs.tables) if name in case.absent]
    if missing:
        return missing  # the conditions would only repeat that the rows are not there
    return [found for need in needs.conditions if (found := need.check(case)) is not None]


def lessons_report(case: Case) -> str:
    """One line per lesson of lessons.csv (and per declared lesson it lacks): runnable,
    planned, or what is missing.

    >>> from casebook import load_case
    >>> print(lessons_report(load_case()).splitlines()[0])
    Lessons this case can run:
    """
    numbers = {}
    for lesson_id, row in case.lessons.iterrows():
        try:
            numbers[lesson_number(lesson_id)] = (str(lesson_id), row["status"])
        except ValueError:
            numbers[str(lesson_id)] = (str(lesson_id), row["status"])
    for number in LESSON_NEEDS:
        numbers.setdefault(number, (number, "ready"))
    lines, blocked = ["Lessons this case can run:"], 0
    for number in sorted(numbers):
        name, status = numbers[number]
        if status != "ready":
            lines.append(f"  {name}: planned (no notebook yet).")
            continue
        missing = unmet(case, number)
        if not missing:
            lines.append(f"  {name}: runnable.")
            continue
        blocked += 1
        lines.append(f"  {name}: cannot run; missing:")
        lines += [f"    - {sentence}" for sentence in missing]
    if blocked:
        lines.append(f"{blocked} lesson(s) cannot run on this case. The data is still valid; "
                     "add what is listed to run them.")
    return "\n".join(lines)
