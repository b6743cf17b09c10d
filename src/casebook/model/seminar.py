"""The class's weightings side by side (lesson 10, the seminar).

Each student hands in the weighting they saved in lesson 06 (a small JSON file, see
``casebook.weights_file``); the instructor puts the files in one folder. This module reads
that folder and answers, from the same numbers: how each factor's share is spread across the
class and whether the class agrees or splits on it; which groups of similar weightings the
class falls into; which scholar's reading (preset) each weighting is nearest; how many of
the observations known on the article's date each weighting explains (lesson 06's model);
and the class's average weighting against the article's.

Every weighting is compared as *shares* (weights divided by their sum), because only the
ratios of the weights count in the model.

Reading a folder never changes it, and a file that cannot be read never stops the others:
it is listed once, by name, with the reason (the wording of ``casebook.weights_file``).

>>> import tempfile, pathlib
>>> from casebook.weights_file import save_weights
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = save_weights(folder / "a.json", {"x": 3, "y": 1}, "Ann", ["x", "y"])
>>> _ = (folder / "b.json").write_text("{oops")
>>> class_files = read_folder(folder, ["x", "y"])
>>> class_files.weightings.to_dict("index")
{'a.json': {'name': 'Ann', 'method': 'sliders', 'x': 0.75, 'y': 0.25}}
>>> for row in class_files.skipped.itertuples():
...     print(row.file, "|", row.reason[:40])
b.json | not JSON (line 1, column 2: Expecting pr
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..weights_file import WeightsFileError, load_weights
from . import weights as model

# The folder of an invented demo class inside a case folder (optional; documented in the
# data dictionary, lessons_data/README.md, "A demo class").
DEMO_FOLDER = "class_demo"
# Passed over without a word: hidden files (".DS_Store", "._x.json", ".ipynb_checkpoints")
# and a README explaining the folder. Everything else that is not a weighting is listed.
README_NAMES = ("readme", "readme.md", "readme.txt")

QUARTILE_METHOD = "linear"  # pandas' default (Hyndman and Fan's type 7)
MIN_FOR_VERDICT = 4  # fewer weightings than this: quartiles say too little to call a split
SPLIT_RULE = (
    "The class splits on a factor when the middle half of the class (from the lower to the "
    "upper quartile of that factor's share) is at least as wide as an equal share, i.e. 1 "
    "divided by the number of factors (with five factors, 20 percentage points): the "
    "students in the middle of the class then differ on it by as much as an equal weighting "
    "gives any factor. Otherwise the class agrees on it. The interquartile range is used "
    "because one or two students far off cannot make it large. With fewer than "
    f"{MIN_FOR_VERDICT} weightings no verdict is given.")

GROUPS_METHOD = (
    "Groups are found by hierarchical agglomerative clustering with average linkage (UPGMA): "
    "each weighting starts as a group of its own, and the two groups whose weightings are, "
    "on average, closest are joined, again and again, where the distance between two "
    "weightings is the Euclidean distance between their vectors of shares (so a student who "
    "moved ten points of share from one factor to another is about 0.14 away). The number of "
    "groups is the one, from 2 to 6 (and fewer than the number of weightings), with the "
    "highest average silhouette width (Rousseeuw 1987), which is high when each weighting is "
    "much closer to its own group than to the next; when even the best is below 0.25, "
    "Kaufman and Rousseeuw's threshold for 'no substantial structure', the class is one "
    "group. Ties are broken by the order of the files, so the same folder always gives the "
    "same groups.")
MAX_GROUPS = 6
MIN_SILHOUETTE = 0.25
AGREES, SPLITS, TOO_FEW = "agrees", "splits", "too few to tell"


@dataclass(frozen=True)
class ClassFiles:
    """A folder of saved weightings as read: ``weightings`` (indexed by file name: ``name``,
    ``method``, then one column of shares per factor id in the case's order, each row
    summing to 1), ``skipped`` (``file``, ``reason``: each file that was not counted, once)
    and ``problem``: a sentence when the folder itself gave nothing (no such folder, no
    files), else None."""

    folder: Path
    weightings: pd.DataFrame
    skipped: pd.DataFrame
    problem: str | None = None

    @property
    def factors(self) -> list[str]:
        return [c for c in self.weightings.columns if c not in ("name", "method")]

    def shares(self) -> pd.DataFrame:
        """The shares alone (files x factor ids), as floats."""
        return self.weightings[self.factors].astype(float)


def _ignored(path: Path) -> bool:
    return path.name.startswith(".") or path.name.lower() in README_NAMES


def _reason(name: str, problems: list[str]) -> str:
    """The problems of one file as one reason, without repeating the file's name.

    >>> _reason("a.json", ["a.json: key 'x' is 1", "a.json: key 'y' is 2"])
    "key 'x' is 1; key 'y' is 2"
    """
    return "; ".join(p.removeprefix(f"{name}: ") for p in problems)


def _saved_for(path: Path) -> str | None:
    """The case title a refused file says it was saved for (for a clearer reason), if any."""
    try:
        title = json.loads(path.read_text(encoding="utf-8")).get("case")
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return None
    return title.strip() if isinstance(title, str) and title.strip() else None


def _person(name: str) -> str:
    """A name as compared for duplicates: case and spacing do not count.

    >>> _person("  Ana   Lopez "), _person("ANA LOPEZ")
    ('ana lopez', 'ana lopez')
    """
    return " ".join(name.split()).casefold()


def read_folder(folder: Path | str, factors: Iterable[str], case_title: str | None = None,
                progress: Callable[[int, int], None] | None = None) -> ClassFiles:
    """Read every file of ``folder`` (sorted by name) as a saved weighting for these factor
    ids; ``read_class`` does it for a loaded case. Skipped, each once with the reason: a file
    that is not ``.json``, not JSON, not a saved-weights file, with missing, unknown,
    negative or out-of-range weights (another case's factors say so), and duplicates: a
    second file with the same name in it (the same student twice; the first file by name
    is counted) or the same name and the same shares (the same file twice). Hidden files,
    sub-folders and a README are passed over. ``progress(done, total)`` is called after
    each file. Nothing in the folder is changed."""
    folder, factors = Path(folder), list(factors)
    columns = ["name", "method", *factors]
    empty = pd.DataFrame(columns=columns, index=pd.Index([], name="file"))
    skipped: list[dict] = []

    def result(rows: dict, problem: str | None = None) -> ClassFiles:
        table = pd.DataFrame.from_dict(rows, orient="index", columns=columns) if rows else empty
        table.index.name = "file"
        table[factors] = table[factors].astype(float)
        return ClassFiles(folder, table, pd.DataFrame(skipped, columns=["file", "reason"]),
                          problem)

    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        return result({}, f"{folder} {what}: expected the folder of saved weightings")
    paths = [p for p in sorted(folder.iterdir()) if not _ignored(p) and not p.is_dir()]
    rows: dict[str, dict] = {}
    first_by_person: dict[str, str] = {}
    for done, path in enumerate(paths, start=1):
        reason = _read_one(path, factors, case_title, rows, first_by_person)
        if reason:
            skipped.append({"file": path.name, "reason": reason})
        if progress is not None:
            progress(done, len(paths))
    problem = None
    if not paths:
        problem = (f"{folder} holds no files: expected the weightings saved in lesson 06 "
                   "(.json files)")
    elif not rows:
        problem = f"none of the {len(paths)} files in {folder} could be read as a weighting"
    return result(rows, problem)


def _read_one(path: Path, factors: list[str], case_title: str | None, rows: dict,
              first_by_person: dict) -> str | None:
    """Read one file into ``rows``; return why it was skipped, or None."""
    if path.suffix.lower() != ".json":
        ending = f"ends {path.suffix}" if path.suffix else "has no extension"
        return (f"not a saved weighting: the file name {ending}, expected a .json file saved "
                "in lesson 06")
    try:
        saved = load_weights(path, factors)
    except WeightsFileError as error:
        reason = _reason(path.name, error.problems)
        title = _saved_for(path)
        if title and case_title and title != case_title and "not a factor of this case" in reason:
            reason = f"saved for another case ({title}): {reason}"
        return reason
    shares = (saved.weights / saved.weights.sum()).round(12)
    person = _person(saved.name)
    if person in first_by_person:
        first = first_by_person[person]
        if np.allclose([rows[first][f] for f in factors], shares.to_list(), atol=1e-9):
            return f"the same weighting as {first} (same name and shares): counted once"
        return (f"a second weighting named {saved.name!r}, after {first}, which is counted: "
                "one weighting per person; if these are two people, give one file another "
                "name in its 'name' key")
    first_by_person[person] = path.name
    rows[path.name] = {"name": saved.name, "method": saved.method, **shares.to_dict()}
    return None


def read_class(folder: Path | str, case,
               progress: Callable[[int, int], None] | None = None) -> ClassFiles:
    """``read_folder`` for a loaded case: its factor ids in its order, and its title to say
    when a refused file was saved for another case.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> found = read_class(demo_folder(case), case)
    >>> bool((found.shares().sum(axis=1).round(9) == 1).all()), found.problem
    (True, None)
    """
    return read_folder(folder, case.factors.index, case.title, progress)


def demo_folder(case) -> Path | None:
    """The case's demo class (``class_demo/`` inside the case folder), or None if it has none.

    >>> from casebook import load_case
    >>> demo_folder(load_case()).name
    'class_demo'
    """
    folder = Path(case.data_dir) / DEMO_FOLDER
    return folder if folder.is_dir() else None


def _shares(weightings: pd.DataFrame, case) -> pd.DataFrame:
    return weightings[list(case.factors.index)].astype(float)


def preset_shares(case) -> pd.DataFrame:
    """Each preset's weights as shares (presets x factor ids)."""
    matrix = case.weight_matrix()
    return matrix.div(matrix.sum(axis=1), axis=0)


def article_shares(case) -> pd.Series:
    """The article's reading (the preset whose source is the article) as shares."""
    return preset_shares(case).loc[model.article_preset(case.presets, case.article.source_id)]


# -- each factor's spread ----------------------------------------------------------------------

def split_threshold(factor_count: int) -> float:
    """The interquartile range (as a share) from which the class splits on a factor: an
    equal share.

    >>> round(split_threshold(7), 4)
    0.1429
    """
    return 1 / factor_count


def split_rule(factor_count: int) -> str:
    """``SPLIT_RULE`` with the threshold of a case with ``factor_count`` factors.

    >>> split_rule(4).endswith("Here, with 4 factors, the threshold is 25.0 points of share.")
    True
    """
    return (f"{SPLIT_RULE} Here, with {factor_count} factors, the threshold is "
            f"{split_threshold(factor_count) * 100:.1f} points of share.")


def spread_of_shares(shares: pd.DataFrame, labels: pd.Series,
                     article: pd.Series) -> pd.DataFrame:
    """Per factor (rows in ``shares``' column order): label, median, lower and upper
    quartile, interquartile range, min, max, the article's share (all as shares) and the
    verdict by ``SPLIT_RULE``.

    >>> shares = pd.DataFrame({"a": [0.5, 0.6, 0.4, 0.5], "b": [0.5, 0.4, 0.6, 0.5],
    ...                        "c": [0.0, 0.0, 0.0, 0.0]})
    >>> table = spread_of_shares(shares, pd.Series({"a": "A", "b": "B", "c": "C"}),
    ...                          pd.Series({"a": 0.2, "b": 0.3, "c": 0.5}))
    >>> table[["median", "iqr", "verdict"]].to_dict("list")
    {'median': [0.5, 0.5, 0.0], 'iqr': [0.05, 0.05, 0.0], 'verdict': ['agrees', 'agrees', 'agrees']}
    """
    q1 = shares.quantile(0.25, interpolation=QUARTILE_METHOD)
    q3 = shares.quantile(0.75, interpolation=QUARTILE_METHOD)
    iqr = (q3 - q1).round(12)
    threshold = split_threshold(len(shares.columns))
    if len(shares) < MIN_FOR_VERDICT:
        verdict = pd.Series(TOO_FEW, index=shares.columns)
    else:
        verdict = pd.Series(np.where(iqr >= threshold - 1e-12, SPLITS, AGREES),
                            index=shares.columns)
    return pd.DataFrame({
        "label": labels.reindex(shares.columns).to_list(),
        "median": shares.median().round(12).to_list(),
        "q1": q1.round(12).to_list(),
        "q3": q3.round(12).to_list(),
        "iqr": iqr.to_list(),
        "min": shares.min().to_list(),
        "max": shares.max().to_list(),
        "article": article.reindex(shares.columns).to_list(),
        "verdict": verdict.to_list(),
    }, index=pd.Index(shares.columns, name="factor_id"))


def factor_spread(weightings: pd.DataFrame, case) -> pd.DataFrame:
    """Each factor's share across the class (see ``spread_of_shares``) for a loaded case,
    with the factors' short labels and the article's reading. The class splits on a factor
    when its interquartile range is at least an equal share (``SPLIT_RULE``)."""
    return spread_of_shares(_shares(weightings, case), case.factors["short_label"],
                            article_shares(case))


def describe_spread(spread: pd.DataFrame) -> str:
    """The spread in words: where the class splits and agrees, the widest and narrowest.

    >>> spread = pd.DataFrame({"label": ["A", "B"], "median": [0.6, 0.4], "iqr": [0.3, 0.02],
    ...     "article": [0.5, 0.5], "verdict": ["splits", "agrees"]}, index=["a", "b"])
    >>> print(describe_spread(spread))  # doctest: +NORMALIZE_WHITESPACE
    The class splits on A (the middle half of the class spans 30.0 points of share) and
    agrees on B.
    """
    splits = spread[spread["verdict"] == SPLITS]
    agrees = spread[spread["verdict"] == AGREES]
    if not len(splits) and not len(agrees):
        return "Too few weightings to say where the class agrees or splits."
    parts = []
    if len(splits):
        named = [f"{row.label} (the middle half of the class spans {row.iqr * 100:.1f} points "
                 "of share)" for row in splits.sort_values("iqr", ascending=False).itertuples()]
        parts.append("splits on " + model._label_list(named))
    else:
        parts.append("splits on no factor")
    if len(agrees):
        parts.append("agrees on " + model._label_list(agrees["label"].to_list()))
    return "The class " + " and ".join(parts) + "."


# -- groups ------------------------------------------------------------------------------------

def distances(points: np.ndarray) -> np.ndarray:
    """The Euclidean distance between every two rows.

    >>> distances(np.array([[0.0, 1.0], [1.0, 0.0]])).round(4).tolist()
    [[0.0, 1.4142], [1.4142, 0.0]]
    """
    squared = (points ** 2).sum(axis=1)
    gram = squared[:, None] + squared[None, :] - 2 * points @ points.T
    result = np.sqrt(np.clip(gram, 0, None))
    np.fill_diagonal(result, 0.0)
    return result


def average_linkage(matrix: np.ndarray) -> list[tuple[int, int, float]]:
    """The merges of average-linkage clustering of a distance matrix: (kept, absorbed,
    distance) in order, each group named by its lowest member; the closest pair first,
    ties to the pair that comes first. The Lance-Williams update keeps it O(n^2) per merge.

    >>> average_linkage(np.array([[0, 1, 4], [1, 0, 5], [4, 5, 0]], dtype=float))
    [(0, 1, 1.0), (0, 2, 4.5)]
    """
    n = len(matrix)
    work = matrix.astype(float).copy()
    np.fill_diagonal(work, np.inf)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges = []
    for _ in range(n - 1):
        masked = np.where(alive[:, None] & alive[None, :], work, np.inf)
        flat = int(np.argmin(masked))
        i, j = divmod(flat, n)
        i, j = min(i, j), max(i, j)
        merges.append((i, j, float(work[i, j])))
        joined = (sizes[i] * work[i] + sizes[j] * work[j]) / (sizes[i] + sizes[j])
        work[i, :], work[:, i] = joined, joined
        work[i, i] = np.inf
        sizes[i] += sizes[j]
        alive[j] = False
    return merges


def cut(merges: list[tuple[int, int, float]], n: int, groups: int) -> np.ndarray:
    """Group labels 1, 2, ... (numbered by first member) after all but the last
    ``groups - 1`` merges.

    >>> cut([(0, 1, 1.0), (0, 2, 4.5)], 3, 2).tolist()
    [1, 1, 2]
    """
    parent = list(range(n))
    for kept, absorbed, _ in merges[:n - groups]:
        for k in range(n):
            if parent[k] == absorbed:
                parent[k] = kept
    numbers: dict[int, int] = {}
    return np.array([numbers.setdefault(p, len(numbers) + 1) for p in parent])


def silhouette(matrix: np.ndarray, labels: np.ndarray) -> float:
    """The average silhouette width (Rousseeuw 1987): for each point, (b - a) / max(a, b),
    a its mean distance to its own group, b to the nearest other group; 0 for a point
    alone in its group.

    >>> matrix = distances(np.array([[0.0], [0.1], [1.0], [1.1]]))
    >>> round(silhouette(matrix, np.array([1, 1, 2, 2])), 3)
    0.9
    """
    values = []
    for k in range(len(labels)):
        own = labels == labels[k]
        if own.sum() == 1:
            values.append(0.0)
            continue
        a = matrix[k, own].sum() / (own.sum() - 1)
        b = min(matrix[k, labels == other].mean() for other in set(labels) if other != labels[k])
        values.append((b - a) / max(a, b) if max(a, b) > 0 else 0.0)
    return float(np.mean(values))


def group_labels(shares: pd.DataFrame) -> tuple[pd.Series, float | None]:
    """Each weighting's group (1, 2, ...) by ``GROUPS_METHOD``, and the silhouette width of
    the chosen grouping (None when the class is one group for want of structure or size).

    >>> shares = pd.DataFrame({"a": [0.9, 0.8, 0.1, 0.2], "b": [0.1, 0.2, 0.9, 0.8]},
    ...                       index=["w", "x", "y", "z"])
    >>> labels, width = group_labels(shares)
    >>> labels.to_dict(), round(width, 2)
    ({'w': 1, 'x': 1, 'y': 2, 'z': 2}, 0.86)
    """
    n = len(shares)
    if n < 3:
        return pd.Series(1, index=shares.index, name="group"), None
    matrix = distances(shares.to_numpy(dtype=float))
    merges = average_linkage(matrix)
    best, best_width = 1, None
    for k in range(2, min(MAX_GROUPS, n - 1) + 1):
        width = silhouette(matrix, cut(merges, n, k))
        if best_width is None or width > best_width + 1e-12:
            best, best_width = k, width
    if best_width is None or best_width < MIN_SILHOUETTE:
        return pd.Series(1, index=shares.index, name="group"), None
    return pd.Series(cut(merges, n, best), index=shares.index, name="group"), best_width


def groups(weightings: pd.DataFrame, case) -> pd.DataFrame:
    """Each file's group of similar weightings (``GROUPS_METHOD``): columns name, group."""
    labels, _ = group_labels(_shares(weightings, case))
    return pd.DataFrame({"name": weightings["name"], "group": labels})


def describe_groups(weightings: pd.DataFrame, grouped: pd.DataFrame, case) -> pd.DataFrame:
    """One row per group: how many, who, the group's mean share of each factor (by label),
    the factor it weighs most above the class average, and the reading nearest its mean."""
    shares = _shares(weightings, case)
    labels = case.factors["short_label"]
    average = shares.mean()
    readings = preset_shares(case)
    records = []
    for number, members in grouped.groupby("group", sort=True):
        mean = shares.loc[members.index].mean()
        above = (mean - average).idxmax()
        nearest = _nearest(mean.to_numpy()[None, :], readings)[0]
        records.append({"group": int(number), "size": len(members),
                        "members": ", ".join(members["name"]),
                        **{labels[f]: round(float(mean[f]), 4) for f in shares.columns},
                        "weighs more than the class": labels[above],
                        "nearest reading": case.presets.loc[nearest[0], "label"],
                        "distance": round(nearest[1], 3)})
    return pd.DataFrame(records).set_index("group")


# -- nearest readings, fit, average ------------------------------------------------------------

def _nearest(points: np.ndarray, readings: pd.DataFrame) -> list[tuple[str, float]]:
    """For each row of ``points``, the nearest reading (ties to the first) and its distance."""
    gaps = np.sqrt(((points[:, None, :] - readings.to_numpy()[None, :, :]) ** 2).sum(axis=2))
    best = gaps.argmin(axis=1)
    return [(str(readings.index[b]), float(gaps[k, b])) for k, b in enumerate(best)]


def nearest_readings(weightings: pd.DataFrame, case) -> pd.DataFrame:
    """Each file's nearest preset (Euclidean distance between share vectors, the groups'
    measure): name, preset_id, reading (its label), holder, distance.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> shares = preset_shares(case).iloc[[0]]
    >>> table = nearest_readings(shares.assign(name="x", method="sliders"), case)
    >>> table["preset_id"].iloc[0] == shares.index[0], float(table["distance"].iloc[0])
    (True, 0.0)
    """
    shares = _shares(weightings, case)
    found = _nearest(shares.to_numpy(), preset_shares(case))
    ids = [preset for preset, _ in found]
    return pd.DataFrame({
        "name": weightings["name"].to_list(),
        "preset_id": ids,
        "reading": case.presets.loc[ids, "label"].to_list(),
        "holder": case.presets.loc[ids, "holder"].to_list(),
        "distance": [round(d, 4) for _, d in found],
    }, index=weightings.index)


def class_fit(weightings: pd.DataFrame, case) -> pd.DataFrame:
    """What each weighting predicts and how many observations known on the article's date it
    explains, by lesson 06's model (``model.weights``: scores, the undecided band, the
    stances and what explains an observation): name, explained, of, then the predicted
    stance for each option id. Computed for all files at once with numpy."""
    shares = _shares(weightings, case)
    effects = case.effect_matrix()
    observed = model.observations(case.behaviour, case.options.index, end=case.article.date)
    scores = pd.DataFrame(shares.to_numpy() @ effects.to_numpy(dtype=float).T,
                          index=shares.index, columns=effects.index)
    stacked = model.stances(scores.stack())  # the model's rule, rounding included
    predicted = stacked.unstack().reindex(index=shares.index, columns=effects.index)
    codes = predicted.replace(model.STANCE_CODES).to_numpy(dtype=np.int8) if len(shares) else (
        np.zeros((0, len(effects)), dtype=np.int8))
    space = model.WeightSpace(effects.columns, effects.index, 1, shares.to_numpy(), codes)
    explained = model.explained_per_weighting(space, observed) if len(shares) else []
    table = pd.DataFrame({"name": weightings["name"], "explained": np.asarray(explained, int),
                          "of": len(observed)}, index=weightings.index)
    return pd.concat([table, predicted], axis=1)


def class_average(weightings: pd.DataFrame, case) -> pd.Series:
    """The class's average weighting: the mean share of each factor (sums to 1).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> average = class_average(read_class(demo_folder(case), case).weightings, case)
    >>> round(float(average.sum()), 9)
    1.0
    """
    return _shares(weightings, case).mean().rename("class average")


def compare_with_article(weightings: pd.DataFrame, case) -> pd.DataFrame:
    """Per factor: label, the class's average and median share, the article's share and
    the difference (class average minus article), all as shares; and, in the ``attrs``,
    how many observations each explains (``class explains``, ``article explains``, ``of``)."""
    shares = _shares(weightings, case)
    article = article_shares(case)
    average = shares.mean()
    table = pd.DataFrame({
        "label": case.factors["short_label"].to_list(),
        "class average": average.round(4).to_list(),
        "class median": shares.median().round(4).to_list(),
        "article": article.round(4).to_list(),
        "difference": (average - article).round(4).to_list(),
    }, index=pd.Index(shares.columns, name="factor_id"))
    if len(shares):
        table.attrs["class explains"], table.attrs["of"] = model.weigh(case, average).explained
        table.attrs["article explains"] = model.weigh(case, article).explained[0]
    return table
