"""What a learner waits for in lesson 08's rating grid, measured kernel-side.

    python benchmarks/ach_latency.py [--changes N]

1. **Rating change -> ranking + chart PNG + description, chart updated in place.** Each
   change sets one cell of the course's full grid (every item, hindsight included) to
   another rating, as a click in the grid does; the time runs until the ranking is
   recomputed, the existing chart's bars and labels are updated, its PNG re-rendered and
   its description rewritten.
2. **The same with a new figure each change** (the chart function called afresh, then the
   PNG), over the same changes, in the same run.

Changes step through the cells, one at a time, cycling each through the five ratings, so
the leader changes now and then. Median and p95 over N changes (default 60, at least 50).
Targets (issue 13): median <= 40 ms; at least 1.8x faster than a new figure (medians). The
script prints the figures and whether each target is met; it asserts nothing.
"""

from __future__ import annotations

import argparse
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
from casebook.plots.ach import ranking_chart, update_ranking_chart  # noqa: E402
from casebook.schema import RATINGS  # noqa: E402

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


def time_changes(mode: str, plan, case) -> list[float]:
    grid = ach.rating_grid(case, known_only=False)
    weights = ach.evidence_weights(case.evidence)
    chart = ranking_chart(ach.ranking(grid, weights))
    chart.png()
    times = []
    for item, hypothesis, rating in plan:
        start = time.perf_counter()
        grid.loc[item, hypothesis] = rating
        ranked = ach.ranking(grid, weights)
        if mode == "update":
            description = update_ranking_chart(chart, ranked)
        else:
            chart = ranking_chart(ranked)
            description = chart.description
        png = chart.png()
        times.append(time.perf_counter() - start)
        assert png and description, "nothing was drawn"
    return times


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
    update = time_changes("update", plan, case)
    naive = time_changes("new_figure", plan, case)
    median, naive_median = statistics.median(update), statistics.median(naive)
    speed_up = naive_median / median
    print(f"rating change -> ranking + PNG + description, chart updated in place "
          f"({count} changes): median {median * 1000:.1f} ms, p95 "
          f"{percentile(update, 0.95) * 1000:.1f} ms (target {MEDIAN_TARGET * 1000:.0f} ms: "
          f"{verdict(median <= MEDIAN_TARGET)})")
    print(f"rating change -> ranking + PNG + description, new figure each change "
          f"({count} changes): median {naive_median * 1000:.1f} ms, p95 "
          f"{percentile(naive, 0.95) * 1000:.1f} ms")
    print(f"speed-up of in-place over new figure (medians): {speed_up:.1f}x "
          f"(target {SPEED_UP_TARGET}x: {verdict(speed_up >= SPEED_UP_TARGET)})")


if __name__ == "__main__":
    main()
