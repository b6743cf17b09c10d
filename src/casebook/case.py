"""The validated case: one attribute per table, typed metadata, and matrix helpers.

Each table is a DataFrame. A table keyed by one id column is indexed by it
(``case.actors.loc[case.focus_actor]``); a table keyed by two or three columns keeps them as
columns.
Dates are ``PartialDate`` values that keep their precision; choices whose order means
something (confidence, ratings) are ordered categoricals.

>>> from casebook import load_case
>>> case = load_case()
>>> case.article.year, case.focus_actor in case.actors.index
(2017, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from . import schema
from .dates import PartialDate
from .problems import CaseDataError, Problem


@dataclass(frozen=True)
class Article:
    """The article the case reads, from ``[article]`` in metadata.toml."""

    source_id: str
    title: str
    author: str
    publisher: str
    date: PartialDate
    url: str
    numbered_file: str

    @property
    def year(self) -> int:
        return self.date.year

    def citation(self) -> str:
        """Author, "Title", Publisher, date.

        >>> Article("a", "T", "A. B.", "P", PartialDate(2017, 10, 13), "u", "f").citation()
        'A. B., "T", P, 13 October 2017.'
        """
        return f'{self.author}, "{self.title}", {self.publisher}, {self.date.spelled()}.'


@dataclass(frozen=True, eq=False)
class Case:
    """The whole case, validated. ``case.`` + Tab lists its tables; ``case.paragraphs[3]`` is
    paragraph 3 of the article; ``notes`` lists what the loader tidied on the way;
    ``absent`` names the optional tables this case leaves out (they load empty)."""

    data_dir: Path
    title: str
    default_period: str
    focus_actor: str
    article: Article
    paragraphs: dict[int, str]
    sources: pd.DataFrame
    actors: pd.DataFrame
    periods: pd.DataFrame
    relations: pd.DataFrame
    factors: pd.DataFrame
    options: pd.DataFrame
    effects: pd.DataFrame
    behaviour: pd.DataFrame
    presets: pd.DataFrame
    preset_weights: pd.DataFrame
    categories: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame
    hindsight: pd.DataFrame
    un_votes: pd.DataFrame
    member_votes: pd.DataFrame
    hypotheses: pd.DataFrame
    evidence: pd.DataFrame
    ratings: pd.DataFrame
    roles: pd.DataFrame
    glossary: pd.DataFrame
    places: pd.DataFrame
    lessons: pd.DataFrame
    notes: tuple[str, ...] = field(default=())
    absent: tuple[str, ...] = field(default=())
    compare_actor: str | None = None  # the partner whose votes are shown beside the focus's
    subject: str | None = None  # what the case is about, for titles ("Votes on ...")

    @property
    def voters(self) -> tuple[str, ...]:
        """The actors whose votes the lessons show, in order: the focus actor, then the
        partner of ``[case] compare_actor`` if the case names one.

        >>> from casebook import load_case
        >>> case = load_case()
        >>> case.voters[0] == case.focus_actor
        True
        """
        if self.compare_actor and self.compare_actor != self.focus_actor:
            return (self.focus_actor, self.compare_actor)
        return (self.focus_actor,)

    def on_subject(self, text: str) -> str:
        """``text`` followed by "on" and the case's subject, or ``text`` alone when the case
        names none: a title that fits any case.

        >>> from casebook import load_case
        >>> from dataclasses import replace
        >>> case = load_case()
        >>> replace(case, subject=None).on_subject("Votes in the Council")
        'Votes in the Council'
        >>> replace(case, subject="Atlantis").on_subject("Decisions")
        'Decisions on Atlantis'
        """
        return f"{text} on {self.subject}" if self.subject else text

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in the schema's order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    def require(self, *names: str) -> None:
        """Stop a lesson with a clear message if the case lacks a table it needs.

        >>> from casebook import load_case
        >>> load_case().require("events", "un_votes")
        """
        missing = [n for n in names if n in self.absent]
        if missing:
            raise CaseDataError(str(self.data_dir), [Problem(
                schema.TABLES[n].file, None, None, None,
                "this file, which the lesson needs (see the data dictionary for its columns)",
                found="the case has no such file") for n in missing])

    def effect_matrix(self) -> pd.DataFrame:
        """Options x factors: how each option serves (+) or harms (-) each factor, rows and
        columns in file order.

        >>> from casebook import load_case
        >>> case = load_case()
        >>> case.effect_matrix().shape == (len(case.options), len(case.factors))
        True
        """
        return _matrix(self.effects, "option_id", "factor_id", "effect",
                       self.options.index, self.factors.index).astype(int)

    def weight_matrix(self) -> pd.DataFrame:
        """Presets x factors: the weight each preset gives each factor, in file order."""
        return _matrix(self.preset_weights, "preset_id", "factor_id", "weight",
                       self.presets.index, self.factors.index).astype(float)

    def summary(self) -> str:
        """One line: what was loaded, from where."""
        counts = ", ".join(f"{len(frame)} {name}" for name, frame in self.tables.items()
                           if name not in self.absent)
        absent = f" No {', '.join(self.absent)} (optional)." if self.absent else ""
        # The folder's name only: a full path would differ on every machine.
        return (f"Loaded '{self.title}' from {self.data_dir.name}/: "
                f"{len(self.paragraphs)} article paragraphs, {counts}.{absent}")


TABLE_FIELDS = tuple(f.name for f in fields(Case) if f.type == "pd.DataFrame")


def _matrix(frame: pd.DataFrame, rows: str, columns: str, values: str,
            row_order: pd.Index, column_order: pd.Index) -> pd.DataFrame:
    table = frame.pivot(index=rows, columns=columns, values=values)
    table = table.reindex(index=row_order, columns=column_order)
    table.index.name, table.columns.name = rows, columns
    return table


def frame_of(table: schema.Table, rows: list[dict]) -> pd.DataFrame:
    """The typed DataFrame of a table from its typed rows (also for zero rows)."""
    frame = pd.DataFrame.from_records(rows, columns=list(table.column_names))
    for column in table.columns:
        name = column.name
        if column.kind in (schema.INTEGER, schema.PARAGRAPH):
            frame[name] = frame[name].astype("Int64")
        elif column.kind == schema.NUMBER:
            frame[name] = frame[name].astype("float64")
        elif column.kind == schema.CHOICE and column.ordered:
            frame[name] = pd.Categorical(frame[name], categories=list(column.choices),
                                         ordered=True)
        elif column.kind in (schema.DATE, schema.REFS):
            frame[name] = frame[name].astype(object)
    if len(table.key) == 1:
        frame = frame.set_index(table.key[0])
    return frame
