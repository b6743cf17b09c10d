"""Charts of lesson 04: the evidence a reader could know rated against the article's reading,
and how much weight each scholar's reading gives some of the article's factors.

No meaning rests on colour alone: ratings have their own marker shapes and their code written
beside each marker; the factors' bars have their own hatching and their values written at
their ends.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..model.alignment import RATING_WORDS
from . import NEUTRAL_GREY, OKABE_ITO, Chart

RATING_ORDER = ["II", "I", "N", "C", "CC"]
# Rating -> marker, colour: triangles point the way the evidence points.
RATING_STYLES = {"II": ("v", OKABE_ITO[6]), "I": ("v", OKABE_ITO[6]), "N": ("o", "#999999"),
                 "C": ("^", OKABE_ITO[3]), "CC": ("^", OKABE_ITO[3])}
BAR_HATCHES = ["//", "..", "xx", "\\\\"]
BAR_COLOURS = [OKABE_ITO[5], OKABE_ITO[1], OKABE_ITO[3], OKABE_ITO[7]]
LABEL_WIDTH = 64  # characters per line of an evidence label (8 points), never cut short
LINE_HEIGHT = 0.15  # inches per line of label, with the room between rows
MAX_WIDTH = 8.8  # inches: at 100 dpi no wider than a lesson's output area on a laptop


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def describe_rated_evidence(rated: pd.DataFrame, reading: str) -> str:
    """The text description of the evidence chart.

    >>> from casebook.dates import PartialDate as D
    >>> rated = pd.DataFrame({"date": [D.parse("2016-07-28"), D.parse("2017-07-06")],
    ...     "evidence": ["Joint stand", "Ann alone blocks a statement"],
    ...     "rating": ["C", "II"]})
    >>> print(describe_rated_evidence(rated, 'Joint front'))
    Dot chart: 2 pieces of evidence a reader could know on the article's date (2016-07-28 to 2017-07-06), each placed by the course's rating of it against the reading 'Joint front', from very inconsistent (II) to very consistent (CC). Very consistent (CC): none. Consistent (C): 1 (2016-07-28 Joint stand). Neutral (N): none. Inconsistent (I): none. Very inconsistent (II): 1 (2017-07-06 Ann alone blocks a statement).
    """  # noqa: E501
    first, last = rated["date"].iloc[0], rated["date"].iloc[-1]
    text = (f"Dot chart: {_plural(len(rated), 'piece')} of evidence a reader could know on the "
            f"article's date ({first} to {last}), each placed by the course's rating of it "
            f"against the reading '{reading}', from very inconsistent (II) to very consistent "
            "(CC).")
    for code in reversed(RATING_ORDER):
        rows = rated[rated["rating"] == code]
        items = "; ".join(f"{d} {e.rstrip('.')}" for d, e in zip(
            rows["date"], rows["evidence"], strict=True))
        text += (f" {RATING_WORDS[code].capitalize()} ({code}): "
                 + (f"{len(rows)} ({items})." if len(rows) else "none."))
    return text


def evidence_chart(rated: pd.DataFrame, reading: str, title: str | None = None) -> Chart:
    """Dot chart of ``model.alignment.rated_evidence``: one row per piece of evidence, in date
    order from the top, placed by its rating from II (left) to CC (right); the marker shape
    and the code beside it give the rating. The default title names the years the evidence
    spans.

    >>> from casebook.dates import PartialDate as D
    >>> rated = pd.DataFrame({"date": [D.parse("2016-07-28"), D.parse("2017-07-06")],
    ...     "evidence": ["Joint stand", "Blocks alone"], "rating": ["C", "II"]})
    >>> chart = evidence_chart(rated, "Joint front")
    >>> [int(line.get_xdata()[0]) for line in chart.figure.axes[0].lines
    ...  if line.get_label() in RATING_ORDER]
    [1, -2]
    >>> chart.figure.axes[0].get_title()
    "The evidence of 2016-2017 against the article's reading"
    """
    if title is None:
        first, last = rated["date"].iloc[0].year, rated["date"].iloc[-1].year
        years = str(first) if first == last else f"{first}-{last}"
        title = f"The evidence of {years} against the article's reading"
    labels = [textwrap.fill(f"{d} {e}", LABEL_WIDTH)
              for d, e in zip(rated["date"], rated["evidence"], strict=True)]
    # Each row as tall as its label (in lines, plus one between rows); earliest at the top.
    lines = [label.count("\n") + 2 for label in labels]
    bottoms = [sum(lines[i + 1:]) for i in range(len(lines))]
    ys = [bottom + n / 2 for bottom, n in zip(bottoms, lines, strict=True)]
    figure = Figure(figsize=(MAX_WIDTH, LINE_HEIGHT * sum(lines) + 2.0), layout="constrained")
    ax = figure.add_subplot()
    positions = {code: i - 2 for i, code in enumerate(RATING_ORDER)}
    for y, code in zip(ys, rated["rating"], strict=True):
        marker, colour = RATING_STYLES[code]
        x = positions[code]
        ax.plot([x], [y], marker=marker, markersize=12, linestyle="none", color=colour,
                markeredgecolor="black", label=code)
        ax.text(x + 0.18, y, code, va="center", ha="left", fontsize=9, fontweight="bold")
    ax.axvline(0, color=NEUTRAL_GREY, linewidth=0.8, linestyle=":")
    ax.set_yticks(ys, labels, fontsize=8)
    ax.set_xticks(list(positions.values()),
                  [f"{RATING_WORDS[c].replace(' ', chr(10))}\n({c})" for c in RATING_ORDER],
                  fontsize=9)
    ax.set_xlim(-2.5, 2.6)
    ax.set_ylim(0, sum(lines))
    ax.set_xlabel(f"Course's rating against the reading: {reading}")
    ax.set_title(title)
    ax.grid(axis="y", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)
    figure.legend(handles=[
        Line2D([], [], marker="^", linestyle="none", color=OKABE_ITO[3],
               markeredgecolor="black", label="consistent (C, CC)"),
        Line2D([], [], marker="o", linestyle="none", color=RATING_STYLES["N"][1],
               markeredgecolor="black", label="neutral (N)"),
        Line2D([], [], marker="v", linestyle="none", color=OKABE_ITO[6],
               markeredgecolor="black", label="inconsistent (I, II)")],
        loc="outside lower center", ncols=3, frameon=False)
    table = rated[["date", "rating"]].assign(evidence=rated["evidence"])
    return Chart(figure, describe_rated_evidence(rated, reading), table)


def describe_readings(readings: pd.DataFrame, factors: list[str],
                      article_holder: str | None = None) -> str:
    """The text description of the readings chart.

    >>> readings = pd.DataFrame({"holder": ["Author", "Ann"], "weights": ["from texts"] * 2,
    ...                          "Ally": [8, 3], "Shield": [8, 7]})
    >>> print(describe_readings(readings, ["Ally", "Shield"], "Author"))
    Bar chart: the weight (0 to 10) each of 2 readings gives Ally and Shield. Ally: Author 8 (the article), Ann 3. Shield: Author 8 (the article), Ann 7.
    """  # noqa: E501
    named = " and ".join(factors) if len(factors) <= 2 else ", ".join(factors)
    text = (f"Bar chart: the weight (0 to 10) each of {len(readings)} readings gives {named}.")
    for factor in factors:
        items = []
        for holder, weight in zip(readings["holder"], readings[factor], strict=True):
            mark = " (the article)" if holder == article_holder else ""
            items.append(f"{holder} {int(weight)}{mark}")
        text += f" {factor}: " + ", ".join(items) + "."
    return text


def readings_chart(readings: pd.DataFrame, factors: list[str],
                   article_holder: str | None = None,
                   title: str = "How much weight each reading gives the two factors") -> Chart:
    """Grouped horizontal bars of ``model.alignment.readings``: one group per reading, one
    hatched bar per factor (columns ``factors``), its weight written at its end. The article's
    own reading is labelled as such.

    >>> readings = pd.DataFrame({"holder": ["Author", "Ann"], "weights": ["from texts"] * 2,
    ...                          "Ally": [8, 3], "Shield": [8, 7]})
    >>> chart = readings_chart(readings, ["Ally", "Shield"], "Author")
    >>> [int(bar.get_width()) for bar in chart.figure.axes[0].patches]
    [8, 3, 8, 7]
    """
    figure = Figure(figsize=(MAX_WIDTH, 0.75 * len(readings) + 1.4), layout="constrained")
    ax = figure.add_subplot()
    height = 0.8 / len(factors)
    centres = list(range(len(readings)))[::-1]  # first reading at the top
    for k, factor in enumerate(factors):
        ys = [c + 0.4 - height * (k + 0.5) for c in centres]
        bars = ax.barh(ys, readings[factor].to_list(), height=height * 0.95,
                       color=BAR_COLOURS[k % len(BAR_COLOURS)],
                       hatch=BAR_HATCHES[k % len(BAR_HATCHES)], edgecolor="black",
                       linewidth=0.5, label=factor)
        for bar in bars:
            ax.text(bar.get_width() + 0.1, bar.get_y() + bar.get_height() / 2,
                    str(int(bar.get_width())), va="center", fontsize=8)
    labels = [f"{h}\n({w})" + ("\nthe article" if h == article_holder else "")
              for h, w in zip(readings["holder"], readings["weights"], strict=True)]
    ax.set_yticks(centres, labels, fontsize=8)
    for tick in ax.get_yticklabels():
        if article_holder and tick.get_text().startswith(article_holder):
            tick.set_fontweight("bold")
    ax.set_xlim(0, 10.8)
    ax.set_xticks(range(0, 11))
    ax.set_xlabel("Weight (course's translation of each text into a number, 0 to 10)")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="Factor")
    table = readings[["holder", "weights", *factors]]
    return Chart(figure, describe_readings(readings, factors, article_holder), table)
