"""Reading one CSV file into text cells, with every failure turned into a Problem.

The standard csv module is used rather than pandas.read_csv so that each record keeps the
row number a spreadsheet shows, ragged rows are caught instead of padded, and no parser
traceback reaches the learner.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

BOM = "\ufeff"


@dataclass
class RawTable:
    """The text of one CSV file. ``rows`` maps spreadsheet row number -> {column: text}."""

    header: list[str] = field(default_factory=list)
    rows: dict[int, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def decode_text(path: Path, label: str) -> tuple[str | None, list[Problem], list[str]]:
    """Read a file as UTF-8 text; a byte-order mark is dropped and noted, not refused.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes(b"a\\n\\xe9\\n")
    >>> text, problems, notes = decode_text(p, "t.csv")
    >>> print(str(problems[0]).replace("; ", ";\\n"))
    t.csv, row 2: found the byte 0xe9, which is not UTF-8 text;
    expected a file saved as 'CSV UTF-8' (in Excel: Save As > CSV UTF-8).
    """
    if not path.is_file():
        where = path.parent
        return None, [Problem(label, None, None, None, f"a file {path.name} in {where}",
                              found="the file is missing")], []
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start : exc.start + 1].hex()
        return None, [
            Problem(
                label,
                line,
                None,
                None,
                ("a file saved as 'CSV UTF-8' (in Excel: Save As > CSV UTF-8)"
                 if path.suffix == ".csv" else "a file saved as UTF-8 text"),
                found=f"found the byte 0x{byte}, which is not UTF-8 text",
            )
        ], []
    notes = []
    if text.startswith(BOM):
        text = text[1:]
        notes.append(f"{label}: ignored the byte-order mark at the start (Excel adds one).")
    return text, [], notes


def read_csv_file(path: Path, label: str) -> RawTable:
    """Read a CSV file into a RawTable; never raises for bad content."""
    raw = RawTable()
    text, raw.problems, raw.notes = decode_text(path, label)
    if text is None:
        return raw
    if not text.strip():
        raw.problems.append(
            Problem(label, None, None, None, "a header row naming the columns, then one row per "
                    "record", found="the file is empty")
        )
        return raw
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        raw.problems.append(
            Problem(label, len(records) + 1, None, None,
                    "cells separated by commas, with any quote mark inside a cell doubled "
                    "(\"\")", found=f"the CSV could not be read ({exc})")
        )
        return raw
    # The header is the first row that is not blank; rows keep the numbers a spreadsheet shows.
    header_index = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)
    if header_index is None:  # only empty cells, as a spreadsheet saves an emptied sheet
        raw.problems.append(
            Problem(label, None, None, None, "a header row naming the columns, then one row "
                    "per record", found="the file has only empty cells")
        )
        return raw
    if header_index:
        raw.notes.append(f"{label}: skipped {header_index} blank row(s) above the header.")
    header = [name.strip() for name in records[header_index]]
    if header != records[header_index]:
        raw.notes.append(f"{label}: removed spaces around column names in the header.")
    if len(header) == 1 and ";" in header[0]:
        raw.problems.append(
            Problem(label, header_index + 1, None, None,
                    "cells separated by commas (in Excel: Save As > CSV UTF-8 (Comma delimited))",
                    found="cells separated by semicolons")
        )
        return raw
    raw.header = header
    stripped_count = 0
    for index, record in enumerate(records[header_index + 1 :], start=header_index + 2):
        if not record or all(cell.strip() == "" for cell in record):
            continue  # a blank line between rows is harmless
        if len(record) != len(header):
            raw.problems.append(
                Problem(label, index, None, None,
                        f"{len(header)} cells, one for each column of the header",
                        found=f"found {len(record)} cells")
            )
            continue
        cells = {}
        for name, cell in zip(header, record, strict=True):
            clean = cell.strip()
            stripped_count += clean != cell
            cells[name] = clean
        raw.rows[index] = cells
    if stripped_count:
        raw.notes.append(f"{label}: removed spaces around {stripped_count} value(s).")
    return raw
