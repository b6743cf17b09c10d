"""Old case folders: recognise what the previous schema called things, say what replaced it,
and rewrite such a folder into the current schema (``casebook upgrade DIR``).

The previous schema differed in four places, and only these:

- ``factors.csv`` named the article's own factors in a column ``in_blank_framework`` (after
  the author of the first case); it is now ``in_article``, with the same values.
- ``un_votes.csv`` had one column per voting member, named ``<member>_vote``; the votes are
  now rows of ``member_votes.csv`` (vote_id, actor_id, vote), one per member and decision,
  and ``[case] compare_actor`` names the partner whose votes the lessons show beside the
  focus actor's. A column maps to the actor whose short name (or id, or name) is the part
  before ``_vote``.
- The kinds of event were a fixed list with fixed lanes; the case now declares them in
  ``categories.csv``. The upgrade writes one row per category that events.csv uses, each in
  a lane of its own, for the instructor to group.
- ``evidence.csv`` had no ``label``, ``credibility`` and ``relevance`` columns; the upgrade
  adds them, the label blank (the description is shown instead) and the grades M (medium)
  in every row, which weighs each item 1, as the previous schema did.

Nothing is deleted: the files that change are first copied into ``backup-<time>/`` inside
the folder.

>>> old_vote_columns(["vote_id", "resolution", "ann_vote", "bob_vote", "note"])
['ann_vote', 'bob_vote']
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .problems import Problem

# (file, old column) -> the column that replaced it, with the same values.
RENAMED_COLUMNS = {("factors.csv", "in_blank_framework"): "in_article"}
VOTE_COLUMN = re.compile(r"^(?P<member>.+)_vote$")
VOTES_FILE = schema.TABLES["member_votes"].file
CATEGORIES_FILE = schema.TABLES["categories"].file
EVIDENCE_FILE = schema.TABLES["evidence"].file
# Columns added to evidence.csv since the previous schema, and what the upgrade writes in
# every row: no label (the description is shown), and M, which weighs an item 1, so the
# scores stay what they were.
ADDED_EVIDENCE_COLUMNS = {"label": "", "credibility": "M", "relevance": "M"}
ADDED_GRADE = "M"
COMMAND = "casebook upgrade {folder}"


def old_vote_columns(header: list[str]) -> list[str]:
    """The columns of an un_votes.csv header that hold one member's votes (old schema)."""
    return [name for name in header if VOTE_COLUMN.match(name)]


def _header(path: Path) -> list[str] | None:
    """The first row of a CSV file, or None if it is missing or unreadable (the loader then
    reports it in its own words)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), None)
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def old_schema_problems(folder: Path) -> list[Problem]:
    """One problem for each name of the previous schema that ``folder`` still uses, naming
    the file, the old column, its replacement and the command that rewrites the folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "factors.csv").write_text("factor_id,in_blank_framework\\na,yes\\n")
    >>> print(old_schema_problems(folder)[0])  # doctest: +ELLIPSIS
    factors.csv, row 1, column 'in_blank_framework': found a column name of the previous schema; expected the column 'in_article', which replaces it with the same values (`casebook upgrade ...` renames it).
    """  # noqa: E501 - the doctest shows the whole message
    command = COMMAND.format(folder=folder)
    problems = []
    for (file, old), new in RENAMED_COLUMNS.items():
        header = _header(folder / file)
        if header and old in header:
            problems.append(Problem(
                file, 1, old, None,
                f"the column '{new}', which replaces it with the same values (`{command}` "
                "renames it)", found="found a column name of the previous schema"))
    votes_file = schema.TABLES["un_votes"].file
    for column in old_vote_columns(_header(folder / votes_file) or []):
        problems.append(Problem(
            votes_file, 1, column, None,
            f"each member's votes as rows of {VOTES_FILE} (vote_id, actor_id, vote), which "
            f"replaces the vote columns, and `[case] compare_actor` in metadata.toml naming "
            f"the partner shown beside the focus actor (`{command}` moves them)",
            found="found a vote column of the previous schema"))
    events = schema.TABLES["events"].file
    if (folder / events).is_file() and not (folder / CATEGORIES_FILE).exists():
        problems.append(Problem(
            CATEGORIES_FILE, None, None, None,
            f"this file, which declares the kinds of event that {events} names (category, "
            f"label, lane, marker) and replaces the fixed list of the previous schema "
            f"(`{command}` writes one from {events})", found="the case has no such file"))
    missing = _missing_evidence_columns(folder)
    if missing:
        problems.append(Problem(
            EVIDENCE_FILE, 1, missing[0], None,
            f"the columns {_listed(missing)} (`{command}` adds them: a blank label, and "
            f"{ADDED_GRADE} for the grades in every row, which weighs each item as before)",
            found=f"no column{'s' if len(missing) > 1 else ''} {_listed(missing)}"))
    return problems


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _missing_evidence_columns(folder: Path) -> list[str]:
    header = _header(folder / EVIDENCE_FILE)
    if not header or "evidence_id" not in header:
        return []
    return [name for name in ADDED_EVIDENCE_COLUMNS if name not in header]


@dataclass
class Plan:
    """What an upgrade will change: new text for each file, and one line per change."""

    folder: Path
    files: dict[str, str] = field(default_factory=dict)  # file name -> its new text
    changes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _read_rows(path: Path) -> tuple[list[list[str]], str, bool]:
    """The rows of a CSV file, its line ending and whether it starts with a byte-order mark."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    ending = "\r\n" if "\r\n" in text else "\n"
    return list(csv.reader(io.StringIO(text, newline=""))), ending, bom


def _csv_text(rows: list[list[str]], ending: str, bom: bool = False) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerows(rows)
    return ("\ufeff" if bom else "") + out.getvalue()


def _actor_lookup(folder: Path) -> dict[str, str]:
    """Lower-case short name, id and full name (spaces as '_') -> actor id."""
    path = folder / schema.TABLES["actors"].file
    if not path.is_file():
        return {}
    rows, _, _ = _read_rows(path)
    header, body = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    lookup = {}
    for row in body:
        record = dict(zip(header, row, strict=False))
        actor = record.get("actor_id", "").strip()
        for name in (record.get("name", ""), actor, record.get("short_name", "")):
            if name.strip():
                lookup[re.sub(r"\s+", "_", name.strip().lower())] = actor
    return lookup


def plan_upgrade(folder: Path) -> Plan:
    """What ``casebook upgrade`` would change in ``folder``; nothing is written.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "factors.csv").write_text("factor_id,in_article\\na,yes\\n")
    >>> plan_upgrade(folder).changes
    []
    """
    plan = Plan(folder)
    _plan_renames(plan)
    _plan_votes(plan)
    _plan_categories(plan)
    _plan_evidence_grades(plan)
    return plan


def _plan_renames(plan: Plan) -> None:
    for (file, old), new in RENAMED_COLUMNS.items():
        path = plan.folder / file
        if not path.is_file() or old not in (_header(path) or []):
            continue
        rows, ending, bom = _read_rows(path)
        rows[0] = [new if name == old else name for name in rows[0]]
        plan.files[file] = _csv_text(rows, ending, bom)
        plan.changes.append(f"{file}: rename the column '{old}' to '{new}' (same values).")


def _plan_votes(plan: Plan) -> None:
    file = schema.TABLES["un_votes"].file
    path = plan.folder / file
    columns = old_vote_columns(_header(path) or []) if path.is_file() else []
    if not columns:
        return
    lookup = _actor_lookup(plan.folder)
    actors = {}
    for column in columns:
        member = VOTE_COLUMN.match(column).group("member").lower()
        if member in lookup:
            actors[column] = lookup[member]
        else:
            known = ", ".join(sorted(set(lookup))) or "none (actors.csv is missing or empty)"
            plan.errors.append(
                f"{file}: the column '{column}' could not be mapped to an actor: no actor of "
                f"actors.csv has the short name, id or name '{member}' (known: {known}). "
                f"Rename the column to <short name>_vote, e.g. after actors.csv, and run the "
                "upgrade again.")
    if plan.errors:
        return
    rows, ending, bom = _read_rows(path)
    header = rows[0]
    keep = [i for i, name in enumerate(header) if name not in actors]
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    plan.files[file] = _csv_text([[row[i] if i < len(row) else "" for i in keep]
                                  for row in [header, *body]], ending, bom)
    key = header.index("vote_id") if "vote_id" in header else 0
    votes = [["vote_id", "actor_id", "vote"]]
    for row in body:
        for column, actor in actors.items():
            index = header.index(column)
            votes.append([row[key], actor, row[index] if index < len(row) else ""])
    if (plan.folder / VOTES_FILE).exists():
        plan.errors.append(f"{VOTES_FILE} already exists beside the old vote columns of {file}: "
                           "move one of them away, then run the upgrade again.")
        return
    plan.files[VOTES_FILE] = _csv_text(votes, ending)
    mapped = ", ".join(f"'{c}' -> {a}" for c, a in actors.items())
    plan.changes.append(f"{file}: move the vote columns to {VOTES_FILE} ({mapped}): "
                        f"{len(votes) - 1} rows, one per decision and member.")
    _plan_compare_actor(plan, list(actors.values()))


def _plan_compare_actor(plan: Plan, voters: list[str]) -> None:
    """Name the first voter other than the focus actor as ``[case] compare_actor``."""
    path = plan.folder / schema.METADATA_FILE
    if not path.is_file():
        return
    text = plan.files.get(schema.METADATA_FILE) or path.read_text(encoding="utf-8-sig")
    if re.search(r"^\s*compare_actor\s*=", text, re.M):
        return
    focus = re.search(r'^(\s*focus_actor\s*=\s*"([^"]*)"[^\n]*)$', text, re.M)
    others = [v for v in voters if focus is None or v != focus.group(2)]
    if focus is None or not others:
        return
    line = f'compare_actor = "{others[0]}"'
    plan.files[schema.METADATA_FILE] = (text[:focus.end()] + "\n" + line + text[focus.end():])
    plan.changes.append(f"{schema.METADATA_FILE}: add {line} under [case] (the partner whose "
                        "votes the lessons show beside the focus actor's).")


def _plan_categories(plan: Plan) -> None:
    events = plan.folder / schema.TABLES["events"].file
    if (plan.folder / CATEGORIES_FILE).exists() or not events.is_file():
        return
    rows, ending, _ = _read_rows(events)
    header = rows[0]
    if "category" not in header:
        return
    index = header.index("category")
    used = dict.fromkeys(r[index].strip() for r in rows[1:] if index < len(r) and r[index].strip())
    table = [["category", "label", "lane", "marker", "factor_ids"]]
    for category in used:
        label = category.replace("_", " ")
        table.append([category, label, label[:1].upper() + label[1:], "", ""])
    plan.files[CATEGORIES_FILE] = _csv_text(table, ending)
    plan.changes.append(f"{CATEGORIES_FILE}: write one row for each of the {len(used)} "
                        f"categories events.csv uses, each in a lane of its own; give "
                        "categories the same lane to draw them on one row.")


def _plan_evidence_grades(plan: Plan) -> None:
    missing = _missing_evidence_columns(plan.folder)
    if not missing:
        return
    rows, ending, bom = _read_rows(plan.folder / EVIDENCE_FILE)
    header = rows[0]
    body = [r + [""] * (len(header) - len(r)) for r in rows[1:] if any(c.strip() for c in r)]
    # Columns are found by name, so the new ones can go at the end.
    table = [header + missing] + [r + [ADDED_EVIDENCE_COLUMNS[m] for m in missing]
                                  for r in body]
    plan.files[EVIDENCE_FILE] = _csv_text(table, ending, bom)
    plan.changes.append(f"{EVIDENCE_FILE}: add the columns {_listed(missing)} to each of its "
                        f"{len(body)} rows, the label blank and the grades {ADDED_GRADE} (every "
                        "item weighs 1, as before); write short labels and grade the items H, "
                        "M or L where you can.")


def apply_plan(plan: Plan, now: dt.datetime | None = None) -> Path:
    """Copy the files the plan changes into ``backup-<time>/`` in the folder, then write the
    new files. Returns the backup folder."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    backup = plan.folder / f"backup-{stamp}"
    backup.mkdir()
    for name in plan.files:
        if (plan.folder / name).exists():
            shutil.copy2(plan.folder / name, backup / name)
    for name, text in plan.files.items():
        (plan.folder / name).write_bytes(text.encode("utf-8"))
    return backup


def upgrade(folder: str | Path, dry_run: bool = False) -> tuple[int, list[str]]:
    """Rewrite the case folder ``folder`` into the current schema. Returns an exit code and
    the lines to print: what changes, where the old files are kept, or why nothing was done."""
    folder = Path(folder).expanduser().resolve()
    if not (folder / schema.METADATA_FILE).is_file():
        return 1, [f"{folder}: expected a case folder holding {schema.METADATA_FILE}; "
                   "found none, so nothing was changed."]
    plan = plan_upgrade(folder)
    if plan.errors:
        return 1, [*plan.errors, "Nothing was changed."]
    if not plan.changes:
        return 0, [f"{folder} already fits the current schema: nothing to change."]
    lines = [f"Upgrading {folder} to the current schema:"] + [f"  - {c}" for c in plan.changes]
    if dry_run:
        return 0, [*lines, "Dry run: nothing was written."]
    backup = apply_plan(plan)
    kept = ", ".join(name for name in plan.files if (backup / name).exists())
    lines.append(f"The old files ({kept}) are kept in {backup}.")
    metadata = (folder / schema.METADATA_FILE).read_text(encoding="utf-8-sig")
    if not re.search(r"^\s*subject\s*=", metadata, re.M):
        lines.append(f"Optional: add `subject = \"...\"` under [case] in "
                     f"{schema.METADATA_FILE}, so that titles name what the case is about.")
    lines.append(f"Next: run `casebook validate {folder}`.")
    return 0, lines
