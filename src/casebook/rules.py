"""Rules that join cells: across the columns of a row, across the rows of a table, or from a
table to another. Each rule is declared on its table in ``schema.py``, says in words what it
asks (for the data dictionary), and checks typed rows, returning Problems.

A rule names its columns, and the schema refuses to build if a rule names a column its table
does not have, so renaming a column can never switch a rule off in silence.

>>> rule = NotBefore("end_year", "start_year")
>>> rows = Rows("periods.csv", {2: {"start_year": 2017, "end_year": 2016}})
>>> problem = rule.check(rows, Context())[0]
>>> problem.row, problem.column, problem.expected
(2, 'end_year', 'a year no earlier than start_year (2017)')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .dates import PartialDate, not_before
from .problems import Problem


@dataclass
class Rows:
    """The typed rows of one table: spreadsheet row number -> {column: value}. A value is None
    where the cell was blank or already reported as bad."""

    file: str
    rows: dict[int, dict]
    reported: frozenset[tuple[int | None, str | None]] = frozenset()  # bad cells, reported

    def clean(self, row: int, columns: tuple[str, ...]) -> bool:
        """True if none of ``columns`` in ``row`` was already reported as bad."""
        return not any((row, c) in self.reported for c in columns)


@dataclass
class Context:
    """What a rule may look up beyond its own table: the ids of every table that loaded (in
    file order), and the article's paragraphs."""

    ids: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: dict[int, str] = field(default_factory=dict)
    # The article's date, and the date of each dated row (table -> id -> date), for rules
    # that keep hindsight apart from what a reader of the article could know.
    article_date: PartialDate | None = None
    dates: dict[str, dict[str, PartialDate]] = field(default_factory=dict)
    # The [case] keys of metadata.toml that name actors (focus_actor, compare_actor), for
    # rules that ask for rows about those actors.
    case_actors: dict[str, str] = field(default_factory=dict)


class Rule:
    """One rule on a table. Subclasses give ``columns``, ``describe`` and ``check``."""

    def columns(self) -> tuple[str, ...]:
        raise NotImplementedError

    def tables(self) -> tuple[str, ...]:
        """The other tables the rule reads ids from."""
        return ()

    def describe(self) -> str:
        raise NotImplementedError

    def check(self, rows: Rows, context: Context) -> list[Problem]:
        raise NotImplementedError


@dataclass(frozen=True)
class CompleteGrid(Rule):
    """Every id of one table paired with every id of another, so that a model never meets a
    missing effect, weight or rating. The two columns are REF columns naming those tables."""

    first: str
    first_table: str
    second: str
    second_table: str

    def columns(self):
        return (self.first, self.second)

    def tables(self):
        return (self.first_table, self.second_table)

    def describe(self):
        return (f"one row for every {self.first} in {self.first_table}.csv and every "
                f"{self.second} in {self.second_table}.csv")

    def check(self, rows, context):
        firsts, seconds = context.ids.get(self.first_table), context.ids.get(self.second_table)
        if firsts is None or seconds is None:
            return []  # a table it depends on failed or is absent; that is reported there
        present = {(v[self.first], v[self.second]) for v in rows.rows.values()}
        return [Problem(rows.file, None, f"{self.first} + {self.second}", None,
                        self.describe(), found=f"no row for {self.first}={a}, {self.second}={b}")
                for a in firsts for b in seconds if (a, b) not in present]


@dataclass(frozen=True)
class PairGrid(Rule):
    """Every pair of two different ids of ``pair_table`` exactly once (in either order) for
    every id of ``group_table``: e.g. every two actors in every period, so that a network
    chart never shows a tie as missing when it was simply not coded."""

    group: str
    group_table: str
    first: str
    second: str
    pair_table: str

    def columns(self):
        return (self.group, self.first, self.second)

    def tables(self):
        return (self.group_table, self.pair_table)

    def describe(self):
        return (f"every two different ids of {self.pair_table}.csv as {self.first} and "
                f"{self.second} exactly once (in either order) for every {self.group} in "
                f"{self.group_table}.csv")

    def check(self, rows, context):
        problems = []
        seen: dict[tuple, int] = {}
        for row, v in rows.rows.items():
            group, a, b = v[self.group], v[self.first], v[self.second]
            if None in (group, a, b):
                continue
            if a == b:
                problems.append(Problem(rows.file, row, self.second, b,
                                        f"an id other than {self.first} ({a})"))
                continue
            if (group, b, a) in seen:  # the same order again is a repeated key, reported there
                problems.append(Problem(
                    rows.file, row, f"{self.first} + {self.second}", f"{a} / {b}",
                    f"each pair once per {self.group} (already on row {seen[(group, b, a)]}, "
                    "in the other order)"))
            seen.setdefault((group, a, b), row)
        groups, members = context.ids.get(self.group_table), context.ids.get(self.pair_table)
        if groups is None or members is None:
            return problems
        present = {(group, frozenset((a, b))) for group, a, b in seen}
        for group in groups:
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if (group, frozenset((a, b))) not in present:
                        problems.append(Problem(
                            rows.file, None, f"{self.first} + {self.second}", None,
                            f"a row for every two ids of {self.pair_table}.csv in every "
                            f"{self.group}", found=f"no row for {a} / {b} in {group}"))
        return problems


@dataclass(frozen=True)
class NotBefore(Rule):
    """``later`` may not come before ``earlier`` in the same row (dates or whole numbers).
    A date of lower precision covers its whole month or year."""

    later: str
    earlier: str
    noun: str = "a year"

    def columns(self):
        return (self.later, self.earlier)

    def describe(self):
        return f"{self.later} no earlier than {self.earlier}"

    def check(self, rows, context):
        problems = []
        for row, v in rows.rows.items():
            later, earlier = v[self.later], v[self.earlier]
            if later is None or earlier is None:
                continue
            ok = (not_before(later, earlier) if isinstance(later, PartialDate)
                  else later >= earlier)
            if not ok:
                problems.append(Problem(rows.file, row, self.later, str(later),
                                        f"{self.noun} no earlier than {self.earlier} ({earlier})"))
        return problems


@dataclass(frozen=True)
class SumEquals(Rule):
    """The counts in ``parts`` add up to ``total`` wherever they are given (all or none)."""

    parts: tuple[str, ...]
    total: int
    why: str

    def columns(self):
        return self.parts

    def describe(self):
        return f"{' + '.join(self.parts)} = {self.total} ({self.why}), or all blank"

    def check(self, rows, context):
        problems = []
        label = " + ".join(self.parts)
        for row, v in rows.rows.items():
            values = [v[p] for p in self.parts]
            if all(x is None for x in values) or not rows.clean(row, self.parts):
                continue
            shown = ", ".join(f"{p}={'' if x is None else x}" for p, x in zip(
                self.parts, values, strict=True))
            if any(x is None for x in values) or sum(values) != self.total:
                problems.append(Problem(rows.file, row, label, shown,
                                        f"counts adding up to {self.total} ({self.why}), "
                                        "or all three blank when there was no vote"))
        return problems


@dataclass(frozen=True)
class RowsForActors(Rule):
    """A row for every id of ``table`` and each actor that one of the metadata ``keys``
    ([case] section) names: e.g. the focus actor's and the partner's vote on every decision,
    so that a lesson never meets a missing vote. A key left out of metadata.toml asks for
    nothing.

    >>> rule = RowsForActors("vote_id", "un_votes", "actor_id", ("focus_actor",))
    >>> rows = Rows("member_votes.csv", {2: {"vote_id": "v1", "actor_id": "A"}})
    >>> context = Context(ids={"un_votes": ["v1", "v2"]}, case_actors={"focus_actor": "A"})
    >>> print(rule.check(rows, context)[0])
    member_votes.csv, column 'vote_id + actor_id': no row for vote_id=v2, actor_id=A; expected a row for every vote_id in un_votes.csv for the actor of [case] focus_actor (A).
    """  # noqa: E501 - the doctest shows the whole message

    item: str
    table: str
    actor: str
    keys: tuple[str, ...]

    def columns(self):
        return (self.item, self.actor)

    def tables(self):
        return (self.table,)

    def describe(self):
        named = " and ".join(f"`[case] {k}`" for k in self.keys)
        return (f"one row for every {self.item} in {self.table}.csv and each actor that "
                f"{named} names in metadata.toml")

    def check(self, rows, context):
        items = context.ids.get(self.table)
        if items is None:
            return []  # the table failed or is absent; that is reported there
        present = {(v[self.item], v[self.actor]) for v in rows.rows.values()}
        problems = []
        for key in self.keys:
            actor = context.case_actors.get(key)
            if actor is None:
                continue
            problems += [Problem(
                rows.file, None, f"{self.item} + {self.actor}", None,
                f"a row for every {self.item} in {self.table}.csv for the actor of [case] "
                f"{key} ({actor})", found=f"no row for {self.item}={item}, {self.actor}={actor}")
                for item in items if (item, actor) not in present]
        return problems


@dataclass(frozen=True)
class QuoteInParagraph(Rule):
    """The quote is copied word for word from the paragraph the row names. Curly and
    straight quote marks and runs of spaces count as the same, since spreadsheets change them."""

    quote: str = "quote"
    paragraph: str = "paragraph"

    def columns(self):
        return (self.quote, self.paragraph)

    def describe(self):
        return f"{self.quote} copied word for word from that paragraph of the article"

    def check(self, rows, context):
        normalised = {n: normalise_quote(t) for n, t in context.paragraphs.items()}
        problems = []
        for row, v in rows.rows.items():
            quote, number = v[self.quote], v[self.paragraph]
            if not quote or number not in normalised:
                continue  # a paragraph outside the article is reported on its own column
            words = normalise_quote(quote)
            if words in normalised[number]:
                continue
            elsewhere = [n for n, text in normalised.items() if words in text]
            hint = f" (the words are in paragraph {elsewhere[0]})" if elsewhere else ""
            problems.append(Problem(
                rows.file, row, self.quote, shorten(quote),
                f"words copied exactly from paragraph {number} of the article{hint}",
                found=f"{shorten(quote)!r}, which is not in paragraph {number}"))
        return problems


@dataclass(frozen=True)
class SomePositive(Rule):
    """For each value of ``per``, at least one ``column`` above 0 (a weighting that weighs
    nothing cannot be normalised)."""

    column: str
    per: str

    def columns(self):
        return (self.column, self.per)

    def describe(self):
        return f"at least one {self.column} above 0 for each {self.per}"

    def check(self, rows, context):
        values: dict[str, list[float]] = defaultdict(list)
        for v in rows.rows.values():
            if v[self.per] is not None and v[self.column] is not None:
                values[v[self.per]].append(v[self.column])
        return [Problem(rows.file, None, self.column, f"0 for every {self.per.removesuffix('_id')}",
                        f"at least one {self.column} above 0 for {self.per} {key!r}")
                for key, found in values.items() if not any(x > 0 for x in found)]


@dataclass(frozen=True)
class RefsAfterArticle(Rule):
    """Every row that ``column`` names in ``table`` is dated after the article: what a
    hindsight rating rests on must be something a reader of the article could not know.
    A date known only to the article's month or year is not after it."""

    column: str
    table: str

    def columns(self):
        return (self.column,)

    def tables(self):
        return (self.table,)

    def describe(self):
        return f"every row of {self.table}.csv named in {self.column} dated after the article"

    def check(self, rows, context):
        dates, published = context.dates.get(self.table), context.article_date
        if dates is None or published is None:
            return []
        problems = []
        for row, v in rows.rows.items():
            for ref in v[self.column] or ():
                date = dates.get(ref)
                if date is not None and date.first_day <= published.last_day:
                    problems.append(Problem(
                        rows.file, row, self.column, ref,
                        f"only rows of {self.table}.csv dated after the article ({published})",
                        found=f"{ref!r}, dated {date}, which a reader of the article could "
                              "know (or may have known)"))
        return problems


def normalise_quote(text: str) -> str:
    """Text with curly quote marks made straight and runs of spaces made one.

    >>> normalise_quote("Ann\u2019s  \u201cfour\u201d")
    'Ann\\'s "four"'
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def shorten(text: str, limit: int = 60) -> str:
    """The text, cut to ``limit`` characters with '...' when longer."""
    return text if len(text) <= limit else text[: limit - 3] + "..."



@dataclass(frozen=True)
class ActorHasRow(Rule):
    """At least one row whose ``actor`` column names the actor of a metadata key ([case]
    section): e.g. a debate role for the focus actor, whose policy the case studies. A table
    with no rows (an optional file left out) asks for nothing.

    >>> rule = ActorHasRow("actor_id", "focus_actor")
    >>> rows = Rows("roles.csv", {2: {"actor_id": "B"}})
    >>> print(rule.check(rows, Context(case_actors={"focus_actor": "A"}))[0])
    roles.csv, column 'actor_id': no row for A; expected a row for the actor of [case] focus_actor (A).
    """  # noqa: E501 - the doctest shows the whole message

    actor: str
    key: str

    def columns(self):
        return (self.actor,)

    def describe(self):
        return f"a row for the actor that `[case] {self.key}` names in metadata.toml"

    def check(self, rows, context):
        wanted = context.case_actors.get(self.key)
        if (wanted is None or not rows.rows
                or any(v[self.actor] == wanted for v in rows.rows.values())):
            return []
        return [Problem(rows.file, None, self.actor, None,
                        f"a row for the actor of [case] {self.key} ({wanted})",
                        found=f"no row for {wanted}")]


@dataclass(frozen=True)
class PartsBetween(Rule):
    """The cell holds from ``fewest`` to ``most`` parts separated by ``separator`` (blank
    parts do not count): e.g. two or three questions separated by ';'.

    >>> rule = PartsBetween("questions", 2, 3)
    >>> print(rule.check(Rows("roles.csv", {4: {"questions": "Why?"}}), Context())[0])
    roles.csv, row 4, column 'questions': 'Why?', which has 1 part; expected from 2 to 3 parts separated by ';'.
    """  # noqa: E501 - the doctest shows the whole message

    column: str
    fewest: int
    most: int
    separator: str = ";"

    def columns(self):
        return (self.column,)

    def describe(self):
        return (f"{self.column} holds from {self.fewest} to {self.most} parts separated by "
                f"'{self.separator}'")

    def check(self, rows, context):
        problems = []
        for row, v in rows.rows.items():
            text = v[self.column]
            if text is None or not rows.clean(row, (self.column,)):
                continue
            parts = [p for p in str(text).split(self.separator) if p.strip()]
            if self.fewest <= len(parts) <= self.most:
                continue
            noun = "part" if len(parts) == 1 else "parts"
            problems.append(Problem(
                rows.file, row, self.column, shorten(str(text)),
                f"from {self.fewest} to {self.most} parts separated by '{self.separator}'",
                found=f"{shorten(str(text))!r}, which has {len(parts)} {noun}"))
        return problems


@dataclass(frozen=True)
class DistinctNames(Rule):
    """Every name a row gives, in ``name`` or among the ``separator``-separated names of
    ``others``, belongs to that row alone (compared without regard to case): e.g. a glossary
    term, which lessons link to one entry only.

    >>> rule = DistinctNames("term", "also")
    >>> rows = Rows("glossary.csv", {2: {"term": "quorum", "also": "quorums"},
    ...                              3: {"term": "Quorums", "also": None}})
    >>> print(rule.check(rows, Context())[0])
    glossary.csv, row 3, column 'term': found 'Quorums'; expected a name no other row gives (row 2 gives it).
    """  # noqa: E501 - the doctest shows the whole message

    name: str
    others: str
    separator: str = ";"

    def columns(self):
        return (self.name, self.others)

    def describe(self):
        return (f"no two rows give the same name, in {self.name} or among the names of "
                f"{self.others} separated by '{self.separator}' (capitals aside)")

    def check(self, rows, context):
        problems, first_row = [], {}
        for row, v in rows.rows.items():
            given = [(self.name, v[self.name])] + [
                (self.others, part.strip()) for part in str(v[self.others] or "").split(
                    self.separator) if part.strip()]
            for column, name in given:
                if name is None or not rows.clean(row, (column,)):
                    continue
                key = " ".join(str(name).split()).casefold()
                earlier = first_row.setdefault(key, row)
                if earlier != row:
                    problems.append(Problem(rows.file, row, column, str(name),
                                            f"a name no other row gives (row {earlier} "
                                            "gives it)"))
        return problems
