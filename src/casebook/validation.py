"""Checking tables against the schema: cells, header, keys, references and rules.

The loader uses these steps on every CSV file of a case; ``validate_table`` uses the same steps
on one table a lesson makes (saved weights, pairwise judgements, a class's ratings), so its
messages are as precise as the loader's.

>>> from casebook import load_case
>>> case = load_case()
>>> weights = case.preset_weights.copy()
>>> weights.loc[0, "weight"] = -1
>>> [str(p) for p in validate_table("preset_weights", weights, case)]
["preset_weights.csv, row 2, column 'weight': found '-1'; expected a number from 0 to 10."]
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from typing import TYPE_CHECKING

import pandas as pd

from . import schema
from .dates import PartialDate
from .problems import Problem
from .rules import Context, Rows

if TYPE_CHECKING:
    from .case import Case

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
INTEGER_PATTERN = re.compile(r"^[+-]?\d+$")
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def convert_cell(column: schema.Column, text: str, paragraphs: dict[int, str]):
    """The typed value of one cell, or raise ValueError with what was expected.

    >>> convert_cell(schema.TABLES["effects"].column("effect"), "-2", {})
    -2
    >>> convert_cell(schema.TABLES["events"].column("actors"), "RUS; PRK", {})
    ('RUS', 'PRK')
    """
    kind = column.kind
    if kind == schema.TEXT:  # the commonest kind first: a large case has many such cells
        return text
    if kind in (schema.ID, schema.REF):
        if _is_id(text):
            return text
    elif kind == schema.REFS:
        ids = tuple(part.strip() for part in text.split(";"))
        if all(_is_id(part) for part in ids):
            return ids
    elif kind == schema.INTEGER:
        if INTEGER_PATTERN.match(text) and _within(column, int(text)):
            return int(text)
    elif kind == schema.PARAGRAPH:
        if INTEGER_PATTERN.match(text) and int(text) >= 1:
            if not paragraphs or int(text) in paragraphs:
                return int(text)
            raise ValueError(f"a paragraph number from 1 to {len(paragraphs)}")
    elif kind == schema.NUMBER:
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if math.isfinite(number) and _within(column, number):
            return number
    elif kind == schema.DATE:
        date = PartialDate.parse(text)
        if date:
            return date
    elif kind == schema.CHOICE:
        if text in column.choices:
            return text
        guess = [c for c in column.choices if c.lower() == text.lower()]
        hint = f" ({guess[0]!r} differs only in capital letters)" if guess else ""
        raise ValueError(column.expected() + hint)
    elif kind == schema.URL:
        if URL_PATTERN.match(text):
            return text
    else:
        return text
    raise ValueError(column.expected())


@functools.lru_cache(maxsize=65536)
def _is_id(text: str) -> bool:
    # Ids recur in every table that refers to them: each is checked once.
    return ID_PATTERN.match(text) is not None


def _within(column: schema.Column, value: float) -> bool:
    return ((column.minimum is None or value >= column.minimum)
            and (column.maximum is None or value <= column.maximum))


def check_header(table: schema.Table, file: str, header: list[str]
                 ) -> tuple[bool, list[Problem], list[str]]:
    """(usable, problems, notes) for a header row: every column once, none missing but the
    optional ones; a column the schema does not define is ignored with a note, or named as a
    likely misspelling.

    >>> header = [c.name for c in schema.TABLES["actors"].columns if c.optional is False]
    >>> check_header(schema.TABLES["actors"], "actors.csv", header)
    (True, [], [])
    """
    problems, notes = [], []
    for name in sorted({name for name in header if header.count(name) > 1}):
        problems.append(Problem(file, 1, name, None, "each column name once",
                                found=f"the column '{name}' appears more than once"))
    needed = [c.name for c in table.columns if not c.optional]
    missing = [name for name in needed if name not in header]
    unknown = [name for name in header if name not in table.column_names]
    for name in missing:
        guess = difflib.get_close_matches(name, unknown, n=1, cutoff=0.6)
        found = (f"no column '{name}', but a column '{guess[0]}' (misspelt?)" if guess
                 else f"no column '{name}'")
        problems.append(Problem(file, 1, name, None,
                                "the columns " + ", ".join(needed), found=found))
    left_out = [c.name for c in table.columns if c.optional and c.name not in header]
    for name in unknown:
        if not any(difflib.get_close_matches(m, [name], n=1, cutoff=0.6) for m in missing):
            guess = difflib.get_close_matches(name, left_out, n=1, cutoff=0.6)
            hint = f" (the optional column '{guess[0]}' misspelt?)" if guess else ""
            notes.append(f"{file}: ignored the column '{name}', which the data dictionary "
                         f"does not define{hint}.")
    return not problems, problems, notes


def type_rows(table: schema.Table, file: str, cells: dict[int, dict[str, str]],
              paragraphs: dict[int, str]) -> tuple[dict[int, dict], list[Problem]]:
    """Every cell turned into its typed value (None where blank or bad), the problems found,
    and repeated keys."""
    problems, typed = [], {}
    for row, values in cells.items():
        typed[row] = {}
        for column in table.columns:
            text = values.get(column.name, "")  # an optional column left out: blank
            value = None
            if text == "":
                if column.required:
                    problems.append(Problem(file, row, column.name, text, column.expected()))
            else:
                try:
                    value = convert_cell(column, text, paragraphs)
                except ValueError as bad:
                    problems.append(Problem(file, row, column.name, text, str(bad)))
            typed[row][column.name] = value
    return typed, problems + _repeated_keys(table, file, typed)


def _repeated_keys(table: schema.Table, file: str, typed: dict[int, dict]) -> list[Problem]:
    problems, seen = [], {}
    joined = " + ".join(table.key)
    for row, values in typed.items():
        key = tuple(values[c] for c in table.key)
        if None in key:
            continue
        if key in seen:
            shown = ", ".join(f"{c}={v}" for c, v in zip(table.key, key, strict=True))
            problems.append(Problem(file, row, joined, " / ".join(map(str, key)),
                                    f"each {joined} only once",
                                    found=f"{shown} again, already on row {seen[key]}"))
        else:
            seen[key] = row
    return problems


def check_references(table: schema.Table, file: str, typed: dict[int, dict],
                     ids: dict[str, list[str]]) -> list[Problem]:
    """Every id in a REF or REFS column is listed in the table it refers to."""
    problems = []
    for column in table.columns:
        if column.kind not in (schema.REF, schema.REFS) or column.table not in ids:
            continue  # a table that failed to load has its own problems listed
        known = set(ids[column.table])
        for row, values in typed.items():
            value = values[column.name]
            for ref in (value or ()) if column.kind == schema.REFS else (value,):
                if ref is None or ref in known:
                    continue
                guess = difflib.get_close_matches(ref, sorted(known), n=1)
                hint = f" (did you mean {guess[0]!r}?)" if guess else ""
                absent = ("" if known else
                          f", and this case has no {column.table}.csv rows")
                problems.append(Problem(file, row, column.name, ref,
                                        f"an id listed in {column.table}.csv{absent}",
                                        found=f"the unknown id {ref!r}{hint}"))
    return problems


def check_rules(table: schema.Table, file: str, typed: dict[int, dict], context: Context,
                reported: set[tuple[int | None, str | None]] = frozenset()) -> list[Problem]:
    """The problems found by every rule declared on the table; ``reported`` holds the
    (row, column) of cells already reported as bad, which rules then leave alone."""
    rows = Rows(file, typed, frozenset(reported))
    return [problem for rule in table.rules for problem in rule.check(rows, context)]


def table_ids(table: schema.Table, typed: dict[int, dict]) -> list[str]:
    """The ids of a single-key table in file order (bad ones left out: reported already)."""
    return [v[table.key[0]] for v in typed.values() if v[table.key[0]] is not None]


def validate_table(name: str, frame: pd.DataFrame, case: Case,
                   file: str | None = None) -> list[Problem]:
    """Check one table made in a lesson against the schema of table ``name``, with the
    case's other tables for references and grids. Rows are numbered as a spreadsheet would
    number them (the header is row 1). ``file`` names the table in messages (default
    ``name.csv``). Returns the problems; an empty list means the table is valid.
    """
    file = file or f"{name}.csv"
    if name not in schema.TABLES:
        return [Problem(file, None, None, name, "one of the tables "
                        + ", ".join(schema.TABLES), found=f"no table named {name!r}")]
    table = schema.TABLES[name]
    if any(level is not None for level in frame.index.names):
        frame = frame.reset_index()  # a loaded single-key table keeps its ids in the index
    header = [str(c).strip() for c in frame.columns]
    usable, problems, _ = check_header(table, file, header)
    if not usable:
        return problems
    cells = {number: {column: cell_text(value) for column, value in zip(header, row, strict=True)}
             for number, row in enumerate(frame.itertuples(index=False), start=2)}
    typed, found = type_rows(table, file, cells, case.paragraphs)
    ids = {n: list(case.tables[n].index) for n, t in schema.TABLES.items() if len(t.key) == 1}
    if len(table.key) == 1:
        ids[name] = table_ids(table, typed)
    dates = {n: dict(zip(case.tables[n].index, case.tables[n]["date"], strict=True))
             for n, t in schema.TABLES.items() if len(t.key) == 1 and "date" in t.column_names}
    context = Context(ids, case.paragraphs, case.article.date, dates)
    reported = {(p.row, p.column) for p in found}
    return (problems + found + check_references(table, file, typed, ids)
            + check_rules(table, file, typed, context, reported))


def cell_text(value) -> str:
    """A frame's value as the text a CSV cell would hold.

    >>> cell_text(5.0), cell_text(0.25), cell_text(None), cell_text(("RUS", "PRK"))
    ('5', '0.25', '', 'RUS;PRK')
    >>> cell_text(pd.NA), cell_text(pd.array([3], dtype="Int64")[0])
    ('', '3')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
