"""The ``casebook`` command: validate the case data, regenerate stored notebook outputs,
check the environment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .environment import environment_report
from .loader import load_case
from .problems import CaseDataError


def validate(data_dir: str | None) -> int:
    """Print every problem in the case data and return 1, or a one-line summary and 0."""
    try:
        case = load_case(data_dir)
    except CaseDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for note in case.notes:
        print("note:", note)
    print(case.summary())
    return 0


def refresh(paths: list[str], timeout: int) -> int:
    """Run each notebook top to bottom in a fresh kernel of this environment and store its
    outputs. A notebook that fails is left as it was and its error printed."""
    from .refresh import refresh_notebooks

    return refresh_notebooks([Path(p) for p in paths], timeout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="casebook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the case data and list every problem")
    check.add_argument("data_dir", nargs="?", default=None,
                       help="folder holding metadata.toml (default: lessons_data, or "
                            "$CASEBOOK_DATA)")
    run = commands.add_parser("refresh", help="re-run notebooks and store their outputs "
                              "(the reference that the tests compare)")
    run.add_argument("notebooks", nargs="*", help="notebooks to refresh (default: all in "
                     "notebooks/)")
    run.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    commands.add_parser("check", help="say whether this environment has the course packages")
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.data_dir)
    if args.command == "refresh":
        return refresh(args.notebooks, args.timeout)
    print(environment_report(("test",)))
    return 0
