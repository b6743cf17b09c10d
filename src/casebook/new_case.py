"""Start a new case folder (``casebook new``), guide its filling (``casebook validate`` says
what to fill next) and write the relation rows still missing (``casebook relations``).

Everything is generated from ``schema.py``, so a new table or column appears here without an
edit. Nothing an instructor wrote is overwritten: ``new_case`` refuses an existing path, and
``add_relation_rows`` keeps every existing row in place and a backup of the file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "my_case"
>>> print(new_case(folder)[0][:60])
Started the case folder my_case/: every table of the schema,
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from . import schema
from .dictionary import SECTIONS, regenerate
from .problems import Problem
from .reading import read_csv_file
from .validation import ID_PATTERN

ARTICLE_FILE = "article_numbered.md"
METADATA_STEP = "metadata"  # the step that fills metadata.toml and the numbered article
FIRST_STEPS = ("sources", "actors", "periods", METADATA_STEP, "relations")
NO_ROWS = "the file has a header but no rows"  # the loader's words for a header-only file


class NewCaseError(ValueError):
    """A request that cannot be done without losing or guessing something; the message is
    one sentence for the terminal."""


def fill_order() -> tuple[str, ...]:
    """The order in which to fill a new case: sources, actors and periods first (everything
    cites them), then metadata.toml and the article, then the relations, then every other
    table in the schema's order, each after the tables its required columns refer to.

    >>> fill_order()[:5]
    ('sources', 'actors', 'periods', 'metadata', 'relations')
    """
    order = list(FIRST_STEPS)
    pending = [name for name in schema.TABLES if name not in order]
    while pending:
        for name in pending:
            needed = {c.table for c in schema.TABLES[name].columns
                      if c.kind in (schema.REF, schema.REFS) and c.required}
            if needed <= set(order) | {name}:
                order.append(name)
                pending.remove(name)
                break
        else:  # a cycle of required references: keep the schema's order for the rest
            order += pending
            pending = []
    return tuple(order)


def _header(table: schema.Table) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(table.column_names)
    return out.getvalue()


def _example(key: schema.MetaKey) -> str:
    """An example value for a metadata key, in words that name no case."""
    if key.kind == schema.REF:
        column = schema.TABLES[key.table].key[0]
        return f"the {column} of a row of {key.table}.csv"
    if key.kind == schema.DATE:
        return '"2020-05-31"'
    if key.kind == schema.URL:
        return '"https://www.example.org/the-article"'
    if key.kind == schema.PATH:
        return f'"{ARTICLE_FILE}"'
    return '"' + {"title": "What drives the policy of X? An article and the evidence",
                  "author": "A. Author", "publisher": "A Journal"}.get(key.key, "...") + '"'


def metadata_template() -> str:
    """metadata.toml with every key of the schema, each with what it means and an example;
    optional keys are commented out (left out, the case has none), the others are blank.

    >>> print(metadata_template().splitlines()[5])
    [case]
    """
    lines = ["# The case's metadata. Fill every key that has \"\" after the '='; the keys",
             "# commented out with '#' are optional. Paths are relative to this folder and",
             "# stay inside it, so that a copied folder is complete. README.md says what to",
             "# fill first; `casebook validate` on this folder says what is still missing.",
             ""]
    section = None
    for key in schema.METADATA:
        if key.section != section:
            if section is not None:
                lines.append("")
            section = key.section
            lines.append(f"[{section}]")
        lines.append(f"# {key.meaning[0].upper()}{key.meaning[1:]}.")
        lines.append(f"# Expected: {key.expected()}; e.g. {_example(key)}.")
        value = f'"{ARTICLE_FILE}"' if key.kind == schema.PATH else '""'
        lines.append(f"{'' if key.required else '# '}{key.key} = {value}")
    return "\n".join(lines) + "\n"


ARTICLE_TEMPLATE = """\
# The article, paragraph-numbered

Replace this text with the article. The loader reads only the lines that start with a
paragraph number in square brackets followed by a space, numbered 1, 2, 3 ... in order,
each number once, one paragraph per line (however long the line). Such a line looks like
`[1] The first paragraph of the article, on one line.` without the back-quotes and at the
very start of the line.

Every other line (this note, a title, the citation, a standfirst) is ignored, so keep here
the citation and where the text comes from. The `paragraph` columns of factors.csv,
options.csv, effects.csv and claims.csv refer to these numbers, and a quote in factors.csv
or claims.csv must appear word for word in the paragraph it names.
"""


def readme_text() -> str:
    """A short README for a new case: what to fill first, and the commands that help.

    >>> "casebook relations" in readme_text()
    True
    """
    steps = []
    for step in fill_order():
        if step == METADATA_STEP:
            steps.append(f"`{schema.METADATA_FILE}` and `{ARTICLE_FILE}`: the case's title, "
                         "the period of the article and the focus actor; the article's "
                         "citation and its text, paragraph-numbered")
        else:
            table = schema.TABLES[step]
            extra = " (optional: delete the file to leave it out)" if table.optional else ""
            how = (" (once actors and periods are filled, `casebook relations .` writes a "
                   "row for every pair in every period, to complete)"
                   if step == "relations" else "")
            steps.append(f"`{table.file}`: one row is {table.row_is}{how}{extra}")
    numbered = "\n".join(f"{n}. {s}." for n, s in enumerate(steps, start=1))
    dictionary = regenerate("\n\n".join(f"<!-- generated:{name} -->\n<!-- /generated:{name} -->"
                                        for name in SECTIONS))
    return f"""# A new case

Every table of the course is here with its header row and no rows yet. Fill them in this
order: each table refers only to tables above it, so every id you type already exists.

{numbered}

After each step run `casebook validate .` in this folder: it lists every problem with the
file, row and column, starting with what to fill next, and then says which lessons the case
can run and what each still lacks. The course's data dictionary (`lessons_data/README.md` in
the course repository) says more about each table; the course's own case in `lessons_data/`
is a complete example. To teach with this case, set the environment variable
`CASEBOOK_DATA` to this folder.

## Data dictionary

What every file and column may hold, generated from the course's schema
(`casebook dictionary README.md` in this folder brings it up to date).

{dictionary}
"""


def new_case(folder: str | Path) -> list[str]:
    """Create ``folder`` with every table's header, a commented metadata.toml, a placeholder
    for the numbered article and a README; return the lines to print. Raises NewCaseError,
    writing nothing, if the path exists.

    >>> import tempfile, pathlib
    >>> there = pathlib.Path(tempfile.mkdtemp())
    >>> new_case(there)
    Traceback (most recent call last):
    ...
    casebook.new_case.NewCaseError: ... already exists; casebook new writes only into a new folder, so that nothing there is overwritten: give a name that does not exist yet.
    """  # noqa: E501
    folder = Path(folder).expanduser()
    if folder.exists():
        kind = "folder" if folder.is_dir() else "file"
        raise NewCaseError(f"The {kind} {folder} already exists; casebook new writes only into "
                           "a new folder, so that nothing there is overwritten: give a name "
                           "that does not exist yet.")
    if folder.parent.exists() and not folder.parent.is_dir():
        raise NewCaseError(f"{folder.parent} is a file, not a folder: give a path inside a "
                           "folder.")
    folder.mkdir(parents=True)
    for table in schema.TABLES.values():
        (folder / table.file).write_text(_header(table), encoding="utf-8")
    (folder / schema.METADATA_FILE).write_text(metadata_template(), encoding="utf-8")
    (folder / ARTICLE_FILE).write_text(ARTICLE_TEMPLATE, encoding="utf-8")
    (folder / "README.md").write_text(readme_text(), encoding="utf-8")
    return [f"Started the case folder {folder.name}/: every table of the schema, "
            f"{len(schema.TABLES)} files with their header row; {schema.METADATA_FILE}, "
            f"{ARTICLE_FILE} and README.md.",
            f"Next: read {folder / 'README.md'}, fill sources.csv, then run "
            f"`casebook validate {folder}`."]


# -- guiding validate -----------------------------------------------------------------------

def _step_of(problem: Problem) -> str | None:
    """The fill step a problem belongs to (a table's name or METADATA_STEP), or None."""
    if problem.file == schema.METADATA_FILE:
        return METADATA_STEP
    name = problem.file.removesuffix(".csv")
    if name in schema.TABLES:
        return name
    return METADATA_STEP if problem.file.endswith(".md") else None


def _unfinished(problem: Problem) -> bool:
    """A problem that says a step is not done yet: a table with no rows, or a blank or
    missing key of metadata.toml, or an article with no numbered paragraph."""
    return (problem.found == NO_ROWS
            or (problem.file == schema.METADATA_FILE and problem.value == "")
            or problem.found == "found paragraph numbers none")


def guide(problems: list[Problem]) -> tuple[list[Problem], str | None]:
    """For a case being filled (some table has no rows, or metadata is blank): the problems
    in fill order, and one line saying what to fill next. Otherwise the problems as they are
    and None.

    >>> problems = [Problem("actors.csv", None, None, None, "rows", found=NO_ROWS),
    ...             Problem("sources.csv", None, None, None, "rows", found=NO_ROWS)]
    >>> ordered, step = guide(problems)
    >>> [p.file for p in ordered], step[:33]
    (['sources.csv', 'actors.csv'], 'Next step: fill sources.csv (one ')
    """
    steps = {_step_of(p) for p in problems if _unfinished(p)}
    if not steps:
        return problems, None
    order = {step: n for n, step in enumerate(fill_order())}
    ordered = sorted(problems, key=lambda p: order.get(_step_of(p), len(order)))
    # The earliest step with any problem comes first: blank cells of a skeleton included.
    first = min({_step_of(p) for p in problems} | steps, key=lambda s: order.get(s, len(order)))
    if first not in steps:
        shown = schema.METADATA_FILE if first == METADATA_STEP else f"{first}.csv"
        what = f"complete {shown}, whose problems are listed first"
    elif first == METADATA_STEP:
        what = (f"fill {schema.METADATA_FILE} (the title, the article's citation, the period "
                "of the article and the focus actor) and the numbered article")
    else:
        table = schema.TABLES[first]
        what = (f"fill {table.file} (one row is {table.row_is}; columns "
                f"{', '.join(table.column_names)})")
        if first == "relations":
            what += "; `casebook relations DIR` writes its skeleton"
    later = sorted(steps - {first}, key=lambda s: order.get(s, len(order)))
    return ordered, (f"Next step: {what}. {len(later)} more step(s) to go after it; README.md "
                     "of a folder made by `casebook new` lists them in order.")


# -- relation skeleton ------------------------------------------------------------------------

def _ids(folder: Path, name: str) -> list[str]:
    """The ids of a single-key table, read as text; NewCaseError if they are not usable."""
    table = schema.TABLES[name]
    raw = read_csv_file(folder / table.file, table.file)
    if raw.problems:
        raise NewCaseError(str(raw.problems[0]))
    column = table.key[0]
    if column not in raw.header:
        raise NewCaseError(f"{table.file}, row 1: no column '{column}'; expected the columns "
                           f"{', '.join(table.column_names)}.")
    ids = []
    for row, values in raw.rows.items():
        value = values[column]
        if not ID_PATTERN.match(value):
            raise NewCaseError(str(Problem(table.file, row, column, value,
                                           "an id made of letters, digits, '_', '-' or '.', "
                                           "with no spaces (fill it before the relations)")))
        ids.append(value)
    return ids


def _count(n: int, noun: str) -> str:
    """ "1 row", "3 rows". """
    return f"{n} {noun}{'s' * (n != 1)}"


def _free_backup(path: Path) -> Path:
    """relations.csv.bak, or .bak2, .bak3 ... if earlier backups exist (none is replaced)."""
    backup, n = path.with_name(path.name + ".bak"), 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.bak{n}")
    return backup


def add_relation_rows(folder: str | Path) -> list[str]:
    """Append to relations.csv a row for every pair of actors in every period that has none
    (pairs in the order of actors.csv, periods in the order of periods.csv), with only
    period_id, actor_a and actor_b filled. Existing rows stay as they are, in place; the old
    file is kept as relations.csv.bak. Returns the lines to print.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "c"
    >>> _ = new_case(folder)
    >>> _ = (folder / "actors.csv").write_text("actor_id,name,short_name,x,y,description\\n"
    ...     "A,,,,,\\nB,,,,,\\nC,,,,,\\n")
    >>> _ = (folder / "periods.csv").write_text(
    ...     "period_id,label,start_year,end_year,description,source_id\\np1,,,,,\\n")
    >>> print(add_relation_rows(folder)[0])
    relations.csv: added 3 rows, completing the grid of 3 pairs x 1 period, with sign, strength, basis, event_ids and source_id left blank to fill; kept the 0 existing rows as they were, in place, and the old file as relations.csv.bak.
    """  # noqa: E501
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise NewCaseError(f"{folder}: no such folder; expected a case folder holding "
                           "actors.csv, periods.csv and relations.csv.")
    table = schema.TABLES["relations"]
    rule = next(r for r in table.rules if r.__class__.__name__ == "PairGrid")
    actors, periods = _ids(folder, rule.pair_table), _ids(folder, rule.group_table)
    for name, ids in ((rule.pair_table, actors), (rule.group_table, periods)):
        if len(ids) < (2 if name == rule.pair_table else 1):
            raise NewCaseError(f"{name}.csv has {len(ids)} row(s); expected at least "
                               f"{2 if name == rule.pair_table else 1} before relations can "
                               "be laid out: fill it first.")
    path = folder / table.file
    existing = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    raw = read_csv_file(path, table.file) if existing.strip() else None
    if raw is not None and raw.problems:
        raise NewCaseError(str(raw.problems[0]) + " Fix it before adding rows.")
    header = raw.header if raw is not None else list(table.column_names)
    keys = (rule.group, rule.first, rule.second)
    absent = [k for k in keys if k not in header]
    if absent:
        raise NewCaseError(f"{table.file}, row 1: no column {', '.join(map(repr, absent))}; "
                           f"expected the columns {', '.join(table.column_names)}.")
    present = {(v[rule.group], frozenset((v[rule.first], v[rule.second])))
               for v in (raw.rows.values() if raw is not None else ())}
    new_rows = [{rule.group: p, rule.first: a, rule.second: b}
                for p in periods for i, a in enumerate(actors) for b in actors[i + 1:]
                if (p, frozenset((a, b))) not in present]
    pairs = len(actors) * (len(actors) - 1) // 2
    if not new_rows:
        return [f"{table.file}: every pair of actors already has a row in every period "
                f"({pairs} pairs x {len(periods)} periods); nothing changed."]
    newline = "\r\n" if "\r\n" in existing else "\n"  # as the spreadsheet saved it
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator=newline, restval="")
    if raw is None:
        writer.writeheader()
    writer.writerows(new_rows)
    backup = _free_backup(path)
    if path.exists():
        shutil.copy2(path, backup)
    text = existing if existing.endswith("\n") or not existing else existing + newline
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(text + out.getvalue())
    blank = [c for c in header if c not in keys]
    kept = len(raw.rows) if raw is not None else 0
    return [f"{table.file}: added {_count(len(new_rows), 'row')}, completing the grid of "
            f"{_count(pairs, 'pair')} x {_count(len(periods), 'period')}, with "
            f"{', '.join(blank[:-1])} and {blank[-1]} left blank to fill; kept the {kept} "
            "existing rows as they were, in place"
            + (f", and the old file as {backup.name}." if existing else "."),
            "Next: fill the blank cells, then run `casebook validate` on the folder, which "
            "names each cell still blank."]
