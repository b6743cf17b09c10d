"""Charts of the class's weightings (lesson 10): each factor's spread across the class with
the article's share marked, and how many weightings sit nearest each reading.

Each returns a ``Chart``: the figure, a description made from the same numbers, and the
table. Nothing is told by colour alone: the article's share is a black diamond with its
value written beside it, a factor the class splits on has a hatched box and "splits" in
its label.

>>> import pandas as pd
>>> spread = pd.DataFrame({"label": ["A", "B"], "median": [0.6, 0.4], "q1": [0.45, 0.38],
...     "q3": [0.75, 0.42], "iqr": [0.3, 0.04], "min": [0.3, 0.3], "max": [0.7, 0.7],
...     "article": [0.5, 0.5], "verdict": ["splits", "agrees"]}, index=["a", "b"])
>>> chart = spread_chart(spread)
>>> [round(float(box.get_width()), 2) for box in chart.figure.axes[0].patches]
[30.0, 4.0]
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..model import seminar
from . import BASE_COLOUR, HIGHLIGHT_COLOUR, OKABE_ITO, Chart


def _points(share: float) -> str:
    return f"{share * 100:.1f}%"


def describe_spread_chart(spread: pd.DataFrame, count: int | None = None) -> str:
    """The text description of ``spread_chart``, from the same numbers.

    >>> spread = pd.DataFrame({"label": ["A"], "median": [0.6], "q1": [0.45], "q3": [0.75],
    ...     "iqr": [0.3], "min": [0.3], "max": [0.7], "article": [0.5],
    ...     "verdict": ["splits"]}, index=["a"])
    >>> print(describe_spread_chart(spread, 12))  # doctest: +NORMALIZE_WHITESPACE
    Box chart of each factor's share across 12 weightings of the class: the box runs from
    the lower to the upper quartile, the line inside it is the median, the whiskers reach
    the lowest and highest share, the black diamond is the article's share. A: median 60.0%,
    middle half 45.0% to 75.0%, range 30.0% to 70.0%, article 50.0%, splits (hatched box).
    """
    whom = f"{count} weightings of the class" if count is not None else "the class"
    parts = [f"{row.label}: median {_points(row.median)}, middle half {_points(row.q1)} to "
             f"{_points(row.q3)}, range {_points(row.min)} to {_points(row.max)}, article "
             f"{_points(row.article)}, {row.verdict}"
             + (" (hatched box)" if row.verdict == seminar.SPLITS else "")
             for row in spread.itertuples()]
    return (f"Box chart of each factor's share across {whom}: the box runs from the lower to "
            "the upper quartile, the line inside it is the median, the whiskers reach the "
            "lowest and highest share, the black diamond is the article's share. "
            + ". ".join(parts) + ".")


def spread_chart(spread: pd.DataFrame, weightings: pd.DataFrame | None = None,
                 title: str = "The class's weightings, factor by factor") -> Chart:
    """Each factor's spread (``seminar.factor_spread``) as a horizontal box in percent of
    share, the article's share as a diamond; with ``weightings`` (files x factor ids) each
    student's share is a small dot too."""
    rows = list(spread.itertuples())
    figure = Figure(figsize=(8, 0.6 * len(rows) + 1.6), layout="constrained")
    ax = figure.add_subplot()
    for y, row in enumerate(rows):
        split = row.verdict == seminar.SPLITS
        ax.barh(y, (row.q3 - row.q1) * 100, left=row.q1 * 100, height=0.5,
                color=HIGHLIGHT_COLOUR if split else BASE_COLOUR, alpha=0.55,
                hatch="//" if split else None, edgecolor="black", linewidth=0.8)
        ax.plot([row.min * 100, row.q1 * 100], [y, y], color="black", linewidth=1)
        ax.plot([row.q3 * 100, row.max * 100], [y, y], color="black", linewidth=1)
        ax.plot([row.median * 100] * 2, [y - 0.25, y + 0.25], color="black", linewidth=2.5)
        ax.plot(row.article * 100, y, marker="D", color="black", markersize=8, linestyle="")
        # Below the box (the y axis is inverted), on white so that no line crosses it.
        ax.annotate(f"article {row.article * 100:.0f}%", (row.article * 100, y + 0.3),
                    ha="center", va="top", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        if weightings is not None:
            values = weightings[row.Index].astype(float) * 100
            ax.plot(values, [y - 0.33] * len(values), marker="|", color=OKABE_ITO[0],
                    linestyle="", markersize=6)
    ax.set_yticks(range(len(rows)), [f"{r.label}\n({r.verdict})" for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel("Share of the weighting (%)")
    ax.set_xlim(0, max(100 * max(spread["max"].max(), spread["article"].max()) * 1.1, 10))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    key = [Line2D([], [], marker="D", color="black", linestyle="", label="the article's share")]
    if weightings is not None:
        key.append(Line2D([], [], marker="|", color=OKABE_ITO[0], linestyle="",
                          label="one student's share"))
    ax.legend(handles=key, loc="best", fontsize=8)
    count = len(weightings) if weightings is not None else None
    table = (spread[["label", "median", "q1", "q3", "iqr", "min", "max", "article"]]
             .set_index("label").mul(100).round(1).join(spread.set_index("label")["verdict"]))
    description = describe_spread_chart(spread, count)
    if weightings is not None:
        description += " Each student's share is a short tick above the box."
    return Chart(figure, description, table)


def nearest_counts(nearest: pd.DataFrame, readings: pd.Series) -> pd.Series:
    """How many weightings are nearest each reading (``readings``: preset id -> label, in
    order; readings no one is nearest count 0).

    >>> nearest_counts(pd.DataFrame({"preset_id": ["p", "p", "q"]}),
    ...                pd.Series({"p": "P", "q": "Q", "r": "R"})).to_dict()
    {'P': 2, 'Q': 1, 'R': 0}
    """
    counts = nearest["preset_id"].value_counts().reindex(readings.index, fill_value=0)
    return pd.Series(counts.to_numpy(), index=readings.to_list(), name="weightings")


def describe_nearest_chart(counts: pd.Series, highlight: str | None = None) -> str:
    """The text description of ``nearest_chart``.

    >>> print(describe_nearest_chart(pd.Series({"P": 2, "Q": 1, "R": 0}), "P"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Bar chart: how many of the class's 3 weightings are nearest each reading. P 2 (the
    article's reading, hatched bar), Q 1, R 0.
    """
    parts = [f"{label} {int(n)}" + (" (the article's reading, hatched bar)"
                                    if label == highlight else "")
             for label, n in counts.items()]
    return (f"Bar chart: how many of the class's {int(counts.sum())} weightings are nearest "
            f"each reading. {', '.join(parts)}.")


def nearest_chart(counts: pd.Series, highlight: str | None = None,
                  title: str = "Which reading each weighting is nearest") -> Chart:
    """Horizontal bars of ``nearest_counts``; the ``highlight`` reading (the article's) is
    hatched, coloured differently and named in the description; each bar has its count."""
    figure = Figure(figsize=(8, 0.45 * len(counts) + 1.4), layout="constrained")
    ax = figure.add_subplot()
    labels = list(counts.index)
    bars = ax.barh(range(len(labels)), counts.to_list(), color=BASE_COLOUR, edgecolor="black",
                   linewidth=0.5)
    for bar, label, n in zip(bars, labels, counts, strict=True):
        if label == highlight:
            bar.set_facecolor(HIGHLIGHT_COLOUR)
            bar.set_hatch("//")
        ax.annotate(str(int(n)), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("Number of weightings")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(counts.max(), 1) * 1.15)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(figure, describe_nearest_chart(counts, highlight), counts.to_frame())
