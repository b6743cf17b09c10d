"""The data dictionary's tables, generated from the schema.

``lessons_data/README.md`` is written by hand except between the markers
``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``, which ``casebook dictionary``
rewrites from ``schema.py``: the files at a glance, and every table's columns, key and rules.
``casebook dictionary --check`` (and a test) fails when the file is out of date.

>>> "| actor_id | id | required, unique |" in render_tables()
True
"""

from __future__ import annotations

import re
from pathlib import Path

from . import schema

SECTIONS = ("overview", "tables")


def render_overview() -> str:
    """The files at a glance: one line per file of the case."""
    lines = ["| File | One row is ... | Kind of content | Needed? |", "|---|---|---|---|"]
    for table in schema.TABLES.values():
        needed = "optional" if table.optional else "required"
        lines.append(f"| `{table.file}` | {table.row_is} | {table.content} | {needed} |")
    lines.append(f"| `{schema.METADATA_FILE}` | (key = value lines) | the case's title, "
                 "default period, focus actor, partner, subject and the article's citation | "
                 "required |")
    return "\n".join(lines)


def _required(table: schema.Table, column: schema.Column) -> str:
    if table.key == (column.name,):
        return "required, unique"
    if column.optional:
        return "may be left out of the file, or blank"
    return "required" if column.required else "may be blank"


def _kind(column: schema.Column) -> str:
    return schema.KIND_NAMES[column.kind].format(table=column.table)


def render_table(table: schema.Table) -> str:
    """One table's section: what a row is, its columns, key and rules."""
    optional = (" **Optional:** a case may leave this file out; it then loads empty and the "
                "lessons that need it say so." if table.optional else "")
    lines = [f"### {table.file}", "", table.about + optional, "",
             "| Column | Kind | Required? | Allowed values | Meaning |", "|---|---|---|---|---|"]
    for column in table.columns:
        lines.append(f"| {column.name} | {_kind(column)} | {_required(table, column)} | "
                     f"{column.allowed()} | {column.meaning} |")
    if len(table.key) > 1:
        lines += ["", f"Key: {' + '.join(table.key)} is unique."]
    if table.rules:
        lines += ["", "Rules:"] + [f"- {rule.describe()}." for rule in table.rules]
    return "\n".join(lines)


def render_metadata() -> str:
    """The keys of metadata.toml."""
    lines = [f"### {schema.METADATA_FILE}", "",
             "Every value is text in double quotes, e.g. `date = \"2017-10-13\"`.", "",
             "| Key | Kind | Meaning |", "|---|---|---|"]
    for key in schema.METADATA:
        kind = schema.KIND_NAMES[key.kind].format(table=key.table)
        optional = "" if key.required else " (optional)"
        lines.append(f"| `[{key.section}] {key.key}` | {kind}{optional} | {key.meaning} |")
    return "\n".join(lines)


def render_tables() -> str:
    """Every table's section, then metadata.toml's."""
    parts = [render_table(t) for t in schema.TABLES.values()] + [render_metadata()]
    return "\n\n".join(parts)


RENDER = {"overview": render_overview, "tables": render_tables}


def regenerate(text: str) -> str:
    """``text`` with every generated section rewritten from the schema.

    >>> regenerate("a\\n<!-- generated:overview -->\\nold\\n<!-- /generated:overview -->\\nb"
    ...            ).splitlines()[2]
    '| File | One row is ... | Kind of content | Needed? |'
    """
    for name, render in RENDER.items():
        pattern = re.compile(rf"(<!-- generated:{name} -->\n).*?(<!-- /generated:{name} -->)",
                             re.S)
        text = pattern.sub(lambda m, r=render: m.group(1) + r() + "\n" + m.group(2), text)
    return text


def missing_markers(text: str) -> list[str]:
    """The generated sections whose markers are not in ``text``."""
    return [name for name in SECTIONS if f"<!-- generated:{name} -->" not in text
            or f"<!-- /generated:{name} -->" not in text]


def write_dictionary(path: Path, check: bool = False) -> tuple[int, str]:
    """Rewrite the generated sections of ``path`` (or with ``check``, only compare).
    Returns an exit code and a one-line message."""
    text = path.read_text(encoding="utf-8")
    missing = missing_markers(text)
    if missing:
        return 1, (f"{path}: no markers for the generated section(s) {', '.join(missing)}; "
                   "add <!-- generated:NAME --> and <!-- /generated:NAME --> lines")
    fresh = regenerate(text)
    if fresh == text:
        return 0, f"{path} is up to date with the schema."
    if check:
        return 1, f"{path} is out of date with the schema: run `casebook dictionary`."
    path.write_text(fresh, encoding="utf-8")
    return 0, f"{path}: generated sections rewritten from the schema."
