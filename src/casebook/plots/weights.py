"""Charts of the weighting model: option scores diverging from zero, and break-even weights.

Both charts can be updated in place (``chart.update(...)``): the bars and labels made the
first time are kept and only their data change, so a widget redraws without building a new
figure. The stance of every bar is told three ways: colour (Okabe-Ito), hatching, and a
label with the score and the stance in words.

>>> import pandas as pd
>>> scores = pd.Series({"x": 0.8, "y": -1.2})
>>> chart = option_scores_chart(scores, pd.Series({"x": "support", "y": "oppose"}),
...                             pd.Series({"x": "Talks", "y": "Force"}))
>>> [round(bar.get_width(), 2) for bar in chart.bars], [bar.get_hatch() for bar in chart.bars]
([0.8, -1.2], [None, '///'])
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import PIL.Image
from matplotlib import patches, transforms
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..model import weights as model
from . import NEUTRAL_GREY, OKABE_ITO, Chart

# Each stance: a colour, a hatching and the word on the label; never colour alone.
STANCE_STYLE = {
    "support": {"color": OKABE_ITO[5], "hatch": None, "edge": "black"},  # blue, solid
    "oppose": {"color": OKABE_ITO[6], "hatch": "///", "edge": "black"},  # vermilion, ///
    "undecided": {"color": "#BBBBBB", "hatch": "...", "edge": "black"},  # grey, dotted
}
HOLDS_STYLE = {"color": "white", "hatch": None, "edge": "#888888"}  # no flip in range
BAND_COLOUR = "#EEEEEE"
SCORE_LIMIT = 2.0  # effects run from -2 to +2, so scores do too
DPI = 100


def _signed(value: float) -> str:
    """+0.79, -1.28, 0.00 (a minus sign, not a hyphen, for screen readers too).

    >>> _signed(0.791), _signed(-1.279), _signed(0.0)
    ('+0.79', '−1.28', '0.00')
    """
    value = round(float(value), 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    if value == 0:
        return "0.00"
    return f"+{value:.2f}" if value > 0 else f"−{abs(value):.2f}"


def _names(labels: list[str]) -> str:
    return ", ".join(labels) if labels else "none"


def describe_option_scores(scores: pd.Series, predicted: pd.Series, labels: pd.Series,
                           band: float, explained: tuple[int, int] | None = None) -> str:
    """The text description of the score chart, from the same numbers.

    >>> print(describe_option_scores(pd.Series({"x": 0.8, "y": -1.2}),
    ...       pd.Series({"x": "support", "y": "oppose"}), pd.Series({"x": "A", "y": "B"}), 0.1,
    ...       (3, 4)))  # doctest: +NORMALIZE_WHITESPACE
    Diverging bar chart of the score of 2 options under these weights, from −2 (against)
    to +2 (for); from −0.1 to +0.1 (the shaded band) the model is undecided. Support (solid
    bars): A +0.80. Oppose (bars hatched ///): B −1.20. Undecided (dotted bars): none. 3 of 4
    observed stances explained.
    """
    groups = {s: [f"{labels[o]} {_signed(scores[o])}" for o in scores.index
                  if predicted[o] == s] for s in STANCE_STYLE}
    text = (f"Diverging bar chart of the score of {len(scores)} options under these weights, "
            f"from −2 (against) to +2 (for); from {_signed(-band)[:-1]} to +{band:g} (the "
            f"shaded band) the model is undecided. Support (solid bars): "
            f"{_names(groups['support'])}. Oppose (bars hatched ///): "
            f"{_names(groups['oppose'])}. Undecided (dotted bars): "
            f"{_names(groups['undecided'])}.")
    if explained is not None:
        text += f" {explained[0]} of {explained[1]} observed stances explained."
    return text


@dataclass
class ScoreChart(Chart):
    """The score chart with handles on its artists, so that ``update`` changes their data
    in place."""

    options: list = field(default_factory=list)
    labels: pd.Series | None = None
    band: float = 0.1
    bars: list = field(default_factory=list)
    value_labels: list = field(default_factory=list)
    explained_labels: list = field(default_factory=list)
    title: object = None
    _canvas: FigureCanvasAgg | None = field(default=None, repr=False)
    _base: object = field(default=None, repr=False)
    _background: object = field(default=None, repr=False)
    _seldom_drawn: tuple = field(default=(), repr=False)

    def update(self, scores: pd.Series, predicted: pd.Series,
               explained_by_option: pd.Series | None = None,
               explained: tuple[int, int] | None = None, title: str | None = None) -> None:
        """Set new scores and stances on the existing bars and labels (no new figure)."""
        for option, bar, label in zip(self.options, self.bars, self.value_labels, strict=True):
            score, stance = float(scores[option]), predicted[option]
            _style_bar(bar, STANCE_STYLE[stance])
            bar.set_width(score)
            label.set_text(f"{_signed(score)} {stance}")
            label.set_x(score + (0.06 if score >= 0 else -0.06))
            label.set_horizontalalignment("left" if score >= 0 else "right")
        if explained_by_option is not None:
            for option, text in zip(self.options, self.explained_labels, strict=True):
                text.set_text(explained_by_option.get(option, ""))
        if title is not None:
            self.title.set_text(title)
        self.description = describe_option_scores(scores, predicted, self.labels, self.band,
                                                  explained)
        self.table = _score_table(scores, predicted, self.labels)

    def png(self) -> bytes:
        """The figure as PNG, drawn by blitting. The first call draws the whole figure once
        without the artists that change and keeps that picture (the base). The labels that
        change seldom (the "explained" column, the title) are drawn on the base and kept as
        a second picture, re-made only when their text changes. Each call then pastes that
        picture back and draws only the bars and their labels on it, which is what makes a
        slider move quick. The layout is fixed when the chart is made."""
        if self._canvas is None:
            self._canvas = FigureCanvasAgg(self.figure)
            self.figure.set_dpi(DPI)
            for artist in [*self._moving(), *self._seldom()]:
                artist.set_animated(True)  # left out of the full draw below
            self._canvas.draw()
            self._base = self._canvas.copy_from_bbox(self.figure.bbox)
        seldom = tuple(artist.get_text() for artist in self._seldom())
        if seldom != self._seldom_drawn:
            self._canvas.restore_region(self._base)
            for artist in self._seldom():
                self.figure.draw_artist(artist)
            self._background = self._canvas.copy_from_bbox(self.figure.bbox)
            self._seldom_drawn = seldom
        self._canvas.restore_region(self._background)
        for artist in self._moving():
            self.figure.draw_artist(artist)
        return png_of(self._canvas)

    def _moving(self) -> list:
        return [*self.bars, *self.value_labels]

    def _seldom(self) -> list:
        return [*self.explained_labels, self.title]


def png_of(canvas: FigureCanvasAgg) -> bytes:
    """The canvas's pixels as PNG. Light compression: it is re-made on every slider move,
    and at this size level 1 is about as small as the default and faster to write."""
    width, height = canvas.get_width_height()
    image = PIL.Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA",
                                 0, 1).convert("RGB")  # opaque figure: a quarter less to pack
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _style_bar(bar, style: dict) -> None:
    bar.set_facecolor(style["color"])
    bar.set_hatch(style["hatch"])
    bar.set_edgecolor(style["edge"])


def _score_table(scores: pd.Series, predicted: pd.Series, labels: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"option": labels.reindex(scores.index).to_list(),
                         "score": scores.round(2).to_list(),
                         "predicted": predicted.reindex(scores.index).to_list()},
                        index=scores.index)


def option_scores_chart(scores: pd.Series, predicted: pd.Series, labels: pd.Series,
                        band: float = 0.1, explained_by_option: pd.Series | None = None,
                        explained: tuple[int, int] | None = None,
                        title: str = "Option scores under these weights") -> ScoreChart:
    """Horizontal bars diverging from zero, one per option (top to bottom in file order):
    blue and solid for support, vermilion and hatched /// for oppose, grey and dotted for
    undecided, each labelled with its score and stance; the undecided band is shaded. With
    ``explained_by_option`` (e.g. "4 of 5"), that text stands at the right of each row."""
    options = list(scores.index)
    figure = Figure(figsize=(7.5, 0.42 * len(options) + 1.3), layout="constrained")
    ax = figure.add_subplot()
    # The band's dotted edges mark where undecided begins (its light fill alone is faint).
    ax.axvspan(-band, band, facecolor=BAND_COLOUR, edgecolor=NEUTRAL_GREY, linestyle=":",
               linewidth=0.8, zorder=0)
    ax.axvline(0, color="black", linewidth=0.8, zorder=1)
    positions = np.arange(len(options))
    bars = list(ax.barh(positions, [0.0] * len(options), height=0.6, linewidth=0.6, zorder=2))
    value_labels = [ax.text(0, y, "", va="center", fontsize=9, zorder=3) for y in positions]
    # The "explained" column sits just right of the axes, at each bar's height.
    transform = transforms.blended_transform_factory(ax.transAxes, ax.transData)
    explained_labels = [ax.text(1.02, y, "", va="center", fontsize=9, transform=transform)
                        for y in positions]
    if explained_by_option is not None:
        ax.text(1.02, -0.9, "explained", fontsize=9, transform=transform, style="italic")
    ax.set_yticks(positions, labels.reindex(options).to_list())
    ax.set_ylim(len(options) - 0.5, -1.2)  # first option on top, room for the heading above
    ax.set_xlim(-SCORE_LIMIT - 0.9, SCORE_LIMIT + 0.9)
    ax.set_xticks([-2, -1, 0, 1, 2], ["−2\nagainst", "−1", "0", "+1", "+2\nfor"])
    ax.text(0, -0.9, f"undecided ±{band:g}", ha="center", fontsize=8, color="#555555")
    ax.set_xlabel("score = sum of weight share × effect")
    ax.spines[["top", "right"]].set_visible(False)
    chart_title = ax.set_title(title, loc="left")
    chart = ScoreChart(figure, "", pd.DataFrame(), options=options, labels=labels,
                       band=band, bars=bars, value_labels=value_labels,
                       explained_labels=explained_labels, title=chart_title)
    chart.update(scores, predicted, explained_by_option, explained)
    # Lay out once, then freeze: updates change data, never the layout.
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    return chart


# -- break-even weights (tornado chart) ---------------------------------------------------

MAX_STRETCHES = 3  # the score moves steadily with one weight: at most three stances in turn


def _order_by_sensitivity(stretches: pd.DataFrame, weights: pd.Series) -> list[str]:
    """The factors of one option, the one that flips the stance with the smallest change of
    its weight first; factors that never flip it last, in their given order."""
    distance = {}
    for factor, rows in stretches.groupby("factor_id", sort=False):
        flips = rows["start"].iloc[1:]  # each stretch after the first starts at a flip
        distance[factor] = min((abs(x - weights[factor]) for x in flips), default=np.inf)
    return sorted(distance, key=lambda f: distance[f])


def _stance_now(stretches: pd.DataFrame, weight: float) -> str:
    inside = stretches[(stretches["start"] <= weight) & (weight <= stretches["end"])]
    return inside["stance"].iloc[0]


def describe_break_even(stretches: pd.DataFrame, weights: pd.Series, factor_labels: pd.Series,
                        option_label: str, weight_max: float) -> str:
    """The text description of the break-even chart of one option.

    >>> stretches = pd.DataFrame({"factor_id": ["a", "a", "a", "b"],
    ...     "start": [0, 0.86, 5.37, 0], "end": [0.86, 5.37, 10, 10],
    ...     "stance": ["oppose", "undecided", "support", "undecided"]})
    >>> print(describe_break_even(stretches, pd.Series({"a": 1.0, "b": 2.0}),
    ...       pd.Series({"a": "A", "b": "B"}), "X", 10))  # doctest: +NORMALIZE_WHITESPACE
    Tornado chart of break-even weights for X, predicted undecided now. Each row moves one
    factor's weight from 0 to 10 with the others held and shows the stance predicted at each
    weight; the black mark is the weight now, and the factor that flips the stance with the
    smallest change is on top. A (now 1): oppose up to 0.86, undecided from 0.86 to 5.37,
    support from 5.37. No weight of B from 0 to 10 changes the stance.
    """
    first = _order_by_sensitivity(stretches, weights)
    now = _stance_now(stretches[stretches["factor_id"] == first[0]], weights[first[0]])
    text = (f"Tornado chart of break-even weights for {option_label}, predicted {now} now. "
            f"Each row moves one factor's weight from 0 to {weight_max:g} with the others held "
            "and shows the stance predicted at each weight; the black mark is the weight now, "
            "and the factor that flips the stance with the smallest change is on top.")
    steady = []
    for factor in first:
        rows = stretches[stretches["factor_id"] == factor]
        if len(rows) == 1:
            steady.append(factor_labels[factor])
            continue
        parts = []
        for number, (_, row) in enumerate(rows.iterrows()):
            if number == 0:
                parts.append(f"{row['stance']} up to {row['end']:g}")
            elif number == len(rows) - 1:
                parts.append(f"{row['stance']} from {row['start']:g}")
            else:
                parts.append(f"{row['stance']} from {row['start']:g} to {row['end']:g}")
        text += f" {factor_labels[factor]} (now {weights[factor]:g}): {', '.join(parts)}."
    if steady:
        text += (f" No weight of {', '.join(steady)} from 0 to {weight_max:g} changes the "
                 "stance.")
    return text


@dataclass
class BreakEvenChart(Chart):
    """The tornado chart with handles on its artists; ``update`` changes them in place."""

    factor_labels: pd.Series | None = None
    weight_max: float = 10.0
    stretch_bars: list = field(default_factory=list)  # rows x MAX_STRETCHES
    flip_texts: list = field(default_factory=list)  # rows x (MAX_STRETCHES - 1)
    marks: object = None
    title: object = None

    def update(self, stretches: pd.DataFrame, weights: pd.Series, option_label: str) -> None:
        """Show one option's stretches (rows of ``model.weights.stance_intervals``) and
        the weights now."""
        order = _order_by_sensitivity(stretches, weights)
        ax = self.figure.axes[0]
        ax.set_yticks(range(len(order)), [self.factor_labels[f] for f in order])
        for y, factor in enumerate(order):
            rows = stretches[stretches["factor_id"] == factor].reset_index(drop=True)
            for k, bar in enumerate(self.stretch_bars[y]):
                if k < len(rows):
                    _style_bar(bar, STANCE_STYLE[rows.loc[k, "stance"]])
                    bar.set_x(rows.loc[k, "start"])
                    bar.set_width(rows.loc[k, "end"] - rows.loc[k, "start"])
                else:
                    bar.set_width(0)
                bar.set_y(y - bar.get_height() / 2)
            for k, text in enumerate(self.flip_texts[y]):
                flip = rows.loc[k + 1, "start"] if k + 1 < len(rows) else None
                text.set_text("" if flip is None else f"{flip:g}")
                text.set_position((0 if flip is None else flip, y - 0.34))
        self.marks.set_data([weights[f] for f in order], np.arange(len(order)))
        now = _stance_now(stretches[stretches["factor_id"] == order[0]], weights[order[0]])
        self.title.set_text(f"Break-even weights: {option_label} ({now} now)")
        self.description = describe_break_even(stretches, weights, self.factor_labels,
                                               option_label, self.weight_max)
        self.table = pd.DataFrame({
            "factor": [self.factor_labels[f] for f in order],
            "weight now": [weights[f] for f in order],
            "stance at each weight": [
                ", ".join(f"{r.stance} {r.start:g}-{r.end:g}" for r in stretches[
                    stretches["factor_id"] == f].itertuples()) for f in order],
        })

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=DPI)
        return buffer.getvalue()


def break_even_chart(stretches: pd.DataFrame, weights: pd.Series, factor_labels: pd.Series,
                     option_label: str, weight_max: float = 10.0) -> BreakEvenChart:
    """Tornado chart of one option's break-even weights: one row per factor, the weight of
    that factor from 0 to ``weight_max`` (the others held), coloured, hatched and labelled
    by the stance predicted there (``stance_intervals`` rows of that option); the weight
    where the stance flips is written above each change, a black mark shows the weight now,
    and the factor that flips the stance with the smallest change is on top.

    >>> stretches = pd.DataFrame({"factor_id": ["a", "a", "a", "b"],
    ...     "start": [0, 0.86, 5.37, 0], "end": [0.86, 5.37, 10, 10],
    ...     "stance": ["oppose", "undecided", "support", "undecided"]})
    >>> chart = break_even_chart(stretches, pd.Series({"a": 1.0, "b": 2.0}),
    ...                          pd.Series({"a": "A", "b": "B"}), "X")
    >>> first_row = chart.stretch_bars[0]
    >>> [(float(round(b.get_x(), 2)), float(round(b.get_width(), 2))) for b in first_row]
    [(0.0, 0.86), (0.86, 4.51), (5.37, 4.63)]
    >>> [t.get_text() for t in chart.flip_texts[0]], [b.get_hatch() for b in first_row]
    (['0.86', '5.37'], ['///', '...', None])
    """
    count = stretches["factor_id"].nunique()
    figure = Figure(figsize=(7.5, 0.5 * count + 1.5), layout="constrained")
    ax = figure.add_subplot()
    positions = np.arange(count)
    stretch_bars = [[ax.barh(y, 0.0, height=0.5, linewidth=0.6)[0]
                     for _ in range(MAX_STRETCHES)] for y in positions]
    flip_texts = [[ax.text(0, y, "", ha="center", va="bottom", fontsize=8)
                   for _ in range(MAX_STRETCHES - 1)] for y in positions]
    (marks,) = ax.plot([0.0] * count, positions, linestyle="none", marker="|", markersize=18,
                       markeredgewidth=3, color="black", label="weight now")
    ax.set_ylim(count - 0.5, -0.8)
    ax.set_xlim(0, weight_max)
    ax.set_xticks(range(0, int(weight_max) + 1))
    ax.set_xlabel(f"weight of the factor (0 to {weight_max:g}), the other weights held")
    ax.spines[["top", "right"]].set_visible(False)
    handles = [patches.Patch(facecolor=s["color"], hatch=s["hatch"], edgecolor=s["edge"],
                             label=name) for name, s in STANCE_STYLE.items()]
    figure.legend(handles=[*handles, marks], loc="outside lower center", ncol=4, fontsize=8,
                  frameon=False)
    title = ax.set_title("", loc="left")
    chart = BreakEvenChart(figure, "", pd.DataFrame(), factor_labels=factor_labels,
                           weight_max=weight_max, stretch_bars=stretch_bars,
                           flip_texts=flip_texts, marks=marks, title=title)
    chart.update(stretches, weights, option_label)
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    return chart


# -- for a lesson: a loaded case in, a chart out -------------------------------------------

def weighting_chart(weighting, title: str = "Option scores under these weights") -> ScoreChart:
    """The score chart of a ``model.weights.weigh`` result, with each option's count of
    observations explained at the right."""
    marks = weighting.table["explained"].str.replace(r" \(.*\)$", "", regex=True)
    return option_scores_chart(weighting.scores, weighting.predicted, weighting.option_labels,
                               weighting.band, marks, weighting.explained, title)


def option_break_even_chart(case, weights: pd.Series, option_id: str) -> BreakEvenChart:
    """The tornado chart of one option of a loaded case under ``weights``."""
    stretches = model.stance_intervals(case.effect_matrix(), weights)
    return break_even_chart(stretches[stretches["option_id"] == option_id], weights,
                            case.factors["short_label"], case.options.loc[option_id,
                                                                          "short_label"])
