"""The scorecard chart of lesson 09: the course's reference hindsight rating of each claim,
with the verdict of claims.csv written beside it, so that what the course judged as of the
article and what later events did stay side by side.

Each rating has its own marker shape and its word beside the marker; nothing rests on colour.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from ..model.hindsight import RATINGS
from . import OKABE_ITO, Chart

RATING_STYLES = {"undercut": ("v", OKABE_ITO[6]), "mixed": ("o", OKABE_ITO[1]),
                 "supported": ("^", OKABE_ITO[3])}
LABEL_WIDTH = 48


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
    figure = Figure(figsize=(11, 0.62 * len(card) + 1.6), layout="constrained")
    ax = figure.add_subplot()
    ys = list(range(len(card)))[::-1]
    for y, rating in zip(ys, card["reference"], strict=True):
        marker, colour = RATING_STYLES[rating]
        x = RATINGS.index(rating)
        ax.plot([x], [y], marker=marker, markersize=12, linestyle="none", color=colour,
                markeredgecolor="black", label=rating)
        ax.text(x + 0.12, y, rating, va="center", ha="left", fontsize=8)
    for y, verdict, judged in zip(ys, card["verdict"], card["judged"], strict=True):
        ax.text(2.55, y, f"{verdict}\n({judged})", va="center", ha="left", fontsize=8)
    ax.text(2.55, len(card) - 0.4, "verdict, claims.csv", ha="left", va="bottom", fontsize=8,
            fontweight="bold")
    labels = [textwrap.fill(f"{p} {q}", LABEL_WIDTH, max_lines=2, placeholder=" ...")
              for p, q in zip(card["¶"], card["claim"], strict=True)]
    ax.set_yticks(ys, labels, fontsize=8)
    ax.set_xticks(range(len(RATINGS)), list(RATINGS))
    ax.set_xlim(-0.4, 3.3)
    ax.set_ylim(-0.7, len(card) - 0.1)
    ax.set_xlabel("Course's reference rating after the article (hindsight.csv)")
    ax.set_title(title)
    ax.grid(axis="y", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)
    table = card[["¶", "claim", "verdict", "judged", "reference"]]
    return Chart(figure, describe_scorecard(card), table)
