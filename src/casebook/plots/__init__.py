"""Figures, each returned with a text description made from the same numbers.

Matplotlib has no alt-text, so every chart carries a ``description`` made from its numbers:
it is the picture's alternative text (an HTML ``<img alt>``), it is printed beside the
picture, and the numbers come as a ``table``.
Colours come from the Okabe-Ito set (safe for colour-blind readers) and no meaning is
carried by colour alone: the highlighted bar is also cross-hatched and labelled.

Every figure is drawn to be read where a lesson shows it (``plots.readability`` measures
it): no wider than a notebook's output area on a laptop, so that it is not shrunk, no
text under 10 px there, text 4.5:1 and marks 3:1 against what is behind them.

**Hindsight, one convention in every lesson.** What came after the article is kept apart
the same way wherever a chart shows it:

- the article's date is a dashed black line (``ARTICLE_LINE``);
- the time or the decisions after it lie on a hatched area, ``HINDSIGHT_HATCH`` in
  ``HINDSIGHT_HATCH_COLOUR`` on ``HINDSIGHT_FACE`` (``hindsight_area``), labelled with
  ``HINDSIGHT_WORDS``, "after the article";
- the mark of anything that happened after it is hollow: its shape, white inside, a black
  edge (``HOLLOW``), and the legend says ``HOLLOW_WORDS``, "hollow: after the article".

No other chart uses that hatch on that grey; a highlight (such as the article's year among
the years) is cross-hatched (``HIGHLIGHT_HATCH``) instead. The colours keep the contrast
rules: the hatch stands 3.6:1 against its fill, a black edge 5.3:1 against the hatch.
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
HIGHLIGHT_HATCH = "xx"
# A grey for what is neither one thing nor the other (a neutral tie, a neutral rating):
# 4.5:1 on white, where the usual #999999 has only 2.85:1.
NEUTRAL_GREY = "#767676"

# -- hindsight (see the module's docstring) -------------------------------------------------
HINDSIGHT_WORDS = "after the article"
HOLLOW_WORDS = "hollow: after the article"
HINDSIGHT_HATCH = "//"
HINDSIGHT_FACE = "#f5f5f5"
HINDSIGHT_HATCH_COLOUR = "#808080"
ARTICLE_LINE = {"color": "black", "linestyle": "--", "linewidth": 1.2}
HOLLOW = {"facecolor": "white", "edgecolor": "black", "linewidth": 1.4}


def hindsight_area(ax, start, end, **options):
    """Lay the hindsight area from ``start`` to ``end`` along the x axis of ``ax``, under
    everything else (``options`` go to ``axvspan``, e.g. a ``gid``).

    >>> ax = Figure().add_subplot()
    >>> area = hindsight_area(ax, 1, 2)
    >>> area.get_hatch(), matplotlib.colors.to_hex(area.get_hatchcolor())
    ('//', '#808080')
    """
    return ax.axvspan(start, end, facecolor=HINDSIGHT_FACE, hatch=HINDSIGHT_HATCH,
                      hatchcolor=HINDSIGHT_HATCH_COLOUR, edgecolor=HINDSIGHT_HATCH_COLOUR,
                      linewidth=0, zorder=0, **options)


def hindsight_handle(label: str = HINDSIGHT_WORDS):
    """The legend's entry for the hindsight area.

    >>> hindsight_handle().get_label(), hindsight_handle().get_hatch()
    ('after the article', '//')
    """
    from matplotlib.patches import Patch

    return Patch(facecolor=HINDSIGHT_FACE, hatch=HINDSIGHT_HATCH,
                 hatchcolor=HINDSIGHT_HATCH_COLOUR, edgecolor=HINDSIGHT_HATCH_COLOUR,
                 linewidth=0.8, label=label)


def hollow_handle(marker: str = "o", label: str = HOLLOW_WORDS, markersize: float = 8):
    """The legend's entry for a hollow marker (an event after the article).

    >>> handle = hollow_handle("s")
    >>> handle.get_marker(), handle.get_markerfacecolor(), handle.get_label()
    ('s', 'white', 'hollow: after the article')
    """
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none", marker=marker, markersize=markersize,
                  markerfacecolor=HOLLOW["facecolor"], markeredgecolor=HOLLOW["edgecolor"],
                  markeredgewidth=HOLLOW["linewidth"], label=label)


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
    Highlighted (cross-hatched bar): 2002, with 1 event.
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
        text += (f" Highlighted (cross-hatched bar): {highlight}, with {n} "
                 f"event{'s' * (n != 1)}.")
    return text


def events_per_year_chart(counts: pd.Series, highlight: int | None = None,
                          title: str = "Events in the timeline, per year") -> Chart:
    """Bar chart of ``model.events_per_year``; the ``highlight`` year is cross-hatched,
    coloured differently and labelled with its count.

    >>> chart = events_per_year_chart(pd.Series([2, 0, 1], index=[2000, 2001, 2002]), 2000)
    >>> [int(bar.get_height()) for bar in chart.figure.axes[0].patches]
    [2, 0, 1]
    >>> [bar.get_hatch() for bar in chart.figure.axes[0].patches]
    ['xx', None, None]
    """
    figure = Figure(figsize=(8, 3), layout="constrained")
    ax = figure.add_subplot()
    years = [int(y) for y in counts.index]
    bars = ax.bar(years, counts.to_list(), color=BASE_COLOUR, edgecolor="black", linewidth=0.5)
    if highlight in years:
        bar = bars[years.index(highlight)]
        bar.set_facecolor(HIGHLIGHT_COLOUR)
        bar.set_hatch(HIGHLIGHT_HATCH)
        # The label is wider than a bar: it stands above the neighbours too, on white.
        near = counts.loc[highlight - 1:highlight + 1].max()
        ax.annotate(f"{highlight}: {int(counts.loc[highlight])}", (highlight, near),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_title(title)
    ax.set_xticks(years, [str(y) for y in years], rotation=90)  # every year labelled
    ax.set_xlabel("Year")
    ax.set_ylabel("Number of events")
    ax.set_ylim(0, counts.max() * 1.25 + 0.8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    table = counts.to_frame()
    return Chart(figure, describe_events_per_year(counts, highlight), table)
