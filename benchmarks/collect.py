"""How long reading and summarising a class's weightings takes (lesson 10, `casebook collect`).

    python benchmarks/collect.py [--data DIR] [--runs N]

For 1, 30 and 200 weighting files, generated into a temporary folder (each a preset of the
case with every weight moved by at most one point, seeded), the time to read the folder
(``seminar.read_class``) and to summarise it as ``casebook collect`` does (the printed
summary, groups and the fit of every file: ``collect.summary`` and ``collect.class_table``).
Median of N runs (default 5). Target (issue 14): 200 files in well under a second. The
script says whether the time per file stays about the same from 30 to 200 files (linear
growth); it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402

from casebook import load_case  # noqa: E402
from casebook.collect import class_table, summary  # noqa: E402
from casebook.model import seminar  # noqa: E402
from casebook.weights_file import save_weights  # noqa: E402

SIZES = (1, 30, 200)


def make_class(case, folder: Path, count: int, seed: int = 0) -> None:
    """``count`` invented weightings, each a preset moved by at most one point per weight."""
    rng = np.random.default_rng(seed)
    matrix = case.weight_matrix()
    factors = list(case.factors.index)
    for k in range(count):
        base = matrix.iloc[k % len(matrix)].to_numpy()
        weights = np.clip(base + rng.integers(-1, 2, size=len(base)), 0, 10)
        weights[0] = max(weights[0], 1)  # never all zero
        save_weights(folder / f"student_{k + 1:03d}.json", dict(zip(factors, weights.tolist(),
                                                                    strict=True)),
                     f"Student {k + 1:03d}", factors, case_title=case.title)


def measure(case, folder: Path, runs: int) -> tuple[float, float]:
    """Median seconds to read, and to read and summarise, over ``runs`` runs."""
    reading, whole = [], []
    for _ in range(runs):
        start = time.perf_counter()
        read = seminar.read_class(folder, case)
        middle = time.perf_counter()
        summary(read, case)
        class_table(read, case)
        end = time.perf_counter()
        reading.append(middle - start)
        whole.append(end - start)
    return statistics.median(reading), statistics.median(whole)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the case (default: lessons_data)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    case = load_case(args.data)
    measure_warm = None
    results = {}
    with tempfile.TemporaryDirectory() as root:
        for size in SIZES:
            folder = Path(root) / f"class_{size}"
            folder.mkdir()
            make_class(case, folder, size)
            if measure_warm is None:  # imports and first-call caches out of the figures
                measure_warm = measure(case, folder, 1)
            results[size] = measure(case, folder, args.runs)
    print(f"Case: {case.title} ({len(case.factors)} factors); median of {args.runs} runs.")
    print(f"{'files':>6}  {'read (s)':>9}  {'read + summarise (s)':>21}  {'ms per file':>11}")
    for size, (read, whole) in results.items():
        print(f"{size:>6}  {read:>9.3f}  {whole:>21.3f}  {whole / size * 1000:>11.2f}")
    largest = results[SIZES[-1]][1]
    print(f"{SIZES[-1]} files in {largest:.3f} s: "
          f"{'well under' if largest < 0.5 else 'under' if largest < 1 else 'NOT under'} a "
          "second (target: well under a second).")
    per_file = {size: results[size][0] / size for size in SIZES[1:]}
    ratio = per_file[SIZES[-1]] / per_file[SIZES[1]]
    print(f"Reading per file: {per_file[SIZES[1]] * 1000:.2f} ms at {SIZES[1]} files, "
          f"{per_file[SIZES[-1]] * 1000:.2f} ms at {SIZES[-1]} (ratio {ratio:.2f}): "
          + ("reading grows linearly." if 0.67 <= ratio <= 1.5 else
             "reading does NOT grow linearly."))


if __name__ == "__main__":
    main()
