"""`casebook collect DIR`: read a class's saved weightings from a terminal (lesson 10).

Prints what was read, what was skipped and why, each factor's median and spread, and the
reading each weighting is nearest; ``--csv FILE`` writes the class as one CSV. The folder
is only read: a CSV goes where it is asked to go (inside the folder only if the path given
is), never over an existing file unless ``force`` is given.

>>> import tempfile, pathlib
>>> from casebook import load_case
>>> case = load_case()
>>> out = pathlib.Path(tempfile.mkdtemp()) / "class.csv"
>>> lines = []
>>> collect(case.data_dir / "class_demo", case, out, echo=lines.append)
0
>>> lines[0].startswith("Read 24 weightings")
True
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .model import seminar
from .saved_files import write_whole

PROGRESS_AFTER = 1.0  # seconds of reading before a progress line is shown


class Progress:
    """Reports ``done of total`` on stderr once reading has taken more than
    ``PROGRESS_AFTER`` seconds, at most twice a second, and says when it is done."""

    def __init__(self, stream=None, clock: Callable[[], float] = time.monotonic):
        self.stream = stream or sys.stderr
        self.clock = clock
        self.start = clock()
        self.last = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.start <= PROGRESS_AFTER:
            return
        if self.last is None or now - self.last >= 0.5 or done == total:
            self.last = now
            end = "\n" if done == total else ""
            print(f"\rReading the folder: {done} of {total} files", end=end, file=self.stream,
                  flush=True)


def class_table(read: seminar.ClassFiles, case) -> pd.DataFrame:
    """The class as one table (the CSV): per file its name, method, shares (in the case's
    factor order, by factor id), the nearest reading and distance, its group, and the
    observations it explains."""
    weightings = read.weightings
    nearest = seminar.nearest_readings(weightings, case)
    grouped = seminar.groups(weightings, case)
    fit = seminar.class_fit(weightings, case)
    table = weightings.copy()
    table[read.factors] = table[read.factors].round(4)
    table["nearest_reading"] = nearest["preset_id"]
    table["distance"] = nearest["distance"].round(4)
    table["group"] = grouped["group"]
    table["explained"] = fit["explained"]
    table["of"] = fit["of"]
    return table


def summary(read: seminar.ClassFiles, case) -> list[str]:
    """The lines ``collect`` prints, from the same numbers as the lesson's tables."""
    weightings = read.weightings
    lines = [f"Read {len(weightings)} weighting{'s' * (len(weightings) != 1)} from "
             f"{read.folder}; skipped {len(read.skipped)}."]
    if read.problem:
        lines.append(read.problem + ".")
    if len(read.skipped):
        lines.append("Skipped (the files are left as they are):")
        lines += [f"  - {row.file}: {row.reason}" for row in read.skipped.itertuples()]
    if not len(weightings):
        return lines
    spread = seminar.factor_spread(weightings, case)
    lines.append("Each factor's share across the class (median; middle half; verdict; the "
                 "article's share):")
    width = max(len(label) for label in spread["label"])
    for row in spread.itertuples():
        lines.append(f"  {row.label:<{width}}  median {row.median * 100:5.1f}%  middle half "
                     f"{row.q1 * 100:5.1f}% to {row.q3 * 100:5.1f}%  {row.verdict:<6}  "
                     f"article {row.article * 100:5.1f}%")
    lines.append(f"Split rule: {seminar.split_rule(len(read.factors))}")
    nearest = seminar.nearest_readings(weightings, case)
    lines.append("Nearest reading of each weighting (distance between shares):")
    width = max(len(f) for f in nearest.index)
    lines += [f"  {file:<{width}}  {row['name']}: {row['reading']} ({row['distance']:.3f})"
              for file, row in nearest.iterrows()]
    return lines


def write_csv(table: pd.DataFrame, path: Path, force: bool = False) -> str | None:
    """Write ``table`` to ``path`` whole or not at all; return a problem sentence instead of
    writing when the name does not end .csv or the file exists and ``force`` is not given."""
    if path.suffix.lower() != ".csv":
        return f"{path}: expected a file name ending .csv; nothing written"
    if path.is_dir():
        return f"{path} is a folder: expected a file name ending .csv; nothing written"
    if path.exists() and not force:
        return (f"{path} exists already: nothing written; choose another name, or add "
                "--force to replace it")
    if not path.parent.is_dir():
        return f"{path.parent} does not exist: create it first; nothing written"
    try:
        write_whole(path, table.to_csv, ".collect-", newline="")
    except OSError as error:
        return f"{path}: cannot be written ({error.strerror or error}); nothing written"
    return None


def collect(folder: Path | str, case, csv: Path | str | None = None, force: bool = False,
            echo: Callable[[str], None] = print, progress=None) -> int:
    """Read ``folder`` as a class, print the summary, write the CSV if asked. Return 0 when
    at least one weighting was read (even if files were skipped), 1 when none could be or
    the CSV could not be written."""
    read = seminar.read_class(folder, case, progress=progress)
    for line in summary(read, case):
        echo(line)
    if not len(read.weightings):
        echo("Nothing could be read: no CSV written." if csv else "Nothing could be read.")
        return 1
    if csv is not None:
        problem = write_csv(class_table(read, case), Path(csv), force)
        if problem:
            echo(problem)
            return 1
        echo(f"Wrote {len(read.weightings)} rows to {csv}.")
    return 0
