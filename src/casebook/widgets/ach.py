"""The rating grid of lesson 08 (Heuer's analysis of competing hypotheses): one cell per item
of evidence and hypothesis, the live ranking chart with its description, what each item does
to the ranking (diagnosticity, sensitivity), a comparison with the course's ratings and their
reasons, and saving and loading a student's grid.

Everything comes from the case: the rows are ``evidence.csv`` (the items knowable on the
article's date, then, apart and dated, the hindsight items), the columns ``hypotheses.csv``,
the course's grid ``ratings.csv``. The numbers are ``casebook.model.ach``, the chart
``casebook.plots.ach``, the file ``casebook.grid_file``; this module builds and wires controls.

Each cell is an ``ipywidgets.Combobox``: a text field with the five ratings as its list. It is
the control that works by keyboard alone in JupyterLab (a text field keeps its keys: the
notebook's command-mode shortcuts skip a focused ``:read-write`` element, and the field stops
its key events), and its description, hidden by a zero width, is the accessible name
(``tests/keyboard_in_jupyterlab.md`` has the evidence). A reader types CC, C, N, I or II (any case),
or picks from the list; an empty cell is not rated.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..case import Case
from ..display import Panel, figure_bundle, table_html
from ..grid_file import GridFileError, load_grid, save_grid
from ..model import ach
from ..plots import ach as plots
from ..schema import RATINGS
from .messages import json_path, plain_png, problems_html, strip_tags

DEFAULT_FILE = "my_grid.json"
SCALE = tuple(reversed(RATINGS))  # CC first: the order of the cells' lists and the legend
RATING_WORDS = {"CC": "very consistent", "C": "consistent", "N": "neutral",
                "I": "inconsistent", "II": "very inconsistent"}
SHORT_WORDS = 8  # words of an item's description in a cell's accessible name
# The grid's columns: the items' text, then one column per hypothesis that grows with the
# page but never below what a rating and the field's list arrow need.
ITEM_COLUMN = "minmax(240px, 2.4fr)"
CELL_COLUMN = "minmax(64px, 1fr)"
ITEMS_TABLE_WIDTHS = [40, 14, 28, 18]
COMPARE_TABLE_WIDTHS = [26, 16, 7, 9, 10, 32]


def short_text(text: str, words: int = SHORT_WORDS) -> str:
    """The first ``words`` words of a description, with "..." when there are more.

    >>> short_text("Two navies exercise together in the northern sea in September", 4)
    'Two navies exercise together...'
    >>> short_text("A short one.", 4)
    'A short one.'
    """
    parts = str(text).split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + "..."


def item_names(evidence: pd.DataFrame, order: list[str]) -> dict[str, str]:
    """Each item's short name in the grid's order: its number, date and short label (the
    first words of its description where it has no label).

    >>> from casebook.dates import PartialDate
    >>> evidence = pd.DataFrame({"date": [PartialDate.parse("2014-07")] * 2,
    ...     "label": ["Port opened", None],
    ...     "description": ["A port opened to the neighbouring ships"] * 2}, index=["e1", "e2"])
    >>> item_names(evidence, ["e1", "e2"])["e1"]
    'item 1, July 2014: Port opened'
    >>> item_names(evidence, ["e1", "e2"])["e2"]
    'item 2, July 2014: A port opened to the neighbouring ships'
    """
    labels = ach.item_labels(evidence.loc[order])
    has_label = {item: labels[item] != str(evidence.loc[item, "description"]) for item in order}
    return {item: f"item {number}, {evidence.loc[item, 'date'].spelled()}: "
                  f"{labels[item] if has_label[item] else short_text(labels[item])}"
            for number, item in enumerate(order, start=1)}


def cell_name(hypothesis_label: str, item_name: str) -> str:
    """The accessible name of one cell: the hypothesis, then the item (Tab moves along a row,
    so what changes from cell to cell is said first).

    >>> cell_name("Trade first", "item 2, 2013: A joint statement")
    'Trade first; item 2, 2013: A joint statement'
    """
    return f"{hypothesis_label}; {item_name}"


def items_frame(grid: pd.DataFrame, weights: pd.Series, names: dict[str, str]) -> pd.DataFrame:
    """What each item does to the ranking, as shown under the chart: its diagnosticity (the
    spread of its ratings, 0-4; 0 = rated alike for all, not diagnostic), who ranks first
    without it, and whether the lead hangs on it.

    >>> grid = pd.DataFrame({"a": ["I", "C"], "b": ["N", "C"]}, index=["e1", "e2"])
    >>> grid.attrs = {"labels": {"a": "A", "b": "B"}}
    >>> items_frame(grid, pd.Series(1.0, index=grid.index),
    ...             {"e1": "item 1", "e2": "item 2"}).values.tolist()
    [['item 1', '1', 'A; B', 'yes'], ['item 2', '0: not diagnostic', 'B', 'no']]
    """
    spread = ach.diagnosticity(grid)
    without = ach.sensitivity(grid, weights)

    def spread_words(value: float) -> str:
        if pd.isna(value):
            return "fewer than two cells rated"
        return "0: not diagnostic" if value == 0 else f"{value:g}"

    return pd.DataFrame({
        "item": [names[e] for e in grid.index],
        "diagnosticity (0-4)": [spread_words(spread[e]) for e in grid.index],
        "ranked first without it": without["leaders without it"].to_list(),
        "the lead hangs on it": ["yes" if v else "no" for v in without["top changes"]],
    })


def items_summary(frame: pd.DataFrame) -> str:
    """One sentence above the items table: which items are not diagnostic and which the
    lead hangs on.

    >>> frame = pd.DataFrame({"item": ["item 1", "item 2"],
    ...     "diagnosticity (0-4)": ["2", "0: not diagnostic"],
    ...     "ranked first without it": ["B", "A"], "the lead hangs on it": ["yes", "no"]})
    >>> items_summary(frame)
    'Not diagnostic (rated alike for every hypothesis): item 2. The lead hangs on: item 1.'
    """
    flat = frame.loc[frame["diagnosticity (0-4)"].str.startswith("0"), "item"].to_list()
    hangs = frame.loc[frame["the lead hangs on it"] == "yes", "item"].to_list()
    text = ("Not diagnostic (rated alike for every hypothesis): "
            + ("; ".join(flat) if flat else "none") + ". ")
    text += ("The lead hangs on: " + "; ".join(hangs) + "." if hangs
             else "No single item decides the lead: without any one of them the same "
                  "hypothesis ranks first.")
    return text


def compare_frame(compared: pd.DataFrame, names: dict[str, str],
                  labels: dict[str, str]) -> pd.DataFrame:
    """The cells a reader rated differently from the course (``model.ach.compare_grids``), as
    shown: item, hypothesis, both ratings, the steps apart and the course's reason. Cells not
    rated yet are left out (they are counted in the sentence above the table).

    >>> compared = pd.DataFrame({"evidence_id": ["e1", "e2"], "hypothesis_id": ["h", "h"],
    ...     "student": ["CC", ""], "reference": ["I", "C"], "steps": [3, pd.NA],
    ...     "reference's reason": ["contradicts", "fits"]})
    >>> compare_frame(compared, {"e1": "item 1", "e2": "item 2"}, {"h": "H"}).values.tolist()
    [['item 1', 'H', 'CC', 'I', '+3', 'contradicts']]
    """
    rated = compared[compared["student"] != ach.NOT_RATED]
    return pd.DataFrame({
        "item": [names[e] for e in rated["evidence_id"]],
        "hypothesis": [labels[h] for h in rated["hypothesis_id"]],
        "yours": rated["student"].to_list(),
        "course's": rated["reference"].to_list(),
        "steps (+ = you find it more consistent)": [f"{int(s):+d}" for s in rated["steps"]],
        "the course's reason": rated["reference's reason"].to_list(),
    })


def compare_summary(compared: pd.DataFrame, cells: int) -> str:
    """The sentence above the comparison: how many of the cells agree, differ, or are not
    rated yet.

    >>> compared = pd.DataFrame({"student": ["CC", "", ""]})
    >>> print(compare_summary(compared, 12))
    Of 12 cells, 9 agree with the course, 1 differs (listed below with the course's reason) and 2 are not rated yet.
    """  # noqa: E501
    blank = int((compared["student"] == ach.NOT_RATED).sum())
    differ = len(compared) - blank
    agree = cells - len(compared)
    return (f"Of {cells} cells, {agree} agree{'s' * (agree == 1)} with the course, {differ} "
            f"differ{'s' * (differ == 1)} (listed below with the course's reason) and {blank} "
            f"{'is' if blank == 1 else 'are'} not rated yet.")


class RatingGrid:
    """The controls and their wiring; ``panel`` is what a lesson displays. ``start`` is
    "blank" (every cell not rated) or "reference" (the course's ratings); ``hindsight`` shows
    the items dated after the article from the start. ``redraw`` is "update" (the chart's
    artists change in place, the default) or "new_figure" (a new figure per change: the
    naive way, kept for the latency benchmark)."""

    def __init__(self, case: Case, start: str = "blank", hindsight: bool = False,
                 folder: Path | str | None = None, redraw: str = "update"):
        if start not in ("blank", "reference"):
            raise ValueError(f"start is {start!r}: expected 'blank' or 'reference'")
        self.case = case
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.redraw_mode = redraw
        self.reference = ach.rating_grid(case, known_only=False)
        self.hindsight_items = list(self.reference.attrs["hindsight"])
        self.known_items = [e for e in self.reference.index if e not in self.hindsight_items]
        self.labels = dict(self.reference.attrs["labels"])
        self.weights = ach.evidence_weights(case.evidence)
        self.names = item_names(case.evidence, list(self.reference.index))
        self.article_day = case.article.date.spelled()
        self.ratings = {(e, h): (self.reference.loc[e, h] if start == "reference"
                                 else ach.NOT_RATED)
                        for e in self.reference.index for h in self.reference.columns}
        self._batch = False
        self._pending = None  # the action waiting for "Yes" (clear, or save over a file)
        self.status_note = ""  # a word on the last action, shown once with the counts

        self.cells = {(e, h): self._cell(e, h) for e, h in self.ratings}
        self.show_hindsight = widgets.Checkbox(
            value=hindsight, indent=False, layout=widgets.Layout(width="auto"),
            description=f"Add the {len(self.hindsight_items)} "
                        f"item{'s' * (len(self.hindsight_items) != 1)} dated after the "
                        f"article (hindsight: not knowable on {self.article_day})")
        self.fill_button = widgets.Button(description="Fill empty cells with the course's "
                                          "ratings", layout=widgets.Layout(width="auto"))
        self.clear_button = widgets.Button(description="Clear my ratings",
                                           layout=widgets.Layout(width="auto"))
        if not self.hindsight_items:  # nothing dated after the article: nothing to add
            self.show_hindsight.layout.display = "none"
        self.compare = widgets.Checkbox(value=False, indent=False,
                                        description="Compare my grid with the course's ratings",
                                        layout=widgets.Layout(width="auto"))
        self.cell_message = widgets.HTML()
        self.status = widgets.HTML()
        self.status.add_class("casebook-ach-status")
        self.figure = widgets.HTML(layout=widgets.Layout(max_width="820px"))
        self.figure.add_class("casebook-ach-chart")
        self.description = widgets.HTML()
        self.description.add_class("casebook-ach-description")
        self.items_table = widgets.HTML()
        self.items_table.add_class("casebook-ach-items")
        self.compare_table = widgets.HTML()
        self.compare_table.add_class("casebook-ach-compare")

        self.your_name = widgets.Text(description="Your name", placeholder="e.g. Ana",
                                      layout=widgets.Layout(width="300px"))
        self.file_name = widgets.Text(value=DEFAULT_FILE, description="File",
                                      layout=widgets.Layout(width="300px"))
        self.save_button = widgets.Button(description="Save grid", icon="save")
        self.load_button = widgets.Button(description="Load grid", icon="folder-open")
        self.yes_button = widgets.Button(description="Yes", button_style="warning",
                                         layout=widgets.Layout(display="none", width="auto"))
        self.no_button = widgets.Button(description="No", layout=widgets.Layout(
            display="none", width="auto"))
        self.file_message = widgets.HTML()

        self.chart = None
        self.compared = pd.DataFrame()  # the comparison table as last shown
        self.grid_box = self._grid_box()
        self._wire()
        self._show_rows()
        self.redraw()
        self.panel = Panel([
            widgets.HTML(self._legend()),
            widgets.HBox([self.fill_button, self.clear_button],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.show_hindsight, self.grid_box, self.cell_message, self.status,
            self.figure, self.description, self.items_table, self.compare,
            self.compare_table,
            widgets.HTML("<b>Save your grid</b> (a small file you can load again or hand in)"),
            widgets.HBox([self.your_name, self.file_name],
                         layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.save_button, self.load_button, self.yes_button,
                          self.no_button], layout=widgets.Layout(flex_flow="row wrap")),
            self.file_message], self.static_view)
        self.panel.grid = self

    # -- building ---------------------------------------------------------------------------
    def _cell(self, item: str, hypothesis: str) -> widgets.Combobox:
        # The description is the accessible name; a zero width keeps it off the screen (the
        # label is still the field's <label for>, so Chromium names the field by it).
        cell = widgets.Combobox(
            value=self.ratings[(item, hypothesis)], options=list(SCALE), placeholder="\u2014",
            description=cell_name(self.labels[hypothesis], self.names[item]),
            style={"description_width": "0px"}, layout=widgets.Layout(width="100%"))
        cell.add_class("casebook-ach-cell")
        return cell

    def _legend(self) -> str:
        scale = ", ".join(f"<b>{c}</b> {RATING_WORDS[c]}" for c in SCALE)
        return ("<p><b>Rate each item against each hypothesis</b>: type a rating in the cell "
                f"({scale}; empty = not rated yet), in capitals or not, or pick it from the "
                "cell's list. Tab moves to the next cell. The chart counts the evidence "
                "<i>against</i> each hypothesis: the one with the least ranks first.</p>")

    def _item_header(self, item: str, number: int) -> widgets.HTML:
        row = self.case.evidence.loc[item]
        late = item in self.hindsight_items
        own = row.get("label")
        label = (f"<b>{html.escape(own.strip())}</b>: " if isinstance(own, str) and own.strip()
                 else "")
        style = "font-size:12px;line-height:1.35;padding:2px 4px;"
        if late:
            style += "background:#f2f2f2;border-left:4px solid #555;"
        header = widgets.HTML(
            f"<div style='{style}'><b>{number}.</b> <span style='white-space:nowrap'>"
            f"<b>{html.escape(row['date'].spelled())}</b></span>"
            f"{' <i>(hindsight)</i>' if late else ''} {label}"
            f"{html.escape(str(row['description']))}</div>")
        return header

    def _grid_box(self) -> widgets.VBox:
        """The knowable items' grid, then, apart under a heading of their own, the hindsight
        items' grid (shown when added); both with the hypotheses' names on top."""
        numbers = {item: n for n, item in enumerate(self.reference.index, start=1)}
        known = self._rows(self.known_items, numbers,
                           f"<b>Evidence</b> (knowable on {html.escape(self.article_day)}, "
                           "in date order)")
        if not self.hindsight_items:
            self.hindsight_part = widgets.VBox([])
            return widgets.VBox([known])
        heading = widgets.HTML(
            "<p style='margin:10px 0 2px;padding-top:4px;border-top:3px double #555'><b>After "
            f"the article (hindsight)</b>: dated after {html.escape(self.article_day)}, so a "
            "reader of the article could not know them.</p>")
        late = self._rows(self.hindsight_items, numbers,
                          "<b>Hindsight</b> (after the article, in date order)")
        self.hindsight_part = widgets.VBox([heading, late])
        return widgets.VBox([known, self.hindsight_part])

    def _rows(self, items: list[str], numbers: dict[str, int], title: str) -> widgets.GridBox:
        columns = list(self.reference.columns)
        children = [widgets.HTML(title)]
        # A long word in a narrow column breaks rather than runs under the next column.
        children += [widgets.HTML(f"<div lang='en' style='font-size:11px;line-height:1.25;"
                                  "hyphens:auto;overflow-wrap:anywhere'><b>"
                                  f"{html.escape(self.labels[h])}</b></div>") for h in columns]
        for item in items:
            children += [self._item_header(item, numbers[item]),
                         *(self.cells[(item, h)] for h in columns)]
        return widgets.GridBox(children, layout=widgets.Layout(
            grid_template_columns=f"{ITEM_COLUMN} repeat({len(columns)}, {CELL_COLUMN})",
            grid_gap="4px 6px", align_items="center", max_width="1100px",
            padding="0 10px 0 0"))  # the last field's border clear of the notebook's edge

    # -- state ------------------------------------------------------------------------------
    @property
    def items(self) -> list[str]:
        """The items shown and counted now: the knowable ones, then the hindsight items when
        they are added."""
        return self.known_items + (self.hindsight_items if self.show_hindsight.value else [])

    @property
    def grid(self) -> pd.DataFrame:
        """The reader's grid now (the items shown), with ``attrs`` as ``model.ach`` uses."""
        rows = self.items
        grid = pd.DataFrame([[self.ratings[(e, h)] for h in self.reference.columns]
                             for e in rows],
                            index=pd.Index(rows, name=self.reference.index.name),
                            columns=self.reference.columns)
        grid.attrs = {**self.reference.attrs,
                      "hindsight": [e for e in self.hindsight_items if e in rows]}
        return grid

    @property
    def reference_shown(self) -> pd.DataFrame:
        """The course's grid for the items shown."""
        reference = self.reference.loc[self.items]
        reference.attrs = self.grid.attrs
        return reference

    def set_ratings(self, ratings: dict[tuple[str, str], str]) -> None:
        """Put ratings in the cells (others keep theirs) and redraw once."""
        self._batch = True
        try:
            for key, rating in ratings.items():
                self.ratings[key] = rating
                self.cells[key].value = rating
        finally:
            self._batch = False
        self.cell_message.value = ""
        self.redraw()

    # -- wiring -----------------------------------------------------------------------------
    def _wire(self) -> None:
        for key, cell in self.cells.items():
            cell.observe(lambda change, key=key: self._cell_changed(key, change), names="value")
        self.show_hindsight.observe(lambda _: self._hindsight_toggled(), names="value")
        self.fill_button.on_click(lambda _: self.fill_from_reference())
        self.clear_button.on_click(lambda _: self.clear())
        self.compare.observe(lambda _: self._draw_comparison(), names="value")
        self.save_button.on_click(lambda _: self.save())
        self.load_button.on_click(lambda _: self.load())
        self.yes_button.on_click(lambda _: self._confirmed())
        self.no_button.on_click(lambda _: self._declined())

    def _cell_changed(self, key: tuple[str, str], change) -> None:
        if self._batch:
            return
        rating = ach.parse_rating(change["new"])
        item, hypothesis = key
        if rating is None:
            kept = self.ratings[key] or "not rated"
            self.cell_message.value = (
                f"<p role='status'><b>{html.escape(change['new'])} is not a rating</b> "
                f"({html.escape(self.labels[hypothesis])}, {html.escape(self.names[item])}): "
                f"type CC, C, N, I or II, or empty the cell. The grid keeps {kept} there "
                "until then.</p>")
            return
        self.cell_message.value = ""
        if rating != change["new"]:  # "cc" becomes "CC" in the cell too
            self._batch = True
            try:
                self.cells[key].value = rating
            finally:
                self._batch = False
        if rating != self.ratings[key]:
            self.ratings[key] = rating
            self.redraw()

    def _show_rows(self) -> None:
        self.hindsight_part.layout.display = "" if self.show_hindsight.value else "none"

    def _hindsight_toggled(self) -> None:
        self._show_rows()
        self.redraw()

    def fill_from_reference(self) -> None:
        """Put the course's rating in every empty cell shown; cells already rated keep the
        reader's rating."""
        empty = {(e, h): self.reference.loc[e, h] for e in self.items
                 for h in self.reference.columns if self.ratings[(e, h)] == ach.NOT_RATED}
        self.status_note = (f"Filled {len(empty)} empty cell{'s' * (len(empty) != 1)} with the "
                            "course's ratings.")
        self.file_message.value = ""
        self.set_ratings(empty)

    def clear(self, confirmed: bool = False) -> None:
        """Empty every cell (the hidden hindsight cells too); asks first when any is rated."""
        rated = sum(1 for r in self.ratings.values() if r != ach.NOT_RATED)
        if rated and not confirmed:
            self._ask("clear", f"<p><b>Clear all {rated} rating{'s' * (rated != 1)}?</b> "
                      "Save your grid first if you want to keep it.</p>",
                      yes="Yes, clear them", no="No, keep them")
            return
        self._hide_confirmation()
        self.set_ratings({key: ach.NOT_RATED for key in self.ratings})
        self.file_message.value = ""

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        """Recompute from the cells and update the chart, its description and the tables in
        place: the chart and its description first, as they are what a reader waits for."""
        grid = self.grid
        ranked = ach.ranking(grid, self.weights)
        if self.chart is None or self.redraw_mode == "new_figure":
            self.chart = plots.ranking_chart(ranked)
            png = plain_png(self.chart, plots.DPI) if self.redraw_mode == "new_figure" else (
                self.chart.png())
        else:
            plots.update_ranking_chart(self.chart, ranked)
            png = self.chart.png()
        self.figure.value = figure_bundle(png, self.chart.description)["text/html"]
        self.description.value = ("<p role='status'><b>Figure description.</b> "
                                  f"{html.escape(self.chart.description)}</p>")
        rated = int((grid != ach.NOT_RATED).sum().sum())
        note, self.status_note = self.status_note, ""
        self.status.value = (f"<p><b>Rated {rated} of {grid.size} cells</b> ({len(grid)} items "
                             f"x {grid.shape[1]} hypotheses"
                             + (", hindsight included" if grid.attrs["hindsight"] else
                                f", knowable on {html.escape(self.article_day)}")
                             + f").{' ' + html.escape(note) if note else ''}</p>")
        frame = items_frame(grid, self.weights, self.names)
        self.items_table.value = (
            "<p><b>What each item does to the ranking.</b> "
            f"{html.escape(items_summary(frame))}</p>"
            + table_html(frame, widths=ITEMS_TABLE_WIDTHS))
        self._draw_comparison(grid)

    def _draw_comparison(self, grid: pd.DataFrame | None = None) -> None:
        if not self.compare.value:
            self.compare_table.value = ""
            self.compared = pd.DataFrame()
            return
        grid = self.grid if grid is None else grid
        compared = ach.compare_grids(grid, self.reference_shown, self.case.ratings)
        shown = self.compared = compare_frame(compared, self.names, self.labels)
        self.compare_table.value = (
            f"<p>{html.escape(compare_summary(compared, grid.size))}</p>"
            + (table_html(shown, widths=COMPARE_TABLE_WIDTHS) if len(shown) else ""))

    def static_view(self) -> tuple[str, str]:
        """What a reader sees before any cell runs: the grid as a table, the chart with its
        description as alternative text, and what each item does."""
        grid = self.grid
        table = pd.DataFrame({"item": [self.names[e] for e in grid.index],
                              **{self.labels[h]: grid[h].replace(ach.NOT_RATED, "\u2014")
                                 .to_list() for h in grid.columns}})
        page = (self._legend() + self.status.value + table_html(table) + self.figure.value
                + self.description.value + self.items_table.value)
        text = (strip_tags(self.status.value) + " " + self.chart.description)
        return page, html.unescape(text)

    # -- saving and loading -----------------------------------------------------------------
    def _path(self) -> Path | None:
        try:
            path = json_path(self.folder, self.file_name.value, DEFAULT_FILE)
        except ValueError as bad_name:
            self.file_message.value = str(bad_name)
            return None
        self.file_name.value = path.name
        return path

    def _full_grid(self) -> pd.DataFrame:
        # Saved whole, hindsight included, so a grid loads back as the reader left it.
        grid = pd.DataFrame([[self.ratings[(e, h)] for h in self.reference.columns]
                             for e in self.reference.index],
                            index=self.reference.index, columns=self.reference.columns)
        grid.attrs = dict(self.reference.attrs)
        return grid

    def save(self, overwrite: bool = False) -> None:
        """Save the grid; if the file exists, ask before replacing it."""
        self._hide_confirmation()
        path = self._path()
        if path is None:
            return
        if not self.your_name.value.strip():
            self.file_message.value = ("<p>Type your name (or a name for this grid) in "
                                       "<i>Your name</i> first. Nothing was saved.</p>")
            return
        if path.exists() and not overwrite:
            self._ask("save", f"<p><b>{html.escape(path.name)} exists already</b> in "
                      f"{html.escape(str(path.parent))}. Replace it?</p>",
                      yes="Yes, replace it", no="No, keep it")
            return
        try:
            save_grid(path, self._full_grid(), self.your_name.value, self.case,
                      overwrite=overwrite)
        except GridFileError as error:
            self.file_message.value = problems_html(error, "Nothing was saved.")
            return
        self.file_message.value = (f"<p>Saved {html.escape(path.name)} in "
                                   f"{html.escape(str(path.parent))}.</p>")

    def load(self) -> None:
        """Load a grid from the file named; a bad file changes nothing and says why."""
        self._hide_confirmation()
        path = self._path()
        if path is None:
            return
        try:
            loaded = load_grid(path, self.case)
            name = _saved_name(path)
        except GridFileError as error:
            self.file_message.value = problems_html(error, "Nothing was changed.")
            return
        # Items the file leaves out (hindsight items may be) are not rated in the file.
        self.set_ratings({(e, h): (loaded.loc[e, h] if e in loaded.index else ach.NOT_RATED)
                          for e, h in self.ratings})
        self.your_name.value = name
        self.file_message.value = (f"<p>Loaded the grid of {html.escape(name)} from "
                                   f"{html.escape(path.name)}.</p>")

    # -- asking before replacing ------------------------------------------------------------
    def _ask(self, action: str, question: str, yes: str, no: str) -> None:
        self._pending = action
        self.file_message.value = question
        self.yes_button.description, self.no_button.description = yes, no
        self.yes_button.layout.display = ""
        self.no_button.layout.display = ""

    def _hide_confirmation(self) -> None:
        self._pending = None
        self.yes_button.layout.display = "none"
        self.no_button.layout.display = "none"

    def _confirmed(self) -> None:
        action = self._pending
        self._hide_confirmation()
        if action == "save":
            self.save(overwrite=True)
        elif action == "clear":
            self.clear(confirmed=True)

    def _declined(self) -> None:
        action = self._pending
        self._hide_confirmation()
        self.file_message.value = ("<p>Not saved: the existing file is unchanged.</p>"
                                   if action == "save" else
                                   "<p>Not cleared: your ratings are as they were.</p>")


def _saved_name(path: Path) -> str:
    # load_grid has checked the file; the name is for the message and the name field.
    return str(json.loads(path.read_text(encoding="utf-8"))["name"])


def rating_grid_widget(case: Case, start: str = "blank", hindsight: bool = False,
                       folder: Path | str | None = None, redraw: str = "update") -> Panel:
    """The rating grid of lesson 08 (see ``RatingGrid``); files are saved in ``folder``
    (default: the folder the lesson runs in). ``panel.grid`` holds its controls."""
    return RatingGrid(case, start, hindsight, folder, redraw).panel
