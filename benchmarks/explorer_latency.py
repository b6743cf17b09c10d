"""What a learner waits for in lesson 01's timeline explorer (*Years*) and lesson 07's network
explorer (*Period*), measured kernel-side, against two baselines in the same run.

    python benchmarks/explorer_latency.py [--changes N]

For each explorer, built as the lesson builds it, each change sets the menu's value to the
next window or period (every choice in turn, round and round, so the first visit of each is
counted too), and three times are taken:

1. **The explorer (now)**: the figure kept, its artists updated in place, its layout fixed
   when it was made and its PNG drawn once at that layout (the timeline also pastes back its
   legend and lane labels when they have not changed). Timed from setting the menu's value
   until the picture's HTML is set (what the browser waits for: the description and table
   are sent after it), and until the whole callback returns.
2. **In place, as before**: the same figure updated the same way, but laid out again by a
   constrained layout (the timeline) and saved with ``bbox_inches="tight"``, which draws it
   twice (``Chart.png``): the explorers' redraw before this benchmark was written.
3. **A new figure each change**: the chart function called afresh for the choice, then
   ``Chart.png``.

Where the time went before (cProfile and ``perf_counter`` around each step, 2026-12-07):
in the timeline explorer nearly all of a change (about 105 of 110 ms) was ``Chart.png``:
``bbox_inches="tight"`` draws the figure twice, and the constrained layout measured every
text before each draw (about 45 ms); moving the window, the legend and the description took
under 5 ms. Inside one draw, text was most of it: the year and quarter labels (the x axis,
with a month locator and, for long windows, 32 invisible minor ticks), the legend and the
lane labels. The network explorer spent about 98 of 108 ms the same way (two draws per
PNG, the legend and the actors' labels the slowest parts). Now each change draws once at a
fixed layout; the legend, the tick labels and the title are pasted from kept pixels when
unchanged (``casebook.plots.redraw``); the PNG is written without Pillow's per-row filter
search. What remains is mostly the draw of the axes' inside (markers, ties, the actors'
labels, the hindsight area) and deflating the PNG.

Median and p95 over N changes (default 40, at least 20), the median CPU time of the
process (which other work on a shared machine hardly lengthens), and the speed-up of (1)
over (2) and (3) by median. Target (issue 17): the browser's median from a change to new pixels
100 ms or less, which leaves the kernel about 50 ms (``benchmarks/browser_latency.py``
measures the browser). It prints the figures; it asserts nothing.
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
from casebook.model import network as net  # noqa: E402
from casebook.model.timeline import lanes_of  # noqa: E402
from casebook.plots import Chart  # noqa: E402
from casebook.plots import network as network_plots  # noqa: E402
from casebook.plots.timeline import explorer_timeline_chart, timeline_chart  # noqa: E402
from casebook.widgets.network import network_explorer  # noqa: E402
from casebook.widgets.timeline import timeline_explorer, year_choices  # noqa: E402

KERNEL_BUDGET = 0.050  # of the browser's 100 ms, what the kernel may take


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def plan(choices: list, count: int) -> list:
    """``count`` values of a menu: every choice after the first in turn, round and round
    (the menu opens on the first, so every change changes it)."""
    order = choices[1:] + choices[:1]
    return [order[i % len(order)] for i in range(count)]


def now() -> tuple[float, float]:
    """Wall-clock and CPU time of this process: other work on a shared machine lengthens
    the first, hardly the second."""
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float], end: tuple[float, float]) -> tuple[float, float]:
    return end[0] - start[0], end[1] - start[1]


def time_widget(menu, picture, values: list) -> tuple[list, list]:
    """Set the menu to each value; the time until the picture is set and until the callback
    has returned, each as (wall, CPU)."""
    stamp = {}
    picture.observe(lambda _: stamp.__setitem__("picture", now()), "value")
    to_picture, whole = [], []
    for value in values:
        start = now()
        menu.value = value
        end = now()
        to_picture.append(since(start, stamp["picture"]))
        whole.append(since(start, end))
    return to_picture, whole


def time_steps(step, values: list) -> list[tuple[float, float]]:
    times = []
    for value in values:
        start = now()
        step(value)
        times.append(since(start, now()))
    return times


def timeline_runs(case, count: int) -> dict[str, list[tuple[float, float]]]:
    panel = timeline_explorer(case)
    years, _, _, picture, _, _ = panel.children
    windows = plan([value for _, value in years.options], count)
    table = panel.chart.table
    to_picture, whole = time_widget(years, picture, windows)
    lanes = [lane.label for lane in lanes_of(case.categories)]

    before = explorer_timeline_chart(table, case.article.date,
                                     [w for _, w in year_choices(case, table)],
                                     categories=case.categories)
    before.figure.set_layout_engine("constrained")  # laid out again on every draw

    def in_place_before(window):
        before.show(window, lanes, hindsight=True)
        Chart.png(before)  # bbox_inches="tight": drawn twice

    def new_figure(window):
        chart = timeline_chart(table, case.article.date, *window, categories=case.categories)
        chart.png()

    return {"explorer (now): change -> picture set": to_picture,
            "explorer (now): whole callback": whole,
            "in place, constrained layout + tight PNG (before)":
                time_steps(in_place_before, windows),
            "new figure each change": time_steps(new_figure, windows)}


def network_runs(case, count: int) -> dict[str, list[tuple[float, float]]]:
    panel = network_explorer(case)
    graphs = net.case_graphs(case)
    periods = plan([value for _, value in panel.period_menu.options], count)
    to_picture, whole = time_widget(panel.period_menu, panel.picture, periods)
    focus = case.focus_actor
    before = network_plots.network_chart(graphs[case.default_period], case.periods, focus)

    def in_place_before(period):
        before.update(graphs[period], focus)
        Chart.png(before)  # bbox_inches="tight": drawn twice

    def new_figure(period):
        Chart.png(network_plots.network_chart(graphs[period], case.periods, focus))

    return {"explorer (now): change -> picture set": to_picture,
            "explorer (now): whole callback": whole,
            "in place, tight PNG (before)": time_steps(in_place_before, periods),
            "new figure each change": time_steps(new_figure, periods)}


def report(title: str, runs: dict[str, list[tuple[float, float]]]) -> None:
    """Per run: median and p95 of the wall-clock time, median of the CPU time, and how
    many times faster the explorer is now (by wall-clock median)."""
    print(title)
    first = next(iter(runs.values()))
    explorer = statistics.median(wall for wall, _ in first)
    for label, times in runs.items():
        walls = [wall for wall, _ in times]
        median = statistics.median(walls)
        line = (f"  {label:<52} median {median * 1000:6.1f} ms, "
                f"p95 {percentile(walls, 0.95) * 1000:6.1f} ms, CPU median "
                f"{statistics.median(cpu for _, cpu in times) * 1000:6.1f} ms")
        if not label.startswith("explorer"):
            line += f"  (now {median / explorer:.1f}x faster)"
        print(line)
    verdict = "met" if explorer <= KERNEL_BUDGET else "NOT met"
    print(f"  kernel budget {KERNEL_BUDGET * 1000:.0f} ms for the picture (wall-clock median): "
          f"{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=40, help="menu changes (>= 20)")
    count = max(20, parser.parse_args().changes)
    case = load_case(REPO / "lessons_data")
    timeline_runs(case, 4)  # warm up imports and font caches
    report(f"Lesson 01, timeline explorer, Years ({count} changes)", timeline_runs(case, count))
    report(f"Lesson 07, network explorer, Period ({count} changes)", network_runs(case, count))


if __name__ == "__main__":
    main()
