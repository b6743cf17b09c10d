"""What a learner waits for in lesson 06's weighting widget, measured kernel-side.

    python benchmarks/weights_latency.py [--changes N]

1. **Slider change -> PNG re-rendered + summary updated.** The widget is built as the lesson
   builds it; each change sets one slider's value (as a drag does) and the time runs until
   the observer has recomputed the scores and the fit, re-rendered the chart to PNG (put in
   the chart's HTML with its description as alt text) and rewritten the summary sentence.
   Changes step through every slider, one at a time, over the slider's range, so predictions
   flip now and then (which also re-draws the "explained" column). Median and p95 over N
   changes (default 60, at least 50).
2. **The naive approach in the same run**: the same widget built with
   ``redraw="new_figure"``, which builds a new figure on every change (the chart function
   called afresh, then ``savefig``), over the same changes.
3. **The full inverse search**: every weighting of the 0.05 simplex grid (230,230 for seven
   factors) scored and counted against the observations known on the article's date, with
   the grid built from nothing (its cache cleared): median of 5 runs, and the slowest.

Targets (issue 8): median <= 40 ms and p95 <= 100 ms; at least 1.8x faster than the naive
approach (compared by median); the full search <= 1 s. The script prints the figures and
whether each target is met; it asserts nothing.
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
from casebook.model import weights as model  # noqa: E402
from casebook.widgets.weights import weighting_explorer  # noqa: E402

MEDIAN_TARGET, P95_TARGET, SPEED_UP_TARGET, SEARCH_TARGET = 0.040, 0.100, 1.8, 1.0


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def changes(sliders: dict, count: int) -> list[tuple[str, float]]:
    """(factor, new value) pairs: each slider in turn steps through its range."""
    steps = [0.0, 2.5, 5.0, 7.5, 10.0, 1.0, 9.0, 4.0]
    factors = list(sliders)
    return [(factors[i % len(factors)], steps[(i // len(factors)) % len(steps)])
            for i in range(count)]


def time_changes(redraw: str, plan: list[tuple[str, float]], folder: Path) -> list[float]:
    case = load_case(REPO / "lessons_data")
    explorer = weighting_explorer(case, folder=folder, redraw=redraw).explorer
    times = []
    for factor, value in plan:
        slider = explorer.sliders[factor]
        if slider.value == value:  # a change that changes nothing fires no observer
            value = value + 0.5 if value < 10 else value - 0.5
        summary = explorer.summary.value
        start = time.perf_counter()
        slider.value = value  # the observer re-renders the PNG and the summary
        times.append(time.perf_counter() - start)
        assert explorer.image.value and explorer.summary.value, "nothing was drawn"
        del summary
    return times


def time_search(repeats: int = 5) -> list[float]:
    case = load_case(REPO / "lessons_data")
    observed = model.observations(case.behaviour, case.options.index, end=case.article.date)
    effects = case.effect_matrix()
    times = []
    for _ in range(repeats):
        model._compositions.cache_clear()  # the grid is built inside the timing too
        start = time.perf_counter()
        result = model.search(effects, observed)
        times.append(time.perf_counter() - start)
    print(f"search: {result.space_size:,} weightings, best explain {result.best_count} of "
          f"{result.observations} observations ({len(result.best):,} weightings)")
    return times


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=60, help="weight changes (>= 50)")
    count = max(50, parser.parse_args().changes)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        case = load_case(REPO / "lessons_data")
        plan = changes(weighting_explorer(case, folder=folder).explorer.sliders, count)
        time_changes("update", plan[:5], Path(folder))  # warm up imports and caches
        update = time_changes("update", plan, Path(folder))
        naive = time_changes("new_figure", plan, Path(folder))
    search = time_search()

    median, p95 = statistics.median(update), percentile(update, 0.95)
    naive_median, naive_p95 = statistics.median(naive), percentile(naive, 0.95)
    speed_up = naive_median / median
    print(f"slider change -> PNG + summary, artists updated in place ({count} changes): "
          f"median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
          f"(targets {MEDIAN_TARGET * 1000:.0f} / {P95_TARGET * 1000:.0f} ms: "
          f"{verdict(median <= MEDIAN_TARGET and p95 <= P95_TARGET)})")
    print(f"slider change -> PNG + summary, new figure each change ({count} changes): "
          f"median {naive_median * 1000:.1f} ms, p95 {naive_p95 * 1000:.1f} ms")
    print(f"speed-up of in-place over new figure (medians): {speed_up:.1f}x "
          f"(target {SPEED_UP_TARGET}x: {verdict(speed_up >= SPEED_UP_TARGET)})")
    print(f"full inverse search: median {statistics.median(search) * 1000:.0f} ms, slowest "
          f"{max(search) * 1000:.0f} ms over {len(search)} runs (target "
          f"{SEARCH_TARGET * 1000:.0f} ms: {verdict(max(search) <= SEARCH_TARGET)})")


if __name__ == "__main__":
    main()
