"""Load and validate the case once; return one Case object that the notebooks use.

>>> case = load_case()
>>> case.actors.loc["RUS", "short_name"]
'Russia'
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .problems import CaseDataError, Problem
from .reading import decode_text, read_csv_file

DATA_ENV = "CASEBOOK_DATA"
METADATA_FILE = "metadata.toml"
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
INTEGER_PATTERN = re.compile(r"^[+-]?\d+$")
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PARAGRAPH_LINE = re.compile(r"^\[(\d+)\] (.+)$")


@dataclass(frozen=True)
class Case:
    """The whole case, validated. Each table is a DataFrame indexed by its key column(s),
    e.g. ``case.actors``, ``case.effects``; ``case.paragraphs[3]`` is paragraph 3 of the
    article; ``notes`` lists what the loader tidied on the way (spaces, byte-order marks)."""

    data_dir: Path
    metadata: dict
    paragraphs: dict[int, str]
    tables: dict[str, pd.DataFrame]
    notes: tuple[str, ...] = field(default=())

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"The case has no table or attribute {name!r}; tables are: "
                             + ", ".join(tables))

    def summary(self) -> str:
        """One line: what was loaded, from where."""
        counts = ", ".join(f"{len(frame)} {name}" for name, frame in self.tables.items())
        # The folder's name only: a full path would differ on every machine.
        return (f"Loaded '{self.metadata['case']['title']}' from {self.data_dir.name}/: "
                f"{len(self.paragraphs)} article paragraphs, {counts}.")


def find_data_dir(start: Path | None = None) -> Path:
    """Where the case data is: $CASEBOOK_DATA if set, else the nearest ``lessons_data``
    folder at or above ``start`` (default: the working directory), else the one beside the
    package's source checkout. Works from notebooks/, the repository root and tests/."""
    override = os.environ.get(DATA_ENV, "").strip()
    if override:
        return Path(override).expanduser().resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "lessons_data"
        if (candidate / METADATA_FILE).is_file():
            return candidate
    beside_package = Path(__file__).resolve().parents[2] / "lessons_data"
    if (beside_package / METADATA_FILE).is_file():
        return beside_package
    raise CaseDataError(
        str(here),
        [Problem("lessons_data", None, None, None,
                 f"a folder lessons_data/ holding {METADATA_FILE} in this folder or one above "
                 f"it, or the environment variable {DATA_ENV} set to such a folder",
                 found=f"no case data was found from {here}")],
    )


def load_case(data_dir: str | Path | None = None) -> Case:
    """Read, check and return the case in ``data_dir`` (default: ``find_data_dir()``).
    Raises CaseDataError listing every problem found."""
    folder = Path(data_dir).expanduser().resolve() if data_dir else find_data_dir()
    loader = _Loader(folder)
    return loader.load()


# --------------------------------------------------------------------------------------
class _Loader:
    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.rows: dict[str, dict[int, dict]] = {}  # table -> row number -> typed values

    def load(self) -> Case:
        if not self.folder.is_dir():
            raise CaseDataError(str(self.folder), [Problem(
                str(self.folder), None, None, None, "a folder holding the case's CSV files",
                found="the folder does not exist")])
        metadata = self._read_metadata()
        paragraphs = self._read_paragraphs(metadata)
        for table in schema.TABLES.values():
            self.rows[table.name] = self._read_table(table)
        self._check_references()
        self._check_grids()
        self._check_paragraphs(paragraphs)
        self._check_rules(metadata)
        if self.problems:
            raise CaseDataError(str(self.folder), self.problems)
        frames = {name: self._frame(schema.TABLES[name], rows) for name, rows in self.rows.items()}
        return Case(self.folder, metadata, paragraphs, frames, tuple(self.notes))

    # -- metadata and article -----------------------------------------------------------
    def _read_metadata(self) -> dict:
        text, problems, notes = decode_text(self.folder / METADATA_FILE, METADATA_FILE)
        self.problems += problems
        self.notes += notes
        if text is None:
            return {}
        try:
            metadata = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"at line (\d+)", str(exc))  # Python 3.11 gives no .lineno
            self.problems.append(Problem(METADATA_FILE, int(line.group(1)) if line else None,
                                         None, None,
                                         "TOML: key = \"value\" lines under [case] and "
                                         "[article]", found=f"it could not be read ({exc})"))
            return {}
        for section, keys in schema.METADATA_KEYS.items():
            values = metadata.get(section)
            if not isinstance(values, dict):
                self.problems.append(Problem(METADATA_FILE, None, f"[{section}]", None,
                                             f"a [{section}] section with keys "
                                             + ", ".join(keys), found="the section is missing"))
                metadata[section] = {}  # later checks read it as an empty section
                continue
            for key, kind in keys.items():
                value = values.get(key)
                label = f"{section}.{key}"
                if not isinstance(value, str) or not value.strip():
                    self.problems.append(Problem(METADATA_FILE, None, label,
                                                 None if value is None else str(value),
                                                 "a non-empty text in quotes",
                                                 found=None if value is not None
                                                 else "the key is missing"))
                    continue
                values[key] = value.strip()
                if kind == schema.DATE and _parse_date(value.strip()) is None:
                    self.problems.append(Problem(METADATA_FILE, None, label, value,
                                                 schema.Column(key, schema.DATE).expected()))
        return metadata

    def _read_paragraphs(self, metadata: dict) -> dict[int, str]:
        name = metadata.get("article", {}).get("numbered_file")
        if not isinstance(name, str):
            return {}
        path = (self.folder / name).resolve()
        text, problems, _ = decode_text(path, name)
        self.problems += problems
        if text is None:
            return {}
        paragraphs: dict[int, str] = {}
        for line in text.splitlines():
            match = PARAGRAPH_LINE.match(line)
            if match:
                paragraphs[int(match.group(1))] = match.group(2).strip()
        if sorted(paragraphs) != list(range(1, len(paragraphs) + 1)) or not paragraphs:
            self.problems.append(Problem(name, None, None, None,
                                         "paragraphs on lines starting [1], [2], ... in order",
                                         found=f"paragraph numbers {sorted(paragraphs)}"))
        seed = metadata.get("article", {}).get("seed_file")
        if isinstance(seed, str) and not (self.folder / seed).is_file():
            self.problems.append(Problem(METADATA_FILE, None, "article.seed_file", seed,
                                         f"a file that exists (relative to {self.folder})"))
        return paragraphs

    # -- one table ------------------------------------------------------------------------
    def _read_table(self, table: schema.Table) -> dict[int, dict]:
        raw = read_csv_file(self.folder / table.file, table.file)
        self.problems += raw.problems
        self.notes += raw.notes
        if raw.problems:
            return {}
        if not self._check_header(table, raw.header):
            return {}
        if not raw.rows:
            self.problems.append(Problem(table.file, None, None, None,
                                         f"at least one row of {table.name} below the header",
                                         found="the file has a header but no rows"))
            return {}
        typed: dict[int, dict] = {}
        for row_number, cells in raw.rows.items():
            typed[row_number] = {
                column.name: self._convert(table, row_number, column, cells[column.name])
                for column in table.columns
            }
        self._check_unique(table, typed)
        return typed

    def _check_header(self, table: schema.Table, header: list[str]) -> bool:
        duplicates = sorted({name for name in header if header.count(name) > 1})
        for name in duplicates:
            self.problems.append(Problem(table.file, 1, name, None, "each column name once",
                                         found=f"the column '{name}' appears more than once"))
        present = set(header)
        missing = [c for c in table.column_names if c not in present]
        unknown = [name for name in header if name not in table.column_names]
        for name in missing:
            guess = difflib.get_close_matches(name, unknown, n=1, cutoff=0.6)
            found = (f"no column '{name}', but a column '{guess[0]}' (misspelt?)" if guess
                     else f"no column '{name}'")
            self.problems.append(Problem(table.file, 1, name, None,
                                         "the columns " + ", ".join(table.column_names),
                                         found=found))
        for name in unknown:
            if not any(difflib.get_close_matches(m, [name], n=1, cutoff=0.6) for m in missing):
                self.notes.append(f"{table.file}: ignored the column '{name}', which the data "
                                  "dictionary does not define.")
        return not missing and not duplicates

    def _convert(self, table, row, column: schema.Column, text: str):
        """Turn one cell into its typed value, or record a Problem and return None."""
        def bad(expected=None):
            self.problems.append(Problem(table.file, row, column.name, text,
                                         expected or column.expected()))

        if text == "":
            return bad() if column.required else None
        kind = column.kind
        value = None
        if kind in (schema.ID, schema.REF):
            value = text if ID_PATTERN.match(text) else None
        elif kind == schema.REFS:
            ids = tuple(part.strip() for part in text.split(";"))
            value = ids if all(ID_PATTERN.match(part) for part in ids) else None
        elif kind in (schema.INTEGER, schema.PARAGRAPH):
            if INTEGER_PATTERN.match(text) and (kind == schema.INTEGER or int(text) >= 1):
                value = _within(column, int(text))
        elif kind == schema.NUMBER:
            try:
                number = float(text)
            except ValueError:
                number = float("nan")
            if number == number and abs(number) != float("inf"):
                value = _within(column, number)
        elif kind == schema.DATE:
            value = text if _parse_date(text) else None
        elif kind == schema.CHOICE:
            if text in column.choices:
                return text
            guess = [c for c in column.choices if c.lower() == text.lower()]
            hint = f" ({guess[0]!r} differs only in capital letters)" if guess else ""
            return bad(column.expected() + hint)
        elif kind == schema.URL:
            value = text if re.match(r"^https?://\S+$", text) else None
        else:
            value = text
        if value is None:
            bad()
        return value

    def _check_unique(self, table: schema.Table, typed: dict[int, dict]) -> None:
        seen: dict[tuple, int] = {}
        for row, values in typed.items():
            key = tuple(values[c] for c in table.key)
            if any(k is None for k in key):
                continue
            if key in seen:
                shown = ", ".join(f"{c}={v}" for c, v in zip(table.key, key, strict=True))
                column = table.key[0] if len(table.key) == 1 else " + ".join(table.key)
                self.problems.append(Problem(
                    table.file, row, column, " / ".join(map(str, key)),
                    f"each {' + '.join(table.key)} only once",
                    found=f"{shown} again, already on row {seen[key]}"))
            else:
                seen[key] = row

    # -- across tables -------------------------------------------------------------------
    def _ids(self, table_name: str) -> list[str]:
        table = schema.TABLES[table_name]
        ids = (values[table.key[0]] for values in self.rows.get(table_name, {}).values())
        return [i for i in ids if i is not None]  # a bad id was reported where it stands

    def _check_references(self) -> None:
        for table in schema.TABLES.values():
            for column in table.columns:
                if column.kind not in (schema.REF, schema.REFS):
                    continue
                if not self.rows.get(column.table):
                    continue  # that table already failed; its own problems say why
                known = set(self._ids(column.table))
                for row, values in self.rows[table.name].items():
                    value = values[column.name]
                    for ref in ((value or ()) if column.kind == schema.REFS else (value,)):
                        if ref is None or ref in known:
                            continue
                        guess = difflib.get_close_matches(ref, sorted(known), n=1)
                        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
                        self.problems.append(Problem(
                            table.file, row, column.name, ref,
                            f"an id listed in {column.table}.csv",
                            found=f"the unknown id {ref!r}{hint}"))

    def _check_grids(self) -> None:
        for table in schema.TABLES.values():
            if not table.complete_grid or not self.rows.get(table.name):
                continue
            first, second = (table.column(c) for c in table.key)
            present = {(v[first.name], v[second.name]) for v in self.rows[table.name].values()}
            seconds = self._ids(second.table)
            for a in self._ids(first.table):
                for b in seconds:
                    if (a, b) not in present:
                        self.problems.append(Problem(
                            table.file, None, f"{first.name} + {second.name}", None,
                            f"one row for every {first.name} in {first.table}.csv and every "
                            f"{second.name} in {second.table}.csv",
                            found=f"no row for {first.name}={a}, {second.name}={b}"))

    def _check_paragraphs(self, paragraphs: dict[int, str]) -> None:
        if not paragraphs:
            return
        normalised = {n: _normalise_quote(text) for n, text in paragraphs.items()}
        for table in schema.TABLES.values():
            if "paragraph" not in table.column_names:
                continue
            for row, values in self.rows.get(table.name, {}).items():
                number = values.get("paragraph")
                if number is None:
                    continue
                if number not in paragraphs:
                    self.problems.append(Problem(
                        table.file, row, "paragraph", str(number),
                        f"a paragraph number from 1 to {len(paragraphs)}"))
                    continue
                quote = values.get("quote")
                if quote and _normalise_quote(quote) not in normalised[number]:
                    elsewhere = [n for n, t in normalised.items() if _normalise_quote(quote) in t]
                    hint = (f" (the words are in paragraph {elsewhere[0]})" if elsewhere else "")
                    self.problems.append(Problem(
                        table.file, row, "quote", _shorten(quote),
                        f"words copied exactly from paragraph {number} of the article{hint}",
                        found=f"{_shorten(quote)!r}, which is not in paragraph {number}"))

    def _check_rules(self, metadata: dict) -> None:
        """Rules that join two columns of a row, or a row to the metadata."""
        for row, v in self.rows.get("periods", {}).items():
            if None not in (v["start_year"], v["end_year"]) and v["end_year"] < v["start_year"]:
                self._rule("periods.csv", row, "end_year", v["end_year"],
                           f"a year no earlier than start_year ({v['start_year']})")
        # The same pair in the same order is a duplicate key, reported by _check_unique;
        # here only the pair written the other way round (PRK / RUS after RUS / PRK).
        reversed_pairs: dict[tuple, int] = {}
        for row, v in self.rows.get("relations", {}).items():
            if v["actor_a"] is not None and v["actor_a"] == v["actor_b"]:
                self._rule("relations.csv", row, "actor_b", v["actor_b"],
                           "an actor other than actor_a")
            if (v["period_id"], v["actor_a"], v["actor_b"]) in reversed_pairs:
                self._rule("relations.csv", row, "actor_a + actor_b",
                           f"{v['actor_a']} / {v['actor_b']}",
                           "each pair of actors once per period (already on row "
                           f"{reversed_pairs[(v['period_id'], v['actor_a'], v['actor_b'])]}, "
                           "in the other order)")
            if v["actor_a"] != v["actor_b"]:
                reversed_pairs.setdefault((v["period_id"], v["actor_b"], v["actor_a"]), row)
        for row, v in self.rows.get("events", {}).items():
            if v["end_date"] and v["date"] and _parse_date(v["end_date"]) < _parse_date(v["date"]):
                self._rule("events.csv", row, "end_date", v["end_date"],
                           f"a date no earlier than date ({v['date']})")
        for row, v in self.rows.get("un_votes", {}).items():
            counted = [v[c] for c in ("votes_for", "votes_against", "abstentions")]
            if sum(c or 0 for c in counted) > 15:
                self._rule("un_votes.csv", row, "votes_for", str(counted),
                           "votes for, against and abstentions adding up to 15 at most")
        weights: dict[str, list[float]] = {}
        for v in self.rows.get("preset_weights", {}).values():
            weights.setdefault(v["preset_id"], []).append(v["weight"] or 0)
        for preset, values in weights.items():
            if not any(values):
                self._rule("preset_weights.csv", None, "weight", "0 for every factor",
                           f"at least one weight above 0 for preset {preset!r}")
        case = metadata.get("case", {})
        for key, table in (("default_period", "periods"), ("article_source_id", "sources")):
            value = case.get(key)
            if isinstance(value, str) and self.rows.get(table) and value not in self._ids(table):
                self._rule(METADATA_FILE, None, f"case.{key}", value,
                           f"an id listed in {table}.csv")

    def _rule(self, file, row, column, value, expected):
        self.problems.append(Problem(file, row, column, str(value), expected))

    # -- typed frames --------------------------------------------------------------------
    @staticmethod
    def _frame(table: schema.Table, rows: dict[int, dict]) -> pd.DataFrame:
        records = [{c: values[c] for c in table.column_names} for values in rows.values()]
        frame = pd.DataFrame.from_records(records, columns=list(table.column_names))
        for column in table.columns:
            if column.kind in (schema.INTEGER, schema.PARAGRAPH):
                frame[column.name] = frame[column.name].astype("Int64")
            elif column.kind == schema.NUMBER:
                frame[column.name] = frame[column.name].astype("float64")
        if len(table.key) == 1:  # single ids index their table: case.actors.loc["RUS"]
            frame = frame.set_index(table.key[0])
        return frame


def _within(column: schema.Column, value: float) -> float | None:
    """The value if it lies within the column's range, else None."""
    if column.minimum is not None and value < column.minimum:
        return None
    if column.maximum is not None and value > column.maximum:
        return None
    return value


def _parse_date(text: str) -> dt.date | None:
    """The first day a date written YYYY, YYYY-MM or YYYY-MM-DD can mean, or None.

    >>> _parse_date("2017-10"), _parse_date("2017-02-30")
    (datetime.date(2017, 10, 1), None)
    """
    match = DATE_PATTERN.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _normalise_quote(text: str) -> str:
    """Compare quotes ignoring runs of spaces and curly-versus-straight quote marks, which
    spreadsheets change on their own."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
