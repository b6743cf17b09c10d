"""Problems found in the case data, worded for the person who edits the spreadsheet.

>>> print(Problem("actors.csv", 4, "x", "1.5", "a number from -1 to 1"))
actors.csv, row 4, column 'x': found '1.5'; expected a number from -1 to 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place. ``row`` is the row as a spreadsheet numbers it
    (the header is row 1), or None when the problem concerns the whole file."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str
    found: str | None = None  # overrides "found '<value>'" when the value alone says too little

    def __str__(self) -> str:
        place = [self.file]
        if self.row is not None:
            # A spreadsheet shows rows; a text file such as metadata.toml has lines.
            place.append(f"{'row' if self.file.endswith('.csv') else 'line'} {self.row}")
        if self.column is not None:  # metadata.toml has keys where a table has columns
            noun = "key" if self.file.endswith(".toml") else "column"
            place.append(f"{noun} '{self.column}'")
        if self.found is not None:
            what = self.found
        elif self.value is not None:
            what = "found an empty cell" if self.value == "" else f"found {self.value!r}"
        else:
            what = None
        text = ", ".join(place) + ": "
        text += f"{what}; expected {self.expected}." if what else f"expected {self.expected}."
        return text


class CaseDataError(ValueError):
    """The case data could not be loaded. ``problems`` lists every problem found, not only
    the first, so that one round of editing can fix them all."""

    def __init__(self, data_dir: str, problems: list[Problem]):
        self.data_dir = data_dir
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The case data in {self.data_dir} has {count} {noun}:"]
        lines += [f"  - {p}" for p in self.problems]
        dictionary = Path(self.data_dir) / "README.md"
        lines.append(f"The data dictionary {dictionary} says what each file and column may hold."
                     if dictionary.is_file() else
                     "The course's data dictionary (lessons_data/README.md in the course "
                     "repository) says what each file and column may hold.")
        return "\n".join(lines)

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback: learners see only the report.
        return [self.report()]
