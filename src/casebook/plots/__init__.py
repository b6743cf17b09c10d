"""Figures, each returned with a text description made from the same numbers.

Matplotlib has no alt-text, so every chart carries a ``description`` made from its numbers:
it is the picture's alternative text (an HTML ``<img alt>``), it is printed beside the
picture, and the numbers come as a ``table``.
Colours come from the Okabe-Ito set (safe for colour-blind readers) and no meaning is
carried by colour alone: the highlighted bar is also hatched and labelled.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from ..display import figure_bundle
from ..display import show as show_table

OKABE_ITO = matplotlib.color_sequences["okabe_ito"]
BASE_COLOUR = OKABE_ITO[5]  # blue
HIGHLIGHT_COLOUR = OKABE_ITO[6]  # vermilion


@dataclass
class Chart:
    """A figure, its text description and the numbers behind it."""

    figure: Figure
    description: str
    table: pd.DataFrame

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        return buffer.getvalue()

    def show(self, with_table: bool = False) -> None:
        """Display the picture (its description as alternative text), then the description
        in words (and the table of numbers if asked)."""
        from IPython.display import display

        display(figure_bundle(self.png(), self.description), raw=True)
        display({"text/markdown": "**Figure description.** " + self.description,
                 "text/plain": "Figure description. " + self.description}, raw=True)
        if with_table:
            show_table(self.table, index=True)


def _year_list(years: list[int]) -> str:
    return ", ".join(str(y) for y in years) if years else "none"


def describe_events_per_year(counts: pd.Series, highlight: int | None = None) -> str:
    """The text description of the events-per-year chart.

    >>> text = describe_events_per_year(pd.Series([2, 0, 1], index=[2000, 2001, 2002]), 2002)
    >>> print(text.replace(". ", ".\\n"))
    Bar chart: number of timeline events per year, 2000 to 2002, 3 events in all.
    Most events: 2000 (2).
    Years with no event in the timeline: 2001.
    Highlighted (hatched bar): 2002, with 1 event.
    """
    top = int(counts.max())
    busiest = [int(y) for y in counts.index[counts == top]]
    empty = [int(y) for y in counts.index[counts == 0]]
    text = (f"Bar chart: number of timeline events per year, {counts.index.min()} to "
            f"{counts.index.max()}, {int(counts.sum())} events in all. "
            f"Most events: {_year_list(busiest)} ({top}). "
            f"Years with no event in the timeline: {_year_list(empty)}.")
    if highlight is not None and highlight in counts.index:
        n = int(counts.loc[highlight])
        text += f" Highlighted (hatched bar): {highlight}, with {n} event{'s' * (n != 1)}."
    return text


def events_per_year_chart(counts: pd.Series, highlight: int | None = None,
                          title: str = "Events in the timeline, per year") -> Chart:
    """Bar chart of ``model.events_per_year``; the ``highlight`` year is hatched, coloured
    differently and labelled with its count.

    >>> chart = events_per_year_chart(pd.Series([2, 0, 1], index=[2000, 2001, 2002]), 2000)
    >>> [int(bar.get_height()) for bar in chart.figure.axes[0].patches]
    [2, 0, 1]
    """
    figure = Figure(figsize=(8, 3), layout="constrained")
    ax = figure.add_subplot()
    years = [int(y) for y in counts.index]
    bars = ax.bar(years, counts.to_list(), color=BASE_COLOUR, edgecolor="black", linewidth=0.5)
    if highlight in years:
        bar = bars[years.index(highlight)]
        bar.set_facecolor(HIGHLIGHT_COLOUR)
        bar.set_hatch("//")
        ax.annotate(f"{highlight}: {int(counts.loc[highlight])}",
                    (highlight, bar.get_height()), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom")
    ax.set_title(title)
    ax.set_xticks(years, [str(y) for y in years], rotation=90)  # every year labelled
    ax.set_xlabel("Year")
    ax.set_ylabel("Number of events")
    ax.set_ylim(0, counts.max() * 1.2 + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    table = counts.to_frame()
    return Chart(figure, describe_events_per_year(counts, highlight), table)
