"""Measure what an instructor adapting the course waits for, in one run.

    python benchmarks/instructor_cycle.py [--workdir DIR]

1. Validate + load of the shipped case against the same for a generated case about ten
   times its size (more actors and periods, a relation for every pair x period, and the
   cited rows - sources, events, claims, votes, evidence, presets - copied under new ids).
   Target: the large case within 5x the shipped one's time.
2. A full `casebook refresh` of every lesson of a copy of the course into a temporary
   output folder (once: it is slow). Its copies then stand in for the course's notebooks.
3. The instructor's cycle after one data edit in that copy: `casebook validate`,
   `casebook refresh --stale` (only the lessons whose declared tables changed), then
   `casebook text --check`. Target (issue 16): under 60 s on a 2-core machine.
Figures are medians of in-process repeats (1) or single whole-command times (2, 3), printed;
nothing is asserted. --workdir keeps the generated case and the course copy for inspection.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from run_benchmarks import median_seconds  # noqa: E402 - this folder is on the path

from casebook import schema  # noqa: E402
from casebook.cli import main as casebook  # noqa: E402

SUFFIX = "_g{}"  # ids of the n-th generated copy of a row: letters, digits and _ are allowed
# Tables whose rows are the case's fixed frame (what a lesson is about): never copied, so
# that the grids built on them (option x factor, preset x factor) stay complete.
FRAME = ("options", "factors", "hypotheses", "lessons", "categories", "actors", "periods",
         "relations")


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_table(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def references(table: schema.Table) -> dict[str, tuple[str, bool]]:
    """Column -> (table it refers to, several ids?) for the REF and REFS columns."""
    return {c.name: (c.table, c.kind == schema.REFS) for c in table.columns
            if c.kind in (schema.REF, schema.REFS) and c.table}


def copied_tables() -> list[str]:
    """Tables copied under new ids: those with an id of their own outside the frame, and
    those keyed by a reference to one of them (their rows follow the copied rows)."""
    own = {n for n, t in schema.TABLES.items()
           if n not in FRAME and len(t.key) == 1 and t.column(t.key[0]).kind == schema.ID}
    followers = {n for n, t in schema.TABLES.items() if n not in FRAME and n not in own
                 and any(references(t).get(k, ("", False))[0] in own for k in t.key)}
    return sorted(own | followers)


def renamed(row: dict[str, str], table: schema.Table, copy: int, copied: set[str]) -> dict:
    """A row's n-th copy: its own id and its references to copied tables get the suffix."""
    suffix = SUFFIX.format(copy)
    new = dict(row)
    for name, (target, several) in references(table).items():
        if target in copied and new.get(name):
            ids = new[name].split(";") if several else [new[name]]
            new[name] = ";".join(i.strip() + suffix for i in ids)
    if len(table.key) == 1 and table.column(table.key[0]).kind == schema.ID:
        new[table.key[0]] += suffix
    return new


def generate_large_case(shipped: Path, target: Path, factor: int = 10) -> dict[str, int]:
    """Write a case about ``factor`` times the rows of ``shipped`` into ``target``; return
    the row count of each table. Actors and periods double, so relations (every pair in
    every period) grow about eightfold; the cited tables are copied until the whole case
    has ``factor`` times the rows."""
    shutil.copytree(shipped, target)
    tables = {n: read_table(target / t.file) for n, t in schema.TABLES.items()
              if (target / t.file).is_file()}
    original = sum(len(rows) for _, rows in tables.values())

    for name in ("actors", "periods"):  # one copy of each: twice the actors and periods
        header, rows = tables[name]
        tables[name] = header, rows + [renamed(r, schema.TABLES[name], 1, set()) for r in rows]
    relations = schema.TABLES["relations"]
    header, rows = tables["relations"]
    coded = {(r["period_id"], frozenset((r["actor_a"], r["actor_b"]))) for r in rows}
    template = dict(rows[0], event_ids="")
    actors = [r["actor_id"] for r in tables["actors"][1]]
    for period in (r["period_id"] for r in tables["periods"][1]):
        for a, b in itertools.combinations(actors, 2):
            if (period, frozenset((a, b))) not in coded:
                rows.append(dict(template, period_id=period, actor_a=a, actor_b=b))
    assert relations.key == ("period_id", "actor_a", "actor_b")

    copied = [n for n in copied_tables() if n in tables]
    fixed = sum(len(rows) for n, (_, rows) in tables.items() if n not in copied)
    per_copy = sum(len(tables[n][1]) for n in copied)
    copies = max(1, -(-(factor * original - fixed) // per_copy))  # ceiling division
    for name in copied:
        header, rows = tables[name]
        tables[name] = header, rows + [renamed(r, schema.TABLES[name], n, set(copied))
                                       for n in range(1, copies) for r in rows]
    for name, (header, rows) in tables.items():
        write_table(target / schema.TABLES[name].file, header, rows)
    return {name: len(rows) for name, (_, rows) in tables.items()}


def validate_quietly(folder: Path) -> int:
    """`casebook validate FOLDER` in this process, its report swallowed."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return casebook(["validate", str(folder)])


def validate_data(folder: Path) -> None:
    """What validate does with the data itself: load and check every table, then check each
    lesson's needs, with the caches of ids and dates emptied first (a new process has none).
    Validate's check of the course's own lesson text is timed in the cycle below."""
    from casebook import dates, load_case, validation
    from casebook.requirements import lessons_report

    dates._parse.cache_clear()
    validation._is_id.cache_clear()
    lessons_report(load_case(folder))


def run(command: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    """Run a casebook command as the instructor would; return (seconds, result)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("CASEBOOK_DATA", None)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "casebook", *command], cwd=cwd, env=env,
                            capture_output=True, text=True)
    return time.perf_counter() - start, result


def failures(result: subprocess.CompletedProcess) -> list[str]:
    """The notebooks a refresh reported as failed, by file name."""
    return [line.split(":")[0].split(" (")[0].rsplit("/", 1)[-1]
            for line in result.stderr.splitlines() if ": a cell failed," in line]


def copy_course(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("notebooks", "lessons_data", "seeds", "instructors"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "pyproject.toml", target / "pyproject.toml")
    return target


def edit_one_event(data: Path) -> str:
    """Reword the title of the events table's middle row, as an instructor fixing a typo."""
    table = schema.TABLES["events"]
    header, rows = read_table(data / table.file)
    row = rows[len(rows) // 2]
    row["title"] = row["title"] + " (reworded)"
    write_table(data / table.file, header, rows)
    return row[table.key[0]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", help="keep the generated folders here (default: a "
                        "temporary folder, removed at the end)")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="casebook-bench-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        measure(work)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def measure(work: Path) -> None:
    shipped = REPO / "lessons_data"
    large = work / "large_case"
    shutil.rmtree(large, ignore_errors=True)
    counts = generate_large_case(shipped, large)
    shipped_rows = sum(len(read_table(shipped / t.file)[1]) for t in schema.TABLES.values()
                       if (shipped / t.file).is_file())
    problems = validate_quietly(large)
    if problems:
        print(f"The generated case in {large} does not validate: run "
              f"`casebook validate {large}`.")
        return
    small_s = median_seconds(lambda: validate_data(shipped), 10)
    large_s = median_seconds(lambda: validate_data(large), 5)
    print(f"validate + load (tables and lesson needs): shipped case ({shipped_rows} rows) "
          f"{small_s * 1000:.0f} ms; "
          f"generated case ({sum(counts.values())} rows, "
          f"{sum(counts.values()) / shipped_rows:.1f}x; {counts['actors']} actors, "
          f"{counts['periods']} periods, {counts['relations']} relations) "
          f"{large_s * 1000:.0f} ms ({large_s / small_s:.1f}x the shipped case's time; "
          "target under 5x)")

    course = work / "course"
    shutil.rmtree(course, ignore_errors=True)
    copy_course(course)
    out = work / "full_refresh"
    seconds, result = run(["refresh", "--out", str(out)], course)
    lessons = len(list((course / "notebooks").glob("*.ipynb")))
    failed = failures(result)
    print(f"full refresh: {lessons} lessons in {seconds:.1f} s (exit {result.returncode}"
          f"{'; a cell failed in ' + ', '.join(failed) if failed else ''})")
    # The full refresh's copies carry the fingerprints that --stale compares.
    for notebook in out.glob("*.ipynb"):
        shutil.copy(notebook, course / "notebooks" / notebook.name)

    event = edit_one_event(course / "lessons_data")
    cycle = []
    for command in (["validate"], ["refresh", "--stale"], ["text", "--check"]):
        if command[0] == "text" and run(["text", "--help"], course)[1].returncode != 0:
            print("cycle: `casebook text` does not exist yet; the cycle is timed without it")
            continue
        seconds, result = run(command, course)
        cycle.append(seconds)
        detail = ""
        if command[0] == "refresh":
            rerun = [line.split(":")[0].split(" (")[0].rsplit("/", 1)[-1]
                     for line in result.stdout.splitlines() if "outputs refreshed" in line]
            detail = f", reran {len(rerun)} of {lessons}: {', '.join(rerun) or 'none'}"
            if failures(result):
                detail += f"; a cell failed in {', '.join(failures(result))}"
        print(f"cycle: casebook {' '.join(command)} {seconds:.1f} s "
              f"(exit {result.returncode}{detail})")
    print(f"cycle after one edited event row ({event}): {sum(cycle):.1f} s in all "
          "(target under 60 s)")


if __name__ == "__main__":
    main()
