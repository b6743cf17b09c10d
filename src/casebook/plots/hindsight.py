"""The charts of lesson 09: the events the course's reference ratings name, per year, and the
scorecard: the reference hindsight rating of each claim, with the verdict of claims.csv
written beside it, so that what the course judged as of the article and what later events
did stay side by side.

Each rating has its own marker shape and its word beside the marker; nothing rests on colour.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from ..model.hindsight import RATINGS
from . import OKABE_ITO, Chart, events_per_year_chart

RATING_STYLES = {"undercut": ("v", OKABE_ITO[6]), "mixed": ("o", OKABE_ITO[1]),
                 "supported": ("^", OKABE_ITO[3])}
LABEL_WIDTH = 50  # characters per line of a claim (8 points), never cut short
LINE_HEIGHT = 0.15  # inches per line of label, with the room between rows
WIDTH = 8.8  # inches: at 100 dpi no wider than a lesson's output area on a laptop


def describe_scorecard(card: pd.DataFrame) -> str:
    """The text description of the scorecard chart.

    >>> card = pd.DataFrame({"¶": ["¶4", "¶6"], "claim": ["Alliance.", "Both oppose"],
    ...     "verdict": ["disputed", "accurate"], "judged": ["as of the article"] * 2,
    ...     "reference": ["undercut", "mixed"]})
    >>> print(describe_scorecard(card))
    Dot chart: the course's reference hindsight rating of 2 claims of the article, from undercut to supported, each with the course's verdict of claims.csv written at the right. Supported: none. Mixed: 1 (¶6 'Both oppose', verdict accurate as of the article). Undercut: 1 (¶4 'Alliance', verdict disputed as of the article).
    """  # noqa: E501
    text = (f"Dot chart: the course's reference hindsight rating of {len(card)} claims of the "
            "article, from undercut to supported, each with the course's verdict of claims.csv "
            "written at the right.")
    for rating in reversed(RATINGS):
        rows = card[card["reference"] == rating]
        items = "; ".join(f"{p} '{q.rstrip('.')}', verdict {v} {j}" for p, q, v, j in zip(
            rows["¶"], rows["claim"], rows["verdict"], rows["judged"], strict=True))
        text += f" {rating.capitalize()}: " + (f"{len(rows)} ({items})." if len(rows) else
                                                 "none.")
    return text


def scorecard_chart(card: pd.DataFrame,
                    title: str = "The article's claims against what followed") -> Chart:
    """Dot chart of ``model.hindsight.scorecard``: one row per claim in reading order (top
    first), placed at its reference rating; the rating's word sits beside the marker and the
    verdict of claims.csv (and whether it judges as of the article) at the right.

    >>> card = pd.DataFrame({"¶": ["¶4", "¶6"], "claim": ["Alliance", "Both oppose"],
    ...     "verdict": ["disputed", "accurate"], "judged": ["as of the article"] * 2,
    ...     "reference": ["undercut", "mixed"]})
    >>> chart = scorecard_chart(card)
    >>> [int(line.get_xdata()[0]) for line in chart.figure.axes[0].lines]
    [0, 1]
    """
    labels = [textwrap.fill(f"{p} {q}", LABEL_WIDTH)
              for p, q in zip(card["¶"], card["claim"], strict=True)]
    # Each row as tall as its label (in lines, plus one between rows); the first on top.
    lines = [max(label.count("\n") + 2, 3) for label in labels]
    ys = [sum(lines[i + 1:]) + n / 2 for i, n in enumerate(lines)]
    figure = Figure(figsize=(WIDTH, LINE_HEIGHT * sum(lines) + 1.6), layout="constrained")
    ax = figure.add_subplot()
    for y, rating in zip(ys, card["reference"], strict=True):
        marker, colour = RATING_STYLES[rating]
        x = RATINGS.index(rating)
        ax.plot([x], [y], marker=marker, markersize=12, linestyle="none", color=colour,
                markeredgecolor="black", label=rating)
        ax.text(x + 0.14, y, rating, va="center", ha="left", fontsize=8)
    for y, verdict, judged in zip(ys, card["verdict"], card["judged"], strict=True):
        ax.text(2.6, y, f"{verdict}\n({judged})", va="center", ha="left", fontsize=8)
    ax.text(2.6, sum(lines) + 0.3, "verdict, claims.csv", ha="left", va="bottom", fontsize=8,
            fontweight="bold")
    ax.set_yticks(ys, labels, fontsize=8)
    ax.set_xticks(range(len(RATINGS)), list(RATINGS))
    ax.set_xlim(-0.4, 3.5)
    ax.set_ylim(0, sum(lines) + 1.6)
    ax.set_xlabel("Course's reference rating after the article (hindsight.csv)")
    ax.set_title(title)
    ax.grid(axis="y", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)
    table = card[["¶", "claim", "verdict", "judged", "reference"]]
    return Chart(figure, describe_scorecard(card), table)


def describe_named_events_per_year(counts: pd.Series, article_year: int) -> str:
    """The text description of the named-events chart: it counts only the events the
    reference ratings name, not the whole timeline.

    >>> counts = pd.Series([2, 0, 7], index=[2017, 2018, 2019])
    >>> print(describe_named_events_per_year(counts, 2017).replace(". ", ".\\n"))
    Bar chart: the events the course's reference ratings name, per year, 2017 to 2019, 9 events in all.
    Most: 2019 (7).
    Years with none of them: 2018.
    Cross-hatched bar: 2017, the article's year, with 2.
    """  # noqa: E501
    top = int(counts.max())
    busiest = ", ".join(str(int(y)) for y in counts.index[counts == top])
    empty = ", ".join(str(int(y)) for y in counts.index[counts == 0]) or "none"
    text = (f"Bar chart: the events the course's reference ratings name, per year, "
            f"{counts.index.min()} to {counts.index.max()}, {int(counts.sum())} events in all. "
            f"Most: {busiest} ({top}). Years with none of them: {empty}.")
    if article_year in counts.index:
        text += (f" Cross-hatched bar: {article_year}, the article's year, with "
                 f"{int(counts.loc[article_year])}.")
    return text


def named_events_chart(counts: pd.Series, article_year: int,
                       title: str = "Events the hindsight ratings name, per year") -> Chart:
    """The per-year bar chart of ``model.events_per_year`` over
    ``model.hindsight.named_events``, the article's year cross-hatched; its description speaks of
    the named events, not of the whole timeline.

    >>> chart = named_events_chart(pd.Series([2, 0, 7], index=[2017, 2018, 2019]), 2017)
    >>> [int(bar.get_height()) for bar in chart.figure.axes[0].patches], chart.description[:44]
    ([2, 0, 7], "Bar chart: the events the course's reference")
    """
    chart = events_per_year_chart(counts, highlight=article_year, title=title)
    chart.figure.axes[0].set_ylabel("Events named")
    return Chart(chart.figure, describe_named_events_per_year(counts, article_year), chart.table)
