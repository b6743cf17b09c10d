"""What a learner waits for in lesson 08's rating grid, measured kernel-side.

    python benchmarks/ach_latency.py [--changes N]

1. **Rating change in the widget -> ranking + chart PNG + description, chart updated in
   place.** Each change types a rating into one cell of lesson 08's rating grid
   (``casebook.widgets.ach``) started from the course's grid with the hindsight items
   shown, as a reader does; the time runs from setting the cell's value until the widget
   has put the new chart and its description on show (their values set, which sends them
   to the browser): the ranking recomputed, the existing chart's bars and labels updated,
   its PNG re-rendered, its description rewritten. The whole callback (the table of what
   each item does to the ranking comes after the chart) is printed too.
2. **The same with a new figure each change** (the widget built with ``redraw="new_figure"``:
   the chart function called afresh, then the PNG), over the same changes, in the same run.

Changes step through the cells, one at a time, cycling each through the five ratings, so
the leader changes now and then. Median and p95 over N changes (default 60, at least 50).
Targets (issue 13): median <= 40 ms; at least 1.8x faster than a new figure (medians). The
script prints the figures and whether each target is met; it asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from casebook import load_case  # noqa: E402
from casebook.model import ach  # noqa: E402
from casebook.schema import RATINGS  # noqa: E402
from casebook.widgets.ach import RatingGrid  # noqa: E402

MEDIAN_TARGET, SPEED_UP_TARGET = 0.040, 1.8


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def changes(grid, count: int) -> list[tuple[str, str, str]]:
    """(evidence id, hypothesis id, new rating): cells in turn, each moved one rating on."""
    cells = [(e, h) for e in grid.index for h in grid.columns]
    plan, current = [], grid.copy()
    for i in range(count):
        item, hypothesis = cells[(i * 7) % len(cells)]  # 7 is prime to most grid sizes
        now = current.loc[item, hypothesis]
        new = RATINGS[(RATINGS.index(now) + 1 + i % 3) % len(RATINGS)] if now else RATINGS[0]
        current.loc[item, hypothesis] = new
        plan.append((item, hypothesis, new))
    return plan


def time_changes(mode: str, plan, case) -> tuple[list[float], list[float]]:
    """Per change: the time until the widget has put the new chart and its description on
    show (the moment their values are sent to the browser; a change that leaves both as
    they were counts until the callback returns), and the time until the callback returns,
    tables included."""
    grid = RatingGrid(case, start="reference", hindsight=True, redraw=mode)
    stamps: list[float] = []
    for output in (grid.figure, grid.description):
        output.observe(lambda _: stamps.append(time.perf_counter()), names="value")
    shown, whole = [], []
    for item, hypothesis, rating in plan:
        cell, chart = grid.cells[(item, hypothesis)], grid.chart
        stamps.clear()
        start = time.perf_counter()
        cell.value = rating  # what typing a rating into the cell does, kernel side
        end = time.perf_counter()
        shown.append((max(stamps) if stamps else end) - start)
        whole.append(end - start)
        assert grid.ratings[(item, hypothesis)] == rating, "the cell did not reach the grid"
        assert (grid.chart is chart) == (mode == "update"), "the chart was not redrawn as asked"
        assert html.escape(grid.chart.description) in grid.description.value, "no new description"
    return shown, whole


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=60, help="rating changes (>= 50)")
    count = max(50, parser.parse_args().changes)
    case = load_case(REPO / "lessons_data")
    plan = changes(ach.rating_grid(case, known_only=False), count)
    time_changes("update", plan[:5], case)  # warm up imports and caches
    time_changes("new_figure", plan[:5], case)
    update, update_whole = time_changes("update", plan, case)
    naive, naive_whole = time_changes("new_figure", plan, case)
    median, naive_median = statistics.median(update), statistics.median(naive)
    speed_up = naive_median / median
    print(f"rating change in the widget -> new ranking chart + description on show, chart "
          f"updated in place ({count} changes): median {median * 1000:.1f} ms, p95 "
          f"{percentile(update, 0.95) * 1000:.1f} ms (target {MEDIAN_TARGET * 1000:.0f} ms: "
          f"{verdict(median <= MEDIAN_TARGET)})")
    print(f"rating change in the widget -> the same with a new figure each change "
          f"({count} changes): median {naive_median * 1000:.1f} ms, p95 "
          f"{percentile(naive, 0.95) * 1000:.1f} ms")
    print(f"speed-up of in-place over new figure (medians): {speed_up:.1f}x "
          f"(target {SPEED_UP_TARGET}x: {verdict(speed_up >= SPEED_UP_TARGET)})")
    print(f"whole callback, the items table included: median "
          f"{statistics.median(update_whole) * 1000:.1f} ms in place, "
          f"{statistics.median(naive_whole) * 1000:.1f} ms with a new figure")


if __name__ == "__main__":
    main()
