"""Latency of the course's controls in a real JupyterLab (Debian's Chromium via Playwright):
for each control, the median time from a key press that changes it to the first change the
page shows in the control's output (a new picture, a new description or table), over at
least 20 changes. Target (issue 17): every median 100 ms or less on this machine.

The time is measured in the page itself: a keydown listener notes ``performance.now()`` when
Enter is pressed, and a MutationObserver on the control's output area notes the first change
outside the field itself; the difference is one sample. The kernel, the widget protocol and
the browser's rendering are all inside it.

Run from the repository root: ``python benchmarks/browser_latency.py [--changes 20]``. It
starts its own JupyterLab on a copy of the course, so nothing in the repository changes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

from casebook import load_case  # noqa: E402
from casebook.lab_server import start_jupyterlab  # noqa: E402
from casebook.model import ach  # noqa: E402
from casebook.widgets.ach import cell_name, item_names  # noqa: E402
from casebook.widgets.timeline import year_choices  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
TARGET_MS = 100.0

# Installed in the page: the time of the Enter that sends a value, and of the first change
# of the output area outside the field (the new picture, description or table).
WATCH = """([field, area]) => {
    window.__casebook = {pressed: null, changed: null};
    field.addEventListener('keydown', e => {
        if (e.key === 'Enter') { window.__casebook = {pressed: performance.now(), changed: null}; }
    }, {capture: true});
    new MutationObserver(records => {
        const state = window.__casebook;
        if (state.pressed === null || state.changed !== null) return;
        if (records.some(r => !field.contains(r.target))) state.changed = performance.now();
    }).observe(area, {subtree: true, childList: true, characterData: true, attributes: true,
                      attributeFilter: ['src', 'class', 'style']});
}"""


def start_lab(root: Path) -> tuple[subprocess.Popen, str]:
    for folder in ("notebooks", "lessons_data", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    try:
        return start_jupyterlab(root)
    except RuntimeError as error:
        raise SystemExit(str(error)) from None


def controls(case) -> list[tuple[str, str, str, list[str]]]:
    """(lesson notebook, role, accessible name, two values to alternate), from the case."""
    year = case.article.year
    from casebook.model.timeline import timeline_table

    table = timeline_table(case.events, case.actors, case.sources, case.article.date,
                           categories=case.categories)
    windows = [label for label, _ in year_choices(case, table)][:2]
    factor = case.factors["short_label"].iloc[0]  # the weight field is named by it
    full = ach.rating_grid(case, known_only=False)
    hypothesis = case.hypotheses["label"].iloc[0]
    cell = cell_name(hypothesis, item_names(case.evidence, list(full.index))[full.index[0]])
    periods = case.periods.index[:2]
    from casebook.model import network as net

    headings = [net.period_heading(case.periods, p) for p in periods]
    return [
        ("00_start_here.ipynb", "spinbutton", "Year", [str(year - 1), str(year)]),
        ("01_the_2017_crisis.ipynb", "combobox", "Years", windows),
        ("06_weighing_the_factors.ipynb", "spinbutton", factor, ["3", "7"]),
        ("07_actor_relationships.ipynb", "combobox", "Period", headings),
        ("08_competing_explanations.ipynb", "combobox", cell, ["I", "C"]),
    ]


def measure(page, lab: str, notebook: str, role: str, name: str, values: list[str],
            changes: int) -> list[float]:
    from conftest import run_all

    run_all(page, lab, notebook)
    field = page.get_by_role(role, name=name, exact=True).first
    field.wait_for(timeout=60_000)
    field.scroll_into_view_if_needed()
    area = page.locator(".jp-OutputArea-output", has=field).first
    page.evaluate(WATCH, [field.element_handle(), area.element_handle()])
    samples = []
    for change in range(changes):
        field.focus()
        page.keyboard.press("Control+a")
        page.keyboard.type(values[change % 2])
        page.keyboard.press("Enter")
        page.wait_for_function("() => window.__casebook.changed !== null", timeout=20_000)
        state = page.evaluate("() => window.__casebook")
        samples.append(state["changed"] - state["pressed"])
        page.wait_for_timeout(150)  # let the kernel's echo settle before the next change
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    case = load_case()
    root = Path(tempfile.mkdtemp(prefix="casebook-latency-"))
    server, lab = start_lab(root)
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            for notebook, role, name, values in controls(case):
                samples = measure(page, lab, notebook, role, name, values, args.changes)
                rows.append((notebook[:2], name, statistics.median(samples),
                             max(samples), len(samples)))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)
    print(f"{'lesson':<7}{'control':<48}{'median ms':>10}{'max ms':>9}{'n':>4}  target")
    for lesson, name, median, worst, count in rows:
        shown = name if len(name) <= 46 else name[:43] + "..."
        verdict = "met" if median <= TARGET_MS else "NOT met"
        print(f"{lesson:<7}{shown:<48}{median:>10.1f}{worst:>9.1f}{count:>4}  "
              f"{TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
