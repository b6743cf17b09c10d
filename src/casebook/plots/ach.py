"""The ACH ranking chart: the weighted inconsistency score of each hypothesis (Heuer: the
least evidence against ranks first), from ``model.ach.ranking``.

The chart can be updated in place (``update_ranking_chart``): the bars, labels and texts
made the first time are kept and only their data change, so a widget redraws without
building a new figure. The leader is told three ways: colour (Okabe-Ito vermilion against
blue), hatching, and the words "ranks first" on its label.

>>> import pandas as pd
>>> ranked = pd.DataFrame({"hypothesis": ["A", "B"], "inconsistency": [0.0, 2.0],
...     "consistent": [2, 1], "rank": [1, 2], "tied with": ["", ""]}, index=["a", "b"])
>>> chart = ranking_chart(ranked)
>>> [bar.get_width() for bar in chart.bars], [bar.get_hatch() for bar in chart.bars]
([0.0, 2.0], ['//', None])
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..text import joined, plain_number
from . import BASE_COLOUR, HIGHLIGHT_COLOUR, Chart
from .weights import png_of

LEADER_STYLE = {"color": HIGHLIGHT_COLOUR, "hatch": "//"}  # vermilion, hatched
OTHER_STYLE = {"color": BASE_COLOUR, "hatch": None}  # blue, solid
DPI = 100
LABEL_WIDTH = 26  # characters per line of a hypothesis label beside its bar
BACKGROUNDS_KEPT = 12  # backgrounds (about 2 MB each) kept for redrawing by blitting


def describe_ranking(ranked: pd.DataFrame) -> str:
    """The text description of the ranking chart, from the ranking table.

    >>> ranked = pd.DataFrame({"hypothesis": ["A", "B", "C"], "inconsistency": [0.0, 2, 2],
    ...     "consistent": [3, 1, 0], "rank": [1, 2, 2], "tied with": ["", "C", "B"]})
    >>> print(describe_ranking(ranked))  # doctest: +NORMALIZE_WHITESPACE
    Horizontal bar chart: the weighted inconsistency score of 3 hypotheses
    (the evidence against each; lower ranks first). Ranks first (no bar, since nothing
    counts against it; its score is labelled ranks first): A, score 0. Then: B and C tied at 2
    (rank 2).
    """
    count = len(ranked)
    text = (f"Horizontal bar chart: the weighted inconsistency score of {count} hypotheses "
            "(the evidence against each; lower ranks first). ")
    groups = [(rank, rows) for rank, rows in ranked.groupby("rank", sort=True)]
    first_rank, first = groups[0]
    names = joined(first["hypothesis"].to_list())
    score = plain_number(first["inconsistency"].iloc[0])
    # A score of 0 draws no bar, so the hatching cannot be what tells the leader.
    if first["inconsistency"].iloc[0] > 0:
        mark = "hatched bar" if len(first) == 1 else "hatched bars"
    else:
        mark = ("no bar, since nothing counts against it" if len(first) == 1
                else "no bars, since nothing counts against them")
        mark += '; its score is labelled ranks first' if len(first) == 1 else (
            '; each score is labelled ranks first')
    if len(first) == 1:
        text += f"Ranks first ({mark}): {names}, score {score}."
    else:
        text += f"Tied first ({mark}): {names}, score {score} each."
    rest = []
    for rank, rows in groups[1:]:
        names = joined(rows["hypothesis"].to_list())
        score = plain_number(rows["inconsistency"].iloc[0])
        rest.append(f"{names} {score}" if len(rows) == 1
                    else f"{names} tied at {score} (rank {rank})")
    if rest:
        text += " Then: " + "; ".join(rest) + "."
    return text


@dataclass
class RankingChart(Chart):
    """The ranking chart with handles on its artists, so that an update changes their data
    in place. Row ``k`` (top to bottom) shows the hypothesis ranked ``k``-th."""

    bars: list = field(default_factory=list)
    value_labels: list = field(default_factory=list)
    name_labels: list = field(default_factory=list)
    _canvas: FigureCanvasAgg | None = field(default=None, repr=False)
    _backgrounds: dict = field(default_factory=dict, repr=False)
    _axes_backgrounds: dict = field(default_factory=dict, repr=False)

    def png(self) -> bytes:
        """The figure as PNG at the fixed layout set when the chart was made, drawn by
        blitting: each call pastes back a kept background and draws only the bars and their
        scores on it, which is what makes an update quick. Two backgrounds are kept: the
        axes, title and x axis of an x range (a full draw, made when the range is new), and
        that with the hypotheses' names in one order (made from the first when the order or
        the leader is new: the names are the slowest texts to draw, and most rating changes
        move a score, not the order)."""
        if self._canvas is None:
            self._canvas = FigureCanvasAgg(self.figure)
            self.figure.set_dpi(DPI)
        moving = [*self.bars, *self.value_labels]
        limits = tuple(self.figure.axes[0].get_xlim())
        key = (limits, tuple((n.get_text(), n.get_fontweight()) for n in self.name_labels))
        if key not in self._backgrounds:
            if limits not in self._axes_backgrounds:
                for artist in [*moving, *self.name_labels]:
                    artist.set_animated(True)  # left out of the full draw below
                self._canvas.draw()
                _keep(self._axes_backgrounds, limits,
                      self._canvas.copy_from_bbox(self.figure.bbox))
                for artist in [*moving, *self.name_labels]:  # back to normal: savefig
                    artist.set_animated(False)  # must draw them
            self._canvas.restore_region(self._axes_backgrounds[limits])
            for name in self.name_labels:
                self.figure.draw_artist(name)
            _keep(self._backgrounds, key, self._canvas.copy_from_bbox(self.figure.bbox))
        self._canvas.restore_region(self._backgrounds[key])
        for artist in moving:
            self.figure.draw_artist(artist)
        return png_of(self._canvas)


def _keep(backgrounds: dict, key, background) -> None:
    """Keep a background under ``key``, dropping the oldest beyond ``BACKGROUNDS_KEPT``
    (each is about 2 MB).

    >>> kept = {}
    >>> for n in range(BACKGROUNDS_KEPT + 2):
    ...     _keep(kept, n, None)
    >>> len(kept), next(iter(kept))
    (12, 2)
    """
    backgrounds[key] = background
    while len(backgrounds) > BACKGROUNDS_KEPT:
        backgrounds.pop(next(iter(backgrounds)))


def _wrapped(label: str) -> str:
    return "\n".join(textwrap.wrap(str(label), LABEL_WIDTH)) or str(label)


def _x_limit(ranked: pd.DataFrame) -> float:
    """The x axis's end: room right of the longest bar for its label (45 % of it), rounded
    up to a round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) so
    that most changes of score keep the axis, and its kept background; at least 1.5, so
    an all-zero grid has an axis.

    >>> [_x_limit(pd.DataFrame({"inconsistency": [s]})) for s in (0.0, 2.0, 9.0, 16.0)]
    [1.5, 3.0, 15.0, 25.0]
    """
    room = max(1.0, float(ranked["inconsistency"].max())) * 1.45
    power = 10.0 ** math.floor(math.log10(room))
    return next(step * power for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
                if step * power >= room - 1e-9)


def update_ranking_chart(chart: RankingChart, ranked: pd.DataFrame) -> str:
    """Put a new ranking on the chart's existing bars, labels and axis (no new figure) and
    return the new description (also set on ``chart.description``, with ``chart.table``).

    >>> ranked = pd.DataFrame({"hypothesis": ["A", "B"], "inconsistency": [0.0, 2.0],
    ...     "consistent": [2, 1], "rank": [1, 2], "tied with": ["", ""]}, index=["a", "b"])
    >>> chart = ranking_chart(ranked)
    >>> bars = chart.bars
    >>> text = update_ranking_chart(chart, ranked.iloc[::-1].assign(rank=[1, 2]))
    >>> chart.bars is bars, [bar.get_width() for bar in chart.bars]
    (True, [2.0, 0.0])
    """
    if len(ranked) != len(chart.bars):
        raise ValueError(f"the ranking has {len(ranked)} hypotheses and the chart "
                         f"{len(chart.bars)}: expected the same hypotheses (make a new chart)")
    ax = chart.figure.axes[0]
    limit = _x_limit(ranked)
    ax.set_xlim(0, limit)
    names = chart.name_labels or [None] * len(ranked)  # none until the layout is set
    for bar, label, name, (_, row) in zip(chart.bars, chart.value_labels, names,
                                          ranked.iterrows(), strict=True):
        score, leads = float(row["inconsistency"]), int(row["rank"]) == 1
        style = LEADER_STYLE if leads else OTHER_STYLE
        bar.set_width(score)
        bar.set_facecolor(style["color"])
        bar.set_hatch(style["hatch"])
        words = plain_number(score) + ("  ranks first" if leads else "")
        if row["tied with"]:
            words += "  (tied)"
        label.set_text(words)
        label.set_x(score + limit * 0.015)
        label.set_fontweight("bold" if leads else "normal")
        if name is not None:
            name.set_text(_wrapped(row["hypothesis"]))
            name.set_fontweight("bold" if leads else "normal")
    chart.description = describe_ranking(ranked)
    chart.table = ranked.copy()
    return chart.description


def ranking_chart(ranked: pd.DataFrame,
                  title: str = "Evidence against each hypothesis (lower ranks first)"
                  ) -> RankingChart:
    """Horizontal bars of ``model.ach.ranking``: one per hypothesis, ranked first on top;
    the leader (each, when tied) is vermilion, hatched and labelled "ranks first", the others
    blue; every bar carries its score."""
    count = len(ranked)
    longest = max(len(_wrapped(h).splitlines()) for h in ranked["hypothesis"])
    figure = Figure(figsize=(8, max(2.2, (0.35 + 0.18 * longest) * count + 1.4)),
                    layout="constrained", dpi=DPI)
    ax = figure.add_subplot()
    positions = np.arange(count)
    bars = list(ax.barh(positions, [0.0] * count, height=0.6, edgecolor="black",
                        linewidth=0.6))
    value_labels = [ax.text(0, y, "", va="center", fontsize=10) for y in positions]
    ax.set_ylim(count - 0.5, -0.5)  # rank 1 on top
    ax.set_xlabel("weighted inconsistency (I = 1, II = 2, times the item's weight)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, loc="left")
    chart = RankingChart(figure, "", pd.DataFrame(), bars=bars, value_labels=value_labels)
    # The names stand as tick labels while the layout is made, so that it leaves them room;
    # an update only reorders the same names, so the room stays right.
    ax.set_yticks(positions, [_wrapped(h) for h in ranked["hypothesis"]],
                  fontweight="bold")  # bold: the widest any name is drawn (the leader's)
    update_ranking_chart(chart, ranked)
    figure.draw_without_rendering()
    figure.set_layout_engine("none")
    # Then they become texts of their own at the same places, which an update can redraw
    # alone (tick labels are remade with the whole axis).
    ax.tick_params(axis="y", labelleft=False)
    chart.name_labels = [ax.annotate("", (0, y), xycoords=("axes fraction", "data"),
                                     xytext=(-6, 0), textcoords="offset points", ha="right",
                                     va="center", fontsize=10) for y in positions]
    update_ranking_chart(chart, ranked)
    return chart
