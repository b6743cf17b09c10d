"""Measure what a learner waits for, each against a baseline measured in the same run.

    python benchmarks/run_benchmarks.py

1. Loading and validating the case (``load_case``) against plain ``pandas.read_csv`` of the
   same files with no checks: the price of validation.
2. Running each lesson top to bottom in a fresh kernel against two floors: a bare kernel
   running one empty cell, and a notebook that only imports the course's libraries and loads
   the case. A lesson should take under 2x the second floor.
3. One slider move in the start-here lesson (rebuilding its events table) and redrawing the
   events chart to PNG.
Figures are medians over repeats, printed; nothing is asserted.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from casebook import load_case, model, plots, widgets  # noqa: E402
from casebook.refresh import CurrentEnvironmentKernel  # noqa: E402

# What every lesson does before its own work: the floor a lesson's run time is compared with.
IMPORTS_ONLY = """\
import ipywidgets, matplotlib, networkx, pandas
import casebook.model, casebook.plots, casebook.widgets, casebook.feedback, casebook.display
from casebook import load_case
case = load_case()
"""


def median_seconds(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_notebook(notebook) -> None:
    from nbclient import NotebookClient

    NotebookClient(notebook, kernel_manager_class=CurrentEnvironmentKernel, timeout=600,
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()


def main() -> None:
    data = REPO / "lessons_data"
    files = sorted(data.glob("*.csv"))
    base = median_seconds(lambda: [pd.read_csv(f, dtype=str) for f in files], 20)
    load = median_seconds(lambda: load_case(data), 20)
    print(f"load: plain read_csv of {len(files)} files {base * 1000:.1f} ms; "
          f"load_case with validation {load * 1000:.1f} ms ({load / base:.1f}x)")

    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    bare = median_seconds(lambda: run_notebook(nbformat.from_dict(empty)), 3)
    print(f"kernel: bare kernel, one empty cell {bare:.2f} s")
    imports = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS_ONLY)])
    floor = median_seconds(lambda: run_notebook(nbformat.from_dict(imports)), 3)
    print(f"kernel: imports the course's libraries and loads the case {floor:.2f} s")
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        seconds = median_seconds(lambda p=path: run_notebook(nbformat.read(p, as_version=4)), 3)
        print(f"notebook: {path.name} {seconds:.2f} s ({seconds / floor:.2f}x the imports-only "
              f"floor; +{seconds - bare:.2f} s over a bare kernel)")

    case = load_case(data)
    box = widgets.year_explorer(case)
    slider = box.slider
    years = list(range(slider.min, slider.max + 1))

    def sweep():
        for year in years:
            slider.value = year

    per_move = median_seconds(sweep, 5) / len(years)
    counts = model.events_per_year(case.events)
    draw = median_seconds(lambda: plots.events_per_year_chart(counts, slider.value).png(), 10)
    print(f"widget: one slider move {per_move * 1000:.2f} ms; "
          f"events chart built and rendered to PNG {draw * 1000:.1f} ms")


if __name__ == "__main__":
    main()
