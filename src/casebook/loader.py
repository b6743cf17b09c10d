"""Find, read and validate a case folder once; return one typed Case that the notebooks use.

>>> case = load_case()
>>> case.actors.loc[case.focus_actor, "short_name"] in case.actors["short_name"].to_list()
True
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from . import schema
from .case import Article, Case, frame_of
from .dates import PartialDate
from .problems import CaseDataError, Problem
from .reading import decode_text, read_csv_file
from .rules import Context
from .upgrade import old_schema_problems
from .validation import (
    URL_PATTERN,
    check_header,
    check_references,
    check_rules,
    table_ids,
    type_rows,
)

DATA_ENV = "CASEBOOK_DATA"
METADATA_FILE = schema.METADATA_FILE
PARAGRAPH_LINE = re.compile(r"^\[(\d+)\] (.+)$")


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
    return _Loader(folder).load()


class _Loader:
    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.reported: dict[str, set[tuple[int | None, str | None]]] = {}  # bad cells

    def load(self) -> Case:
        if not self.folder.is_dir():
            raise CaseDataError(str(self.folder), [Problem(
                str(self.folder), None, None, None, "a folder holding the case's CSV files",
                found="the folder does not exist")])
        old = old_schema_problems(self.folder)
        if old:  # the rest would only repeat what the old names already explain
            raise CaseDataError(str(self.folder), old)
        metadata = self._read_metadata()
        paragraphs = self._read_paragraphs(metadata.get(("article", "numbered_file")))
        typed: dict[str, dict[int, dict]] = {}
        absent: list[str] = []
        for table in schema.TABLES.values():
            if table.belongs_to in absent and (self.folder / table.file).exists():
                self.notes.append(f"{table.file}: ignored, since "
                                  f"{schema.TABLES[table.belongs_to].file}, whose rows it "
                                  "describes, is left out.")
            if table.optional and (not (self.folder / table.file).exists()
                                   or table.belongs_to in absent):
                absent.append(table.name)
                typed[table.name] = {}
                continue
            rows = self._read_table(table, paragraphs)
            if rows is not None:
                typed[table.name] = rows
        # Only tables that loaded give ids: a failed table's own problems say why, and
        # guessing its ids would bury them under follow-on "unknown id" lines.
        ids = {name: table_ids(schema.TABLES[name], rows) for name, rows in typed.items()
               if len(schema.TABLES[name].key) == 1}
        # Only actors that exist: an unknown one is reported once, on its metadata key.
        case_actors = {key.key: metadata[key.section, key.key] for key in schema.METADATA
                       if key.kind == schema.REF and key.table == "actors"
                       and metadata.get((key.section, key.key)) in ids.get("actors", ())}
        context = Context(ids, paragraphs, metadata.get(("article", "date")),
                          _dates(typed), case_actors)
        for name, rows in typed.items():
            table = schema.TABLES[name]
            self.problems += check_references(table, table.file, rows, ids)
            self.problems += check_rules(table, table.file, rows, context,
                                         self.reported.get(name, set()))
        self._check_metadata_references(metadata, ids)
        if self.problems:
            raise CaseDataError(str(self.folder), self.problems)
        frames = {name: frame_of(table, list(typed[name].values()))
                  for name, table in schema.TABLES.items()}
        value = {key.key if key.section == "case" else key.label:
                 metadata.get((key.section, key.key)) for key in schema.METADATA}
        article = Article(**{key.key: value[key.label] for key in schema.METADATA
                             if key.section == "article"})
        return Case(self.folder, value["title"], value["default_period"], value["focus_actor"],
                    article, paragraphs, **frames, notes=tuple(self.notes),
                    absent=tuple(absent), compare_actor=value["compare_actor"],
                    subject=value["subject"])

    # -- metadata and article -----------------------------------------------------------
    def _read_metadata(self) -> dict[tuple[str, str], object]:
        """(section, key) -> typed value, for every key of schema.METADATA that is valid."""
        text, problems, notes = decode_text(self.folder / METADATA_FILE, METADATA_FILE)
        self.problems += problems
        self.notes += notes
        if text is None:
            return {}
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"at line (\d+)", str(exc))  # Python 3.11 gives no .lineno
            self.problems.append(Problem(METADATA_FILE, int(line.group(1)) if line else None,
                                         None, None,
                                         "TOML: key = \"value\" lines under [case] and "
                                         "[article]", found=f"it could not be read ({exc})"))
            return {}
        values: dict[tuple[str, str], object] = {}
        for section in dict.fromkeys(k.section for k in schema.METADATA):
            keys = [k for k in schema.METADATA if k.section == section]
            found = raw.get(section)
            if not isinstance(found, dict):
                optional = [k.key for k in keys if not k.required]
                self.problems.append(Problem(
                    METADATA_FILE, None, f"[{section}]", None,
                    f"a [{section}] section with keys "
                    + ", ".join(k.key for k in keys if k.required)
                    + (f" (and, if wanted, {', '.join(optional)})" if optional else ""),
                    found="the section is missing"))
                continue
            for extra in sorted(set(found) - {k.key for k in keys}):
                self.notes.append(f"{METADATA_FILE}: ignored the key {section}.{extra}, which "
                                  "the data dictionary does not define.")
            for key in keys:
                if not key.required and key.key not in found:
                    continue  # an optional key left out: the case has None for it
                value = self._metadata_value(key, found.get(key.key))
                if value is not None:
                    values[section, key.key] = value
        return values

    def _metadata_value(self, key: schema.MetaKey, value):
        """The typed value of one metadata key, or None after recording a problem."""
        if value is None:
            self.problems.append(Problem(METADATA_FILE, None, key.label, None,
                                         "a non-empty text in quotes",
                                         found="the key is missing"))
            return None
        if not isinstance(value, str) or not value.strip():
            self.problems.append(Problem(METADATA_FILE, None, key.label, str(value),
                                         "a non-empty text in quotes"))
            return None
        value = value.strip()
        if key.kind == schema.DATE:
            typed = PartialDate.parse(value)
        elif key.kind == schema.URL:
            typed = value if URL_PATTERN.match(value) else None
        elif key.kind == schema.PATH:
            inside = not Path(value).is_absolute() and ".." not in Path(value).parts
            if not inside:
                self.problems.append(Problem(METADATA_FILE, None, key.label, value,
                                             key.expected() + " (no '..' and no absolute "
                                             "path, so that a copied folder is complete)"))
                return None
            if not (self.folder / value).is_file():
                self.problems.append(Problem(METADATA_FILE, None, key.label, value,
                                             key.expected(),
                                             found=f"found {value!r}, but there is no such "
                                             f"file in {self.folder}"))
                return None
            typed = value
        else:
            typed = value
        if typed is None:
            self.problems.append(Problem(METADATA_FILE, None, key.label, value, key.expected()))
        return typed

    def _check_metadata_references(self, metadata: dict, ids: dict[str, list[str]]) -> None:
        for key in schema.METADATA:
            value = metadata.get((key.section, key.key))
            if key.kind == schema.REF and value is not None and key.table in ids and (
                    value not in ids[key.table]):
                self.problems.append(Problem(METADATA_FILE, None, key.label, value,
                                             key.expected()))

    def _read_paragraphs(self, name: str | None) -> dict[int, str]:
        if name is None:
            return {}
        text, problems, _ = decode_text(self.folder / name, name)
        self.problems += problems
        if text is None:
            return {}
        paragraphs: dict[int, str] = {}
        numbers: list[int] = []
        for line in text.splitlines():
            match = PARAGRAPH_LINE.match(line)
            if match:
                numbers.append(int(match.group(1)))
                paragraphs[numbers[-1]] = match.group(2).strip()
        if not numbers or numbers != list(range(1, len(numbers) + 1)):
            shown = ", ".join(map(str, numbers)) or "none"
            self.problems.append(Problem(name, None, None, None,
                                         "paragraphs on lines starting [1], [2], ... in order, "
                                         "each number once",
                                         found=f"found paragraph numbers {shown}"))
            return {}  # numbers that cannot be trusted would misreport every quote
        return paragraphs

    # -- one table ------------------------------------------------------------------------
    def _read_table(self, table: schema.Table, paragraphs: dict[int, str]
                    ) -> dict[int, dict] | None:
        """The typed rows of one file, or None if the file cannot be used at all."""
        raw = read_csv_file(self.folder / table.file, table.file)
        self.problems += raw.problems
        self.notes += raw.notes
        if raw.problems:
            return None
        usable, problems, notes = check_header(table, table.file, raw.header)
        self.problems += problems
        self.notes += notes
        if not usable:
            return None
        if not raw.rows:
            self.problems.append(Problem(table.file, None, None, None,
                                         f"at least one row of {table.name} below the header",
                                         found="the file has a header but no rows"))
            return None
        typed, problems = type_rows(table, table.file, raw.rows, paragraphs)
        self.problems += problems
        self.reported[table.name] = {(p.row, p.column) for p in problems}
        return typed


def _dates(typed: dict[str, dict[int, dict]]) -> dict[str, dict[str, PartialDate]]:
    """id -> date of every single-key table with a date column (a bad date left out)."""
    found = {}
    for name, rows in typed.items():
        table = schema.TABLES[name]
        if len(table.key) == 1 and "date" in table.column_names:
            found[name] = {v[table.key[0]]: v["date"] for v in rows.values()
                           if v[table.key[0]] is not None and v["date"] is not None}
    return found
