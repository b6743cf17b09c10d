"""The weighting widgets of lesson 06: they build controls from the case and wire them to
``casebook.model.weights`` and ``casebook.plots.weights``; no logic of their own.

- ``weighting_explorer(case)``: one slider per factor (a factor added to the data adds a
  slider), a preset menu, a reset button, the normalised weights, the option-score chart
  and the predicted-against-observed table, a summary sentence, and saving and loading the
  weights as a file for the seminar.
- ``pairwise_weighting(case, explorer)``: AHP judgements between every pair of factors,
  the weights they give, the consistency ratio, and a button that puts the weights on the
  explorer's sliders.

Both return a ``casebook.display.Panel``, whose static view (before any cell runs) shows
the default state: the article's weighting, its chart and its table.
"""

from __future__ import annotations

import html
from itertools import combinations
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from ..case import Case
from ..display import Panel, figure_bundle, table_html
from ..model import weights as model
from ..plots import weights as plots
from ..weights_file import WeightsFileError, load_weights, save_weights
from .controls import Choice, choice_keys, keys_note, number_field
from .messages import json_path, plain_png, problems_html, strip_tags

SLIDER_STEP = 0.5
DEFAULT_FILE = "my_weights.json"
FIT_TABLE_WIDTHS = [22, 10, 15, 28, 25]  # option, score, predicted, observed, explained
WINDOWS = ("known", "later", "both")
OWN_WEIGHTS = ""  # the preset menu's entry for weights that are no preset


def _actor(case: Case) -> str:
    return str(case.actors.loc[case.focus_actor, "short_name"])


def observations_for(case: Case, window: str) -> pd.DataFrame:
    """The observations of a window: ``known`` on the article's date (the default),
    ``later`` (after it, with the focus actor's later UN votes), or ``both``."""
    known = model.observations(case.behaviour, case.options.index, end=case.article.date)
    if window == "known":
        return known
    later = model.case_later_observations(case)
    if window == "later":
        return later
    return pd.concat([known, later], ignore_index=True)


def window_labels(case: Case) -> list[tuple[str, str]]:
    """The observation menu's entries, each with its number of observations."""
    counts = {w: len(observations_for(case, w)) for w in WINDOWS}
    date = case.article.date.first_day
    day = f"{date.day} {date:%b %Y}"
    return [(f"known on {day}, the article's date ({counts['known']})", "known"),
            (f"after the article ({counts['later']})", "later"),
            (f"both ({counts['both']})", "both")]


class WeightingExplorer:
    """The controls and their wiring; ``panel`` is what a lesson displays. ``redraw`` is
    "update" (change the chart's artists in place, the default) or "new_figure" (build a
    new figure on every change: the naive way, kept for the latency benchmark)."""

    def __init__(self, case: Case, folder: Path | str | None = None, redraw: str = "update"):
        self.case = case
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.redraw_mode = redraw
        self.effects = case.effect_matrix()
        self.presets = case.weight_matrix()
        self.article_preset = model.article_preset(case.presets, case.article.source_id)
        self.factor_labels = case.factors["short_label"]
        self.option_labels = case.options["short_label"]
        self.method = f"preset:{self.article_preset}"
        self._batch = False
        self._observed = observations_for(case, "known")

        start = self.presets.loc[self.article_preset]
        self.sliders = {factor: widgets.FloatSlider(
            value=float(start[factor]), min=0, max=model.WEIGHT_MAX, step=SLIDER_STEP,
            description=label, readout_format=".1f", continuous_update=False,
            style={"description_width": "150px"}, layout=widgets.Layout(width="420px"))
            for factor, label in self.factor_labels.items()}
        # Each slider's weight in a named number field beside it: the slider has no name a
        # screen reader announces, and a letter pressed on it reaches the notebook.
        self.fields = {factor: number_field(slider, self.factor_labels[factor])
                       for factor, slider in self.sliders.items()}
        self.preset_menu = Choice(
            [("(your own weights)", OWN_WEIGHTS)] + [
                (label, preset) for preset, label in case.presets["label"].items()],
            self.article_preset, "Reading", description_width="", width="420px")
        self.reset_button = widgets.Button(description="Reset to the article's weights",
                                           layout=widgets.Layout(width="240px"))
        self.window_menu = Choice(window_labels(case), "known", "Observations",
                                  kind="set of observations", width="420px")
        self.shares = widgets.HTML()
        self.message = widgets.HTML()
        self.summary = widgets.HTML()
        self.summary.add_class("casebook-weights-summary")
        # The chart as an <img> whose alternative text is its description.
        self.image = widgets.HTML(layout=widgets.Layout(max_width="760px"))
        self.png = b""
        self.image.add_class("casebook-weights-chart")
        self.description = widgets.HTML()
        self.description.add_class("casebook-weights-description")
        self.fit_table = widgets.HTML(layout=widgets.Layout(max_width="560px"))

        self.your_name = widgets.Text(description="Your name", placeholder="e.g. Ana",
                                      layout=widgets.Layout(width="300px"))
        self.file_name = widgets.Text(value=DEFAULT_FILE, description="File",
                                      layout=widgets.Layout(width="300px"))
        self.save_button = widgets.Button(description="Save weights", icon="save")
        self.load_button = widgets.Button(description="Load weights", icon="folder-open")
        self.overwrite_button = widgets.Button(description="Yes, replace it",
                                               button_style="warning",
                                               layout=widgets.Layout(display="none"))
        self.cancel_button = widgets.Button(description="No, keep it",
                                            layout=widgets.Layout(display="none"))
        self.file_message = widgets.HTML()

        self.chart = None
        self._wire()
        self.redraw()
        keys = keys_note(
            f"Tab moves from control to control; "
            f"{choice_keys([self.preset_menu.description, self.window_menu.description])}; "
            "on a slider the arrow keys move it, or type the weight in the field beside it "
            "and press Enter; Enter or Space presses a button.")
        self.panel = Panel([
            widgets.HTML("<b>Weights</b> (0 to 10 each; only the ratios count)"), keys,
            widgets.HBox([self.preset_menu, self.reset_button],
                         layout=widgets.Layout(align_items="flex-start")),
            *(widgets.HBox([slider, self.fields[factor]])
              for factor, slider in self.sliders.items()),
            self.shares, self.window_menu, self.message,
            self.summary,
            # The table sits beside the chart where the page is wide enough, else below it.
            widgets.HBox([self.image, self.fit_table],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start")),
            self.description,
            widgets.HTML("<b>Save your weights for the seminar</b>"),
            widgets.HBox([self.your_name, self.file_name]),
            widgets.HBox([self.save_button, self.load_button, self.overwrite_button,
                          self.cancel_button]),
            self.file_message], self.static_view)
        self.panel.explorer = self

    # -- reading and setting the weights -----------------------------------------------
    @property
    def weights(self) -> pd.Series:
        """The sliders' weights now, by factor id."""
        return pd.Series({f: s.value for f, s in self.sliders.items()}, name="weight")

    def set_weights(self, values: pd.Series | dict, method: str) -> None:
        """Put weights on the sliders and redraw once (not once per slider)."""
        checked = model.check_weights(dict(values), self.sliders)
        self._batch = True
        try:
            for factor, slider in self.sliders.items():
                slider.value = min(max(float(checked[factor]), 0.0), model.WEIGHT_MAX)
        finally:
            self._batch = False
        preset = method.removeprefix("preset:")
        # A file may name a preset whose weights were then changed: the menu names a reading
        # only when the sliders hold exactly its weights.
        is_preset = method.startswith("preset:") and preset in self.presets.index and (
            self.presets.loc[preset].to_dict() == self.weights.to_dict())
        self.method = method if is_preset or not method.startswith("preset:") else "sliders"
        self._show_preset(preset if is_preset else OWN_WEIGHTS)
        self.redraw()

    def _show_preset(self, preset: str) -> None:
        self._batch = True
        try:
            self.preset_menu.value = preset
        finally:
            self._batch = False

    # -- wiring ----------------------------------------------------------------------------
    def _wire(self) -> None:
        for slider in self.sliders.values():
            slider.observe(self._slider_moved, names="value")
        self.preset_menu.observe(self._preset_chosen, names="value")
        self.reset_button.on_click(lambda _: self.reset())
        self.window_menu.observe(self._window_chosen, names="value")
        self.save_button.on_click(lambda _: self.save())
        self.load_button.on_click(lambda _: self.load())
        self.overwrite_button.on_click(lambda _: self.save(overwrite=True))
        self.cancel_button.on_click(lambda _: self._cancel_save())

    def _slider_moved(self, _change) -> None:
        if self._batch:
            return
        self.method = "sliders"
        self._show_preset(OWN_WEIGHTS)
        self.redraw()

    def _preset_chosen(self, change) -> None:
        if self._batch or change["new"] == OWN_WEIGHTS:
            return
        self.set_weights(self.presets.loc[change["new"]], method=f"preset:{change['new']}")

    def _window_chosen(self, change) -> None:
        self._observed = observations_for(self.case, change["new"])
        self.redraw()

    def reset(self) -> None:
        """Back to the article's weights, as the widget started."""
        self._show_preset(self.article_preset)
        self.set_weights(self.presets.loc[self.article_preset],
                         method=f"preset:{self.article_preset}")

    # -- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:
        """Recompute from the sliders and update the chart, table and sentences in place."""
        weights = self.weights
        try:
            shares = model.normalise(weights)
        except model.WeightsError as error:
            self.message.value = (f"<p style='color:#B00'><b>{html.escape(str(error))}.</b> "
                                  "The chart and table still show the last weights that "
                                  "had one.</p>")
            self.summary.value = "<p>No prediction: all weights are 0.</p>"
            self.shares.value = ""
            return
        self.message.value = ""
        self.shares.value = "<p>Shares: " + ", ".join(
            f"{self.factor_labels[f]} {shares[f]:.0%}" for f in shares.index) + "</p>"
        rows = model.fit(self.effects, weights, self._observed)
        scores = model.option_scores(self.effects, weights)
        predicted = model.stances(scores)
        by_option = model.option_table(rows, self.effects.index, self.case.options, scores)
        explained = model.explained_count(rows)
        # The counts per option are in the table beside the chart, not on it: labels that
        # change with the predictions would make the chart re-draw its background often.
        if self.chart is None or self.redraw_mode == "new_figure":
            self.chart = plots.option_scores_chart(scores, predicted, self.option_labels,
                                                   model.UNDECIDED_BAND, explained=explained)
            png = plain_png(self.chart, plots.DPI) if self.redraw_mode == "new_figure" else (
                self.chart.png())
        else:
            self.chart.update(scores, predicted, explained=explained)
            png = self.chart.png()
        self.png = png
        self.image.value = figure_bundle(png, self.chart.description)["text/html"]
        self.description.value = ("<p><b>Figure description.</b> "
                                  f"{html.escape(self.chart.description)}</p>")
        self.fit_table.value = table_html(by_option, widths=FIT_TABLE_WIDTHS)
        sentence = model.summary_sentence(predicted, self.option_labels, *explained,
                                          actor=_actor(self.case), scores=scores)
        self.summary.value = f"<p><b>{html.escape(sentence)}</b></p>"

    def static_view(self) -> tuple[str, str]:
        """What a reader sees before any cell runs: the state now, as HTML and as text."""
        weights = ", ".join(f"{self.factor_labels[f]} {s.value:g}"
                            for f, s in self.sliders.items())
        menu = dict((v, k) for k, v in self.preset_menu.options)[self.preset_menu.value]
        page = (f"<p><b>Weights</b> (0 to 10): {html.escape(weights)}. Reading: "
                f"{html.escape(menu)}.</p>{self.shares.value}{self.message.value}"
                f"{self.summary.value}"
                + figure_bundle(self.png, self.chart.description)["text/html"]
                + self.description.value + self.fit_table.value)
        text = (f"Weights (0 to 10): {weights}. "
                + html.unescape(strip_tags(self.summary.value)) + " "
                + self.chart.description)
        return page, text

    # -- saving and loading ----------------------------------------------------------------
    def _path(self) -> Path | None:
        try:
            path = json_path(self.folder, self.file_name.value, DEFAULT_FILE)
        except ValueError as bad_name:
            self.file_message.value = str(bad_name)
            return None
        self.file_name.value = path.name
        return path

    def save(self, overwrite: bool = False) -> None:
        """Save the weights; if the file exists, ask before replacing it."""
        self._hide_confirmation()
        path = self._path()
        if path is None:
            return
        if not self.your_name.value.strip():
            self.file_message.value = ("<p>Type your name (or a name for this weighting) in "
                                       "<i>Your name</i> first. Nothing was saved.</p>")
            return
        if path.exists() and not overwrite:
            self.file_message.value = (f"<p><b>{html.escape(path.name)} exists already</b> in "
                                       f"{html.escape(str(path.parent))}. Replace it?</p>")
            self.overwrite_button.layout.display = ""
            self.cancel_button.layout.display = ""
            return
        try:
            save_weights(path, self.weights, self.your_name.value, self.sliders,
                         method=self.method, case_title=self.case.title, overwrite=overwrite)
        except WeightsFileError as error:
            self.file_message.value = problems_html(error, "Nothing was saved.")
            return
        self.file_message.value = (f"<p>Saved {html.escape(path.name)} in "
                                   f"{html.escape(str(path.parent))}. Hand this file in for "
                                   "the seminar.</p>")

    def _hide_confirmation(self) -> None:
        self.overwrite_button.layout.display = "none"
        self.cancel_button.layout.display = "none"

    def _cancel_save(self) -> None:
        self._hide_confirmation()
        self.file_message.value = "<p>Not saved: the existing file is unchanged.</p>"

    def load(self) -> None:
        """Load weights from the file named; a bad file changes nothing and says why."""
        self._hide_confirmation()
        path = self._path()
        if path is None:
            return
        try:
            saved = load_weights(path, self.sliders)
        except WeightsFileError as error:
            self.file_message.value = problems_html(error, "Nothing was changed.")
            return
        self.your_name.value = saved.name
        self.set_weights(saved.weights, method=saved.method)
        self.file_message.value = (f"<p>Loaded the weights of {html.escape(saved.name)} from "
                                   f"{html.escape(path.name)}.</p>")


def weighting_explorer(case: Case, folder: Path | str | None = None,
                       redraw: str = "update") -> Panel:
    """The weighting widget (see ``WeightingExplorer``); files are saved in ``folder``
    (default: the folder the lesson runs in). ``panel.explorer`` holds its controls."""
    return WeightingExplorer(case, folder, redraw).panel


# -- pairwise judgements (AHP) -------------------------------------------------------------

def judgement_options(first: str, second: str) -> list[tuple[str, float]]:
    """The steps of one pairwise slider: first much more important ... equal ... second much
    more important, as Saaty's values.

    >>> [label for label, _ in judgement_options("A", "B")][7:10]
    ['A ×2', 'equal', 'B ×2']
    """
    return ([(f"{first} ×{v}", float(v)) for v in range(9, 1, -1)] + [("equal", 1.0)]
            + [(f"{second} ×{v}", 1 / v) for v in range(2, 10)])


def judgement_name(first: str, second: str) -> str:
    """The accessible name of one pair's judgement field.

    >>> judgement_name("A", "B")
    'A against B: which matters more, and how much'
    """
    return f"{first} against {second}: which matters more, and how much"


class PairwiseWeighting:
    """One slider per pair of factors; the AHP weights and consistency they give."""

    def __init__(self, case: Case, explorer: WeightingExplorer | None = None):
        self.case = case
        self.explorer = explorer
        self.labels = case.factors["short_label"]
        self.pairs = list(combinations(case.factors.index, 2))
        self.sliders = {(a, b): widgets.SelectionSlider(
            options=judgement_options(self.labels[a], self.labels[b]), value=1.0,
            description=f"{self.labels[a]} : {self.labels[b]}", continuous_update=False,
            readout=False, style={"description_width": "330px"},
            layout=widgets.Layout(width="580px"))
            for a, b in self.pairs}
        # Beside each slider, its judgement in a named field that keeps its keys (the slider
        # has no name, and a screen reader hears the step's number, not its label).
        self.choices = {pair: Choice(
            judgement_options(self.labels[pair[0]], self.labels[pair[1]]), 1.0,
            judgement_name(self.labels[pair[0]], self.labels[pair[1]]), kind="judgement",
            hide_name=True, width="230px") for pair in self.pairs}
        for pair, slider in self.sliders.items():
            widgets.link((slider, "value"), (self.choices[pair], "value"))
        self.result_html = widgets.HTML()
        self.result_html.add_class("casebook-ahp-result")
        self.use_button = widgets.Button(description="Use these weights in the sliders",
                                         layout=widgets.Layout(width="280px"))
        self.result = None
        for slider in self.sliders.values():
            slider.observe(lambda _: self.redraw(), names="value")
        self.use_button.on_click(lambda _: self.use())
        self.redraw()
        first = self.labels[self.pairs[0][0]] if self.pairs else ""
        keys = keys_note(
            "Tab moves from control to control; on a slider the arrow keys move it; in the "
            f"field beside it type a judgement (e.g. <i>{html.escape(first)} x3</i> or "
            "<i>equal</i>) or its first letters and press Enter, or empty the field and press "
            "Down (or click it) to pick from its list; Enter or Space presses the button.")
        children = [widgets.HTML("<b>Pairwise judgements</b>: for each pair, which factor "
                                 f"matters more to {html.escape(_actor(case))}, and how much "
                                 "(Saaty's 1-9 scale)"), keys,
                    *(widgets.HBox([slider, self.choices[pair]])
                      for pair, slider in self.sliders.items()), self.result_html]
        if explorer is not None:
            children.append(self.use_button)
        self.panel = Panel(children, self.static_view)
        self.panel.pairwise = self

    @property
    def judgements(self) -> dict[tuple[str, str], float]:
        return {pair: slider.value for pair, slider in self.sliders.items()}

    def redraw(self) -> None:
        matrix = model.pairwise_matrix(self.judgements, self.case.factors.index)
        self.result = model.ahp(matrix)
        table = pd.DataFrame({
            "factor": self.labels.to_list(),
            "AHP weight %": (self.result.weights * 100).round(1).to_list(),
            "on the sliders (0-10)": model.weights_from_ahp(self.result).to_list()})
        report = model.ahp_report(self.result, self.labels)
        colour = "" if self.result.consistent else " style='color:#B00'"
        self.result_html.value = (table_html(table) + f"<p{colour}><b>{html.escape(report)}"
                                  "</b></p>")

    def use(self) -> None:
        """Put the AHP weights on the explorer's sliders."""
        self.explorer.set_weights(model.weights_from_ahp(self.result), method="pairwise")

    def static_view(self) -> tuple[str, str]:
        equal = sum(1 for v in self.judgements.values() if v == 1.0)
        words = (f"{len(self.pairs)} pairwise sliders, {equal} of them at 'equal'. "
                 + model.ahp_report(self.result, self.labels))
        return f"<p>{html.escape(words)}</p>" + self.result_html.value, words


def pairwise_weighting(case: Case, explorer: Panel | None = None) -> Panel:
    """The AHP widget; with the panel of ``weighting_explorer``, a button puts its weights on
    that panel's sliders. ``panel.pairwise`` holds its controls."""
    return PairwiseWeighting(case, explorer.explorer if explorer is not None else None).panel
