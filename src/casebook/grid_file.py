"""A student's ACH rating grid saved as a small JSON file (lesson 08), on the rules of the
saved weightings (``weights_file.py``).

The format (version 1), one JSON object::

    {
      "kind": "casebook-ach-grid",
      "format_version": 1,
      "name": "Ana's grid",
      "case": "<the case's title, from metadata.toml>",
      "hypotheses": ["<hypothesis id>", ...],
      "ratings": {"<evidence id>": {"<hypothesis id>": "C", ...}, ...},
      "note": ""
    }

- ``kind`` is always ``"casebook-ach-grid"``: anything else is refused as foreign.
- ``ratings`` has one object per item of evidence and, in each, one cell per hypothesis of
  the case. A cell holds a rating code (CC, C, N, I, II) or ``""`` for a cell not rated
  yet; a cell left out is an error. Every item knowable on the article's date must be
  there; the items dated after it (hindsight) may be.
- ``case``, ``hypotheses`` and ``note`` are for people reading the file; loading checks the
  ids in ``ratings`` only.

Loading checks everything and, on any problem, raises ``GridFileError`` listing each one
with the file, the cell (evidence id, hypothesis id) and what was expected; nothing is
changed. Saving never replaces an existing file unless asked with ``overwrite=True``, and
never replaces a file that is not itself a saved grid.

>>> import tempfile, pathlib
>>> from casebook import load_case
>>> from casebook.model.ach import rating_grid
>>> case = load_case()
>>> path = save_grid(pathlib.Path(tempfile.mkdtemp()) / "ana.json", rating_grid(case), "Ana",
...                  case)
>>> load_grid(path, case).equals(rating_grid(case))
True
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .model.ach import NOT_RATED, check_grid, expected_rating, rating_grid
from .saved_files import (
    SavedFileError,
    check_json_name,
    check_replaceable,
    read_text,
    shown,
    write_json,
)
from .schema import RATINGS

KIND = "casebook-ach-grid"
FORMAT_VERSION = 1
WHAT = "a saved grid"  # the kind of file, in the messages


class GridFileError(SavedFileError):
    """A grid file that cannot be read or written; ``problems`` lists each problem as one
    sentence naming the file, the cell and what was expected."""


def grid_document(grid: pd.DataFrame, name: str, case, note: str = "") -> dict:
    """The JSON object a grid file holds (see the module's description), checked first.

    >>> grid = pd.DataFrame({"h1": ["C", ""]}, index=["e1", "e2"])
    >>> grid_document(grid, "Ana", None)["ratings"]
    {'e1': {'h1': 'C'}, 'e2': {'h1': ''}}
    """
    if not isinstance(name, str) or not name.strip():
        raise GridFileError("grid", [f"name is {shown(name)}: expected a name, e.g. "
                                     "\"Ana's grid\""])
    try:
        check_grid(grid)
    except ValueError as error:
        raise GridFileError(name, [str(error)]) from None
    return {
        "kind": KIND, "format_version": FORMAT_VERSION, "name": name.strip(),
        "case": getattr(case, "title", ""),
        "hypotheses": [str(h) for h in grid.columns],
        "ratings": {str(e): {str(h): str(grid.loc[e, h]) for h in grid.columns}
                    for e in grid.index},
        "note": note,
    }


def grid_problems(where: str, data, case) -> list[str]:
    """What is wrong with a parsed grid file for ``case`` (empty when nothing is)."""
    if not isinstance(data, dict):
        return [f"{where}: the file holds {type(data).__name__ if data is not None else 'null'}"
                ", not an object: expected a grid saved by the course"]
    if data.get("kind") != KIND:
        found = f"is {shown(data['kind'])}" if "kind" in data else "is missing"
        return [f"{where}: key 'kind' {found}: expected {KIND!r}; this is not a grid saved "
                "by the course"]
    version = data.get("format_version")
    if isinstance(version, bool) or version != FORMAT_VERSION:
        return [f"{where}: key 'format_version' is {shown(version)}: expected "
                f"{FORMAT_VERSION}"]
    problems = []
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: key 'name' is {shown(name)}: expected a name, e.g. "
                        "\"Ana's grid\"")
    ratings = data.get("ratings")
    if not isinstance(ratings, dict):
        return problems + [f"{where}: key 'ratings' is {shown(ratings)}: expected an object "
                           "with one object of ratings per item of evidence"]
    full = rating_grid(case, known_only=False)
    items, hypotheses = list(full.index), list(full.columns)
    hindsight = set(full.attrs["hindsight"])
    unknown = [e for e in ratings if e not in items]
    saved_for = data.get("case")
    other_case = isinstance(saved_for, str) and saved_for and saved_for != case.title
    # Another case's grid: one sentence, not one per id (two cases may share an id or two).
    if unknown and (len(unknown) == len(ratings) or other_case):
        other = f" (it was saved for {shown(saved_for)})" if other_case else ""
        ids = f"({', '.join(unknown[:3])}{', ...' if len(unknown) > 3 else ''})"
        which = (f"none of its evidence ids {ids} belongs" if len(unknown) == len(ratings)
                 else f"{len(unknown)} of its {len(ratings)} evidence ids {ids} do not belong")
        return problems + [f"{where}: {which} to the case "
                           f"{case.title!r}{other}: expected a grid saved for this case"]
    problems += [f"{where}: evidence {e!r} is not an item of evidence of this case: expected "
                 f"one of {', '.join(items)}" for e in unknown]
    problems += [f"{where}: no ratings for evidence {e!r}: expected a cell for each "
                 f"hypothesis ({', '.join(hypotheses)})"
                 for e in items if e not in ratings and e not in hindsight]
    for item in (e for e in items if e in ratings):
        cells = ratings[item]
        if not isinstance(cells, dict):
            problems.append(f"{where}: evidence {item!r} holds {shown(cells)}: expected an "
                            "object with one rating per hypothesis")
            continue
        problems += [f"{where}: cell ({item}, {h}) is missing: expected {expected_rating()}"
                     for h in hypotheses if h not in cells]
        problems += [f"{where}: cell ({item}, {h}): {h!r} is not a hypothesis of this case: "
                     f"expected one of {', '.join(hypotheses)}" for h in cells
                     if h not in hypotheses]
        problems += [f"{where}: cell ({item}, {h}) is {shown(cells[h])}: expected "
                     f"{expected_rating()}" for h in hypotheses
                     if h in cells and cells[h] not in (*RATINGS, NOT_RATED)]
    return problems


def load_grid(path: Path | str, case) -> pd.DataFrame:
    """Read a grid file saved for ``case`` as a grid (``model.ach``: the items knowable on
    the article's date, then the hindsight items the file holds, with the same ``attrs``),
    or raise ``GridFileError`` listing every problem (nothing is changed either way)."""
    path = Path(path)
    text = read_text(path, GridFileError, WHAT)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise GridFileError(path, [f"{path.name}: not JSON (line {error.lineno}, column "
                                   f"{error.colno}: {error.msg}): expected a saved "
                                   "grid"]) from None
    problems = grid_problems(path.name, data, case)
    if problems:
        raise GridFileError(path, problems)
    full = rating_grid(case, known_only=False)
    rows = [e for e in full.index if e in data["ratings"]]
    grid = pd.DataFrame([[data["ratings"][e][h] for h in full.columns] for e in rows],
                        index=pd.Index(rows, name=full.index.name), columns=full.columns)
    grid.attrs = {**full.attrs, "hindsight": [e for e in full.attrs["hindsight"] if e in rows]}
    return grid


def save_grid(path: Path | str, grid: pd.DataFrame, name: str, case, note: str = "",
              overwrite: bool = False) -> Path:
    """Write a grid file and return its path. An existing file is replaced only with
    ``overwrite=True``, and only if it is itself a saved grid; the file is written whole or
    not at all."""
    path = Path(path)
    check_json_name(path, GridFileError)
    document = grid_document(grid, name, case, note)
    problems = grid_problems(path.name, document, case)
    if problems:  # never save a file that would not load
        raise GridFileError(path, problems)
    check_replaceable(path, KIND, overwrite, GridFileError, WHAT)
    return write_json(path, document, ".grid-", GridFileError)
