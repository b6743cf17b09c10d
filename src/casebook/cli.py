"""The casebook command: validate the case data, regenerate the stored outputs of the
lessons, check this Python environment.

The loader (and so pandas) and the notebook runner are imported only by the command that
uses them, so that `casebook check` still works, and says what to install, when they are
missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# argparse prints this as it is: plain text, no markup.
DESCRIPTION = ("Validate the course's case data, regenerate its data dictionary and the "
               "stored outputs of the lessons, and check that this Python has the packages "
               "the course was tested with.")


def validate(data_dir: str | None) -> int:
    """Print every problem in the case data and return 1, or a one-line summary and 0; then
    say which lessons the case can run and what each of the others lacks (a case that
    cannot run some lessons is still valid data)."""
    from .loader import load_case
    from .new_case import guide
    from .problems import CaseDataError
    from .requirements import lessons_report

    try:
        case = load_case(data_dir)
    except CaseDataError as error:
        problems, next_step = guide(error.problems)  # a case being filled: what comes next
        if next_step:
            print(next_step, file=sys.stderr)
        print(CaseDataError(error.data_dir, problems).report(), file=sys.stderr)
        print("Lessons: checked once the problems above are fixed.", file=sys.stderr)
        return 1
    for note in case.notes:
        print("note:", note)
    print(case.summary())
    print(lessons_report(case))
    print_text_touched(case)
    return 0


def print_text_touched(case) -> None:
    """After a valid case: which lesson text speaks of rows that changed, when the case is
    the one the course's own lessons were written for."""
    from .text import text_files, text_touched_by_data

    files = text_files()
    if not files or (files[0].parent.parent / "lessons_data").resolve() != case.data_dir:
        return  # another case: the lessons' prose speaks of the course's own case
    touched = text_touched_by_data(case, files)
    if not touched:
        print("Lesson text: agrees with this data.")
        return
    print(f"Lesson text that speaks of what changed ({len(touched)}):")
    for line in touched:
        print(f"  - {line}")
    print("Revise that text where it no longer holds, then run `casebook refresh --stale`, "
          "`casebook text --render` and `casebook text` (the data itself is valid).")


def new(folder: str) -> int:
    """Start a case folder with every table's header, metadata.toml, a place for the
    article and a README; refuse a path that exists."""
    from .new_case import new_case

    return _folder_step(new_case, folder, f"Could not create {folder}")


def relations(folder: str) -> int:
    """Add the missing rows of relations.csv (every pair of actors in every period), blank
    cells to fill, keeping existing rows and a backup."""
    from .new_case import add_relation_rows

    return _folder_step(add_relation_rows, folder, f"Could not write relations.csv in {folder}")


def _folder_step(step, folder: str, failure: str) -> int:
    """Run one step on a case folder: print what it did, or one line saying why not."""
    from .new_case import NewCaseError

    try:
        lines = step(folder)
    except NewCaseError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{failure}: {error.strerror}.", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def refresh(args: argparse.Namespace) -> int:
    """Run each notebook top to bottom in a fresh kernel of this environment and store its
    outputs. A notebook that fails is left as it was and its error printed; another case's
    outputs go to a separate folder unless ``--in-place`` is given."""
    from .refresh import refresh_notebooks

    return refresh_notebooks([Path(p) for p in args.notebooks], args.timeout, data=args.data,
                             out=args.out, in_place=args.in_place, stale=args.stale)


def text(paths: list[str], stamp: bool, render: bool = False) -> int:
    """Check that the lessons' and the instructor notes' text agrees with the case (or, with
    ``stamp``, record the current rows in their rests-on markers); return 0 if all agree."""
    from .loader import load_case
    from .problems import CaseDataError
    from .text import (
        check_notebook,
        check_notes,
        render_all_notes,
        stamp_file,
        text_files,
    )

    try:
        case = load_case()
    except CaseDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    from .glossary import PAGE_NAME, check_page, page_folder, write_page

    files = [Path(p) for p in paths] or text_files()
    lessons = page_folder(files)  # the glossary page sits beside the lessons
    files = [f for f in files if f.name != PAGE_NAME]
    if render:
        folders = sorted({f.parent for f in files if f.suffix == ".md"})
        failures = []
        for folder in folders:
            changed, failed = render_all_notes(folder, case)
            failures += failed
            for page in changed:
                print(f"{page}: written from its template")
        glossary = write_page(lessons, case) if lessons else None
        if glossary:
            print(f"{glossary}: written from {case.data_dir.name}/glossary.csv")
        for failure in failures:
            print(failure, file=sys.stderr)
        return 1 if failures else 0
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"No such file: {', '.join(missing)}. Name lessons (.ipynb) or notes (.md).",
              file=sys.stderr)
        return 1
    if stamp:
        for file in files:
            print(f"{file}: {stamp_file(file, case)} marker(s) stamped")
        return 0
    findings = check_page(lessons, case) if lessons else []
    for file in files:
        findings += check_notebook(file, case) if file.suffix == ".ipynb" else \
            check_notes(file, case)
    for finding in findings:
        print(finding)
    print(f"{len(findings)} disagreement(s) between the text of {len(files)} file(s) and the "
          f"case in {case.data_dir.name}/." if findings else
          f"The text of {len(files)} file(s) agrees with the case in {case.data_dir.name}/.")
    return 1 if findings else 0


def dictionary(path: str | None, check_only: bool) -> int:
    """Rewrite the generated sections of the data dictionary from the schema (or, with
    ``check_only``, say whether they are current); return 0 if all is well."""
    from .dictionary import write_dictionary
    from .loader import find_data_dir

    code, message = write_dictionary(Path(path) if path else find_data_dir() / "README.md",
                                     check=check_only)
    print(message)
    return code


def upgrade(data_dir: str, dry_run: bool) -> int:
    """Rewrite a case folder made for the previous schema into the current one, keeping the
    old files in a backup folder; say what changed, or that nothing had to."""
    from .upgrade import upgrade as upgrade_folder

    code, lines = upgrade_folder(data_dir, dry_run=dry_run)
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


def collect(args: argparse.Namespace) -> int:
    """Read a folder of weightings saved in lesson 06, print the class's summary, and write
    one CSV if asked; 0 when some could be read, 1 when none could."""
    from .collect import Progress
    from .collect import collect as collect_folder
    from .loader import load_case
    from .problems import CaseDataError

    try:
        case = load_case(args.data)
    except CaseDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    return collect_folder(args.folder, case, args.csv, args.force, progress=Progress())


def minutes(args: argparse.Namespace) -> int:
    """Print each ready lesson's counts (words, tables, questions, exercises), its estimated
    minutes and those lessons.csv states; with ``--check``, return 1 if a lesson's stated
    minutes are more than 20% off the estimate."""
    from .loader import load_case
    from .minutes import measure_lessons, minutes_report, ready_lessons
    from .problems import CaseDataError
    from .refresh import find_notebooks

    try:
        case = load_case(args.data)
    except CaseDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    notebooks = find_notebooks()
    if not notebooks:
        print("No notebooks/ folder here or above: run this in the course's folder.",
              file=sys.stderr)
        return 1
    rows = measure_lessons(ready_lessons(case.lessons, notebooks[0].parent))
    print(minutes_report(rows))
    off = [row.number for row in rows if not row.agrees]
    if off and args.check:
        print(f"Off by more than 20%: lesson {', '.join(off)}. Set their minutes in "
              "lessons.csv to the rounded estimate, or tag the cells a student may skim "
              "'skim'.", file=sys.stderr)
        return 1
    return 0


def build(kind: str, out: str | None) -> int:
    """Write student or instructor copies of every ready lesson, or the course site, into a
    build folder; 0 when written, 2 on bad input (nothing written, every problem listed)."""
    if kind == "site":
        from .site import build_site

        return build_site(out=Path(out) if out else None)
    from .build import BuildError, build_course

    try:
        lines = build_course(kind, out)
    except BuildError as error:
        print(f"casebook build {kind}: nothing was written.", file=sys.stderr)
        print("\n".join(error.lines), file=sys.stderr)
        return 2
    except OSError as error:
        print(f"casebook build {kind}: could not write {error.filename}: {error.strerror}.",
              file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def check(with_test_packages: bool) -> int:
    """Print the environment report; return 0 if all is as tested, else 1."""
    from .environment import check_environment

    result = check_environment(("test",) if with_test_packages else (), in_notebook=False)
    print(result.report)
    return 0 if result.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casebook", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    validate_parser = commands.add_parser(
        "validate", help="check the case data and list every problem")
    validate_parser.add_argument(
        "data_dir", nargs="?", default=None,
        help="folder holding metadata.toml (default: lessons_data, or $CASEBOOK_DATA)")
    new_parser = commands.add_parser(
        "new", help="start a new case folder: every table with its header row, a commented "
        "metadata.toml, a place for the article and a README of what to fill first")
    new_parser.add_argument("data_dir", help="the folder to create (it must not exist)")
    relations_parser = commands.add_parser(
        "relations", help="add to relations.csv a row for every pair of actors in every "
        "period that has none, cells left blank to fill (existing rows kept, old file backed "
        "up as relations.csv.bak)")
    relations_parser.add_argument("data_dir", help="the case folder")
    refresh_parser = commands.add_parser(
        "refresh", help="re-run notebooks and store their outputs (the reference that the "
        "tests compare)")
    refresh_parser.add_argument(
        "notebooks", nargs="*", help="notebooks to refresh (default: all in notebooks/)")
    refresh_parser.add_argument(
        "--timeout", type=int, default=600, help="seconds allowed per cell")
    refresh_parser.add_argument(
        "--data", metavar="DIR", default=None,
        help="the case to run the notebooks on (default: $CASEBOOK_DATA, else the "
        "notebooks' own lessons_data)")
    refresh_parser.add_argument(
        "--stale", action="store_true",
        help="rerun only the notebooks whose cells, or the case files they use, changed "
        "since their last refresh")
    where = refresh_parser.add_mutually_exclusive_group()
    where.add_argument(
        "--out", metavar="DIR", default=None,
        help="write the refreshed copies into DIR (default for a case that is not the "
        "notebooks' own: build/<case folder>/notebooks)")
    where.add_argument(
        "--in-place", action="store_true",
        help="overwrite the notebooks themselves even with another case's outputs")
    text_parser = commands.add_parser(
        "text", help="check that the text of the lessons and instructor notes agrees with the "
        "case data (exits 1 if not)")
    text_parser.add_argument(
        "files", nargs="*", help="lessons (.ipynb) or notes (.md) to check (default: all)")
    text_parser.add_argument(
        "--check", action="store_true", help="only check (the default; kept for scripts)")
    text_parser.add_argument(
        "--render", action="store_true",
        help="write the instructor notes from their templates (instructors/source/), and "
        "the glossary page beside the lessons from the case's glossary.csv, with today's data")
    text_parser.add_argument(
        "--stamp", action="store_true",
        help="record the current data rows in the files' rests-on markers, after revising "
        "the text that rests on them")
    dictionary_parser = commands.add_parser(
        "dictionary", help="regenerate the column tables of the data dictionary "
        "(lessons_data/README.md) from the schema")
    dictionary_parser.add_argument(
        "readme", nargs="?", default=None,
        help="the dictionary to rewrite (default: README.md of the case folder)")
    dictionary_parser.add_argument(
        "--check", action="store_true",
        help="change nothing; exit 1 if the dictionary is out of date")
    upgrade_parser = commands.add_parser(
        "upgrade", help="rewrite a case folder made for the previous schema into the current "
        "one (old files kept in a backup folder inside it)")
    upgrade_parser.add_argument("data_dir", help="the case folder to upgrade")
    upgrade_parser.add_argument(
        "--dry-run", action="store_true", help="only say what would change")
    collect_parser = commands.add_parser(
        "collect", help="read a folder of weightings saved in lesson 06: files read and "
        "skipped (and why), each factor's median and spread, the nearest reading of each "
        "(the folder is only read)")
    collect_parser.add_argument("folder", help="the folder holding the students' .json files")
    collect_parser.add_argument(
        "--csv", metavar="FILE", default=None,
        help="also write the class as one CSV to FILE (ending .csv); an existing file is "
        "never replaced without --force")
    collect_parser.add_argument(
        "--force", action="store_true", help="replace FILE of --csv if it exists")
    collect_parser.add_argument(
        "--data", metavar="DIR", default=None,
        help="the case the weightings were made for (default: lessons_data, or "
        "$CASEBOOK_DATA)")
    minutes_parser = commands.add_parser(
        "minutes", help="count each ready lesson's words, tables, questions and exercises, "
        "estimate its minutes and compare them with lessons.csv")
    minutes_parser.add_argument(
        "--check", action="store_true",
        help="exit 1 if a lesson's minutes in lessons.csv are more than 20%% off the estimate")
    minutes_parser.add_argument(
        "--data", metavar="DIR", default=None,
        help="the case whose lessons.csv to read (default: lessons_data, or $CASEBOOK_DATA)")
    build_command = commands.add_parser(
        "build", help="write the course for delivery into a build folder (notebooks/ is never "
        "touched): 'student' copies without the answer blocks, 'instructor' copies opening "
        "with the teaching notes, 'site' a static web site of every ready lesson that works "
        "offline")
    build_command.add_argument("kind", choices=("student", "instructor", "site"),
                               help="what to build")
    build_command.add_argument(
        "--out", metavar="DIR", default=None,
        help="the build folder: new, empty, or a previous build of the same kind (default: "
        "build/<kind> in the course folder)")
    check_parser = commands.add_parser(
        "check", help="say whether this Python has the course's packages at the tested "
        "versions, and how to fix it if not (exits 1 if not)")
    check_parser.add_argument(
        "--test", action="store_true",
        help="also check the packages that the tests need (the 'test' extra)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir)
    if args.command == "new":
        return new(args.data_dir)
    if args.command == "relations":
        return relations(args.data_dir)
    if args.command == "refresh":
        return refresh(args)
    if args.command == "text":
        return text(args.files, args.stamp, args.render)
    if args.command == "dictionary":
        return dictionary(args.readme, args.check)
    if args.command == "upgrade":
        return upgrade(args.data_dir, args.dry_run)
    if args.command == "collect":
        return collect(args)
    if args.command == "minutes":
        return minutes(args)
    if args.command == "build":
        return build(args.kind, args.out)
    return check(args.test)
