"""A learner's weighting saved as a small JSON file, to hand in for the seminar (lesson 10).

The format (version 1), one JSON object::

    {
      "kind": "casebook-weights",
      "format_version": 1,
      "name": "Ana's reading",
      "method": "sliders",
      "case": "<the case's title, from metadata.toml>",
      "scale": "0 to 10 per factor; only the ratios count",
      "weights": {"<factor id>": 7, "<another factor id>": 9, ...},
      "shares": {"<factor id>": 0.16, ...},
      "note": ""
    }

- ``kind`` is always ``"casebook-weights"``: a file without it (a notebook, another
  program's JSON) is recognised as foreign and refused.
- ``format_version`` is 1. A later version of the course may add keys; it will raise the
  version when old readers could misread a file.
- ``name``: who or what the weighting is (shown in the seminar's side-by-side table).
- ``method``: how it was made: ``sliders``, ``pairwise`` (AHP judgements) or
  ``preset:<preset_id>``.
- ``weights``: one number from 0 to 10 for every factor id of the case, at least one above 0.
  Loading puts these on the sliders, with ``name`` and ``method``.
- ``note`` (optional text) is kept when read. ``case``, ``scale`` and ``shares`` (the
  normalised weights) are for people reading the file; loading ignores them, so a file
  whose shares were edited by hand still loads the weights it holds.

Loading checks everything and, on any problem, raises ``WeightsFileError`` listing each one
with the file, the key, the value and what was expected; nothing is changed. Saving never
replaces an existing file unless asked with ``overwrite=True``, and never replaces a file
that is not itself a saved-weights file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = save_weights(folder / "ana.json", {"a": 3, "b": 1}, "Ana", ["a", "b"])
>>> load_weights(path, ["a", "b"]).weights.to_dict()
{'a': 3.0, 'b': 1.0}
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .saved_files import (
    SavedFileError,
    check_json_name,
    check_replaceable,
    read_text,
    shown,
    write_json,
)

KIND = "casebook-weights"
FORMAT_VERSION = 1
WEIGHT_MAX = 10
SCALE_NOTE = f"0 to {WEIGHT_MAX} per factor; only the ratios count"
METHODS = ("sliders", "pairwise")  # or "preset:<preset_id>"
WHAT = "a saved-weights file"  # the kind of file, in the messages


class WeightsFileError(SavedFileError):
    """A saved-weights file that cannot be read or written; ``problems`` lists each problem
    as one sentence naming the file, the key, the value and what was expected."""


@dataclass(frozen=True)
class SavedWeights:
    """A weighting read from a file."""

    path: Path
    name: str
    method: str
    weights: pd.Series  # factor_id -> weight (0-10), in the case's factor order
    note: str = ""


def _is_number(value) -> bool:
    return (isinstance(value, numbers.Real) and not isinstance(value, bool)
            and not math.isnan(value) and not math.isinf(value))


def weight_problems(where: str, weights, factors: list[str]) -> list[str]:
    """What is wrong with a ``weights`` mapping for these factors (empty when nothing is).

    >>> weight_problems("f.json", {"a": -1, "c": 2}, ["a", "b"])  # doctest: +NORMALIZE_WHITESPACE
    ["f.json: key 'weights' has no 'b': expected one weight for every factor (a, b)",
     "f.json: key 'weights' has 'c', which is not a factor of this case: expected only a, b",
     "f.json: key 'weights.a' is -1: expected a number from 0 to 10"]
    """
    if not isinstance(weights, Mapping):
        return [f"{where}: key 'weights' is {shown(weights)}: expected an object with one "
                "number per factor"]
    problems = [f"{where}: key 'weights' has no {f!r}: expected one weight for every factor "
                f"({', '.join(factors)})" for f in factors if f not in weights]
    problems += [f"{where}: key 'weights' has {str(k)!r}, which is not a factor of this case: "
                 f"expected only {', '.join(factors)}" for k in weights if k not in factors]
    for factor in factors:
        if factor in weights:
            value = weights[factor]
            if not _is_number(value) or not 0 <= value <= WEIGHT_MAX:
                problems.append(f"{where}: key 'weights.{factor}' is {shown(value)}: expected a "
                                f"number from 0 to {WEIGHT_MAX}")
    if not problems and all(weights[f] == 0 for f in factors):
        problems.append(f"{where}: every weight in 'weights' is 0: expected at least one "
                        "above 0")
    return problems


def read_weights_text(text: str, where: str, factors: list[str]) -> tuple[dict, list[str]]:
    """The parsed file and its problems (empty when it is a good saved-weights file)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return {}, [f"{where}: not JSON (line {error.lineno}, column {error.colno}: "
                    f"{error.msg}): expected a saved-weights file"]
    if not isinstance(data, dict):
        return {}, [f"{where}: the file holds {type(data).__name__ if data is not None else 'null'}"
                    ", not an object: expected a saved-weights file"]
    if data.get("kind") != KIND:
        found = f"is {shown(data['kind'])}" if "kind" in data else "is missing"
        return data, [f"{where}: key 'kind' {found}: expected {KIND!r}; this is not a "
                      "weights file saved by the course"]
    version = data.get("format_version")
    if isinstance(version, bool) or version != FORMAT_VERSION:  # true == 1 in Python
        newer = " (saved by a newer version of the course?)" if _is_number(version) and (
            version > FORMAT_VERSION) else ""
        return data, [f"{where}: key 'format_version' is {shown(version)}: expected "
                      f"{FORMAT_VERSION}{newer}"]
    problems = []
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: key 'name' is {shown(name)}: expected a name, e.g. "
                        "\"Ana's reading\"")
    method = data.get("method", "sliders")
    if not isinstance(method, str) or not (method in METHODS or method.startswith("preset:")):
        problems.append(f"{where}: key 'method' is {shown(method)}: expected one of "
                        f"{', '.join(METHODS)} or preset:<preset id>")
    problems += weight_problems(where, data.get("weights"), factors)
    return data, problems


def load_weights(path: Path | str, factors: Iterable[str]) -> SavedWeights:
    """Read a saved-weights file for a case with these factor ids, or raise
    ``WeightsFileError`` listing every problem (nothing is changed either way)."""
    path, factors = Path(path), list(factors)
    text = read_text(path, WeightsFileError, WHAT)
    data, problems = read_weights_text(text, path.name, factors)
    if problems:
        raise WeightsFileError(path, problems)
    weights = pd.Series({f: float(data["weights"][f]) for f in factors}, name="weight")
    note = data.get("note") if isinstance(data.get("note"), str) else ""
    return SavedWeights(path, data["name"].strip(), data.get("method", "sliders"), weights,
                        note)


def weights_document(weights: Mapping | pd.Series, name: str, factors: Iterable[str],
                     method: str = "sliders", case_title: str = "", note: str = "") -> dict:
    """The JSON object a file holds (see the module's description), checked first.

    >>> weights_document({"a": 3, "b": 1}, "Ana", ["a", "b"])["shares"]
    {'a': 0.75, 'b': 0.25}
    """
    factors = list(factors)
    values = dict(weights.items())
    problems = weight_problems("weights", values, factors)
    if not isinstance(name, str) or not name.strip():
        problems.append(f"name is {shown(name)}: expected a name, e.g. \"Ana's reading\"")
    if problems:
        raise WeightsFileError(Path(name if isinstance(name, str) and name else "weights"),
                               problems)
    total = sum(float(values[f]) for f in factors)
    return {
        "kind": KIND, "format_version": FORMAT_VERSION, "name": name.strip(),
        "method": method, "case": case_title, "scale": SCALE_NOTE,
        "weights": {f: _plain(values[f]) for f in factors},
        "shares": {f: round(float(values[f]) / total, 4) for f in factors},
        "note": note,
    }


def _plain(value) -> int | float:
    """7.0 as 7, 7.5 as 7.5: what a person would write in the file."""
    value = float(value)
    return int(value) if value.is_integer() else value


def save_weights(path: Path | str, weights: Mapping | pd.Series, name: str,
                 factors: Iterable[str], method: str = "sliders", case_title: str = "",
                 note: str = "", overwrite: bool = False) -> Path:
    """Write a saved-weights file and return its path. An existing file is replaced only with
    ``overwrite=True``, and only if it is itself a saved-weights file; the file is written
    whole or not at all."""
    path = Path(path)
    check_json_name(path, WeightsFileError)
    document = weights_document(weights, name, factors, method, case_title, note)
    check_replaceable(path, KIND, overwrite, WeightsFileError, WHAT)
    return write_json(path, document, ".weights-", WeightsFileError)


@dataclass(frozen=True)
class FolderOfWeights:
    """Every saved-weights file of a folder: those read, and a problem line for each other."""

    loaded: list[SavedWeights]
    problems: list[str]

    def table(self, factor_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
        """The weightings side by side: one row per file, the shares of each factor in %."""
        rows = {}
        for saved in self.loaded:
            shares = saved.weights / saved.weights.sum() * 100
            rows[f"{saved.name} ({saved.path.name})"] = shares.round(1)
        table = pd.DataFrame.from_dict(rows, orient="index")
        if factor_labels:
            table = table.rename(columns=dict(factor_labels))
        table.index.name = "weighting (file)"
        return table


def load_folder(folder: Path | str, factors: Iterable[str]) -> FolderOfWeights:
    """Read every ``*.json`` file of ``folder`` (sorted by name); a bad file does not stop
    the others, it gets its problems listed by name.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = save_weights(folder / "a.json", {"x": 1}, "A", ["x"])
    >>> _ = (folder / "b.json").write_text("{}")
    >>> found = load_folder(folder, ["x"])
    >>> [s.name for s in found.loaded], found.problems  # doctest: +NORMALIZE_WHITESPACE
    (['A'], ["b.json: key 'kind' is missing: expected 'casebook-weights'; this is not a
    weights file saved by the course"])
    """
    folder, factors = Path(folder), list(factors)
    if not folder.is_dir():
        return FolderOfWeights([], [f"{folder}: no such folder"])
    loaded, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            loaded.append(load_weights(path, factors))
        except WeightsFileError as error:
            problems.extend(error.problems)
    return FolderOfWeights(loaded, problems)
