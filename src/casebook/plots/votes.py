"""The vote chart of lesson 05: the focus actor's votes (and the partner's) on every Security
Council decision of the case, in date order, with the article's date marked. The voters are
the columns of ``model.votes.vote_record`` between ``tally`` and ``when``.

Each vote has its own marker shape and a word under it, so nothing depends on colour; the
decisions after the article sit on the hatched area labelled "after the article", their
markers hollow: the hindsight convention of every lesson (``casebook.plots``).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..dates import PartialDate
from ..model.timeline import day_text
from ..model.votes import AFTER, BEFORE, voter_columns
from . import (
    ARTICLE_LINE,
    HINDSIGHT_FACE,
    HINDSIGHT_WORDS,
    HOLLOW,
    HOLLOW_WORDS,
    OKABE_ITO,
    Chart,
    hindsight_area,
    hindsight_handle,
    hollow_handle,
)

# Vote (in the words of model.votes.VOTE_WORDS) -> marker, fill colour, word under it. A
# vote after the article is hollow (white, black edge), whatever its fill before.
VOTE_STYLES = {
    "yes": ("o", OKABE_ITO[3], "yes"),
    "no": ("v", OKABE_ITO[6], "no"),
    "veto": ("X", OKABE_ITO[6], "veto"),
    "abstained": ("s", OKABE_ITO[1], "abst."),
    "no vote": ("D", "#bbbbbb", "no vote"),
}
MAX_WIDTH = 8.8  # inches: at 100 dpi no wider than a lesson's output area on a laptop
COLUMN_WIDTH = 0.62  # inches per decision, room for its labels at 8 points


def _counts_in_words(votes: pd.Series) -> str:
    counts = votes.value_counts()
    return ", ".join(f"{word} {n}" for word, n in counts.items())


def _names(voters: list[str]) -> str:
    """"Ann's", "Ann's and Bob's"."""
    return " and ".join(f"{v}'s" for v in voters)


def describe_votes(record: pd.DataFrame, article_date: PartialDate,
                   subject: str | None = None) -> str:
    """The text description of the vote chart, made from the same record; ``subject`` (the
    case's ``[case] subject``) names what the decisions are on.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1", "Draft (vetoed)"],
    ...     "date": [D.parse("2006-07-15"), D.parse("2022-05-26")],
    ...     "outcome": ["adopted", "vetoed"], "tally": ["15-0", "13-2"], "Ann": ["yes", "veto"],
    ...     "Bob": ["yes", "veto"], "when": [BEFORE, AFTER]})
    >>> print(describe_votes(record, D.parse("2017-10-13"), "Atlantis").replace(". ", ".\\n"))
    Dot chart: Ann's and Bob's votes on 2 UN Security Council decisions and drafts on Atlantis, 2006-07-15 to 2022-05-26, in date order; a marker shape and a word under each marker give the vote.
    Before the article (2017-10-13): 1 decision; Ann voted yes on all 1; Bob voted yes on all 1; tallies: 15-0 (1).
    After the article (hollow markers on a hatched background): Draft (vetoed) of 2022-05-26, vetoed 13-2, Ann veto, Bob veto.
    """  # noqa: E501
    voters = voter_columns(record)
    before = record[record["when"] == BEFORE]
    after = record[record["when"] == AFTER]
    first, last = record["date"].iloc[0], record["date"].iloc[-1]
    on = f" on {subject}" if subject else ""
    text = (f"Dot chart: {_names(voters)} votes on {len(record)} UN Security Council "
            f"decisions and drafts{on}, {first} to {last}, in date order; a marker "
            "shape and a word under each marker give the vote. ")
    if len(before):
        n = len(before)
        parts = [f"Before the article ({article_date}): {n} decision{'s' * (n != 1)}"]
        for voter in voters:
            votes = before[voter]
            if votes.nunique() == 1:
                parts.append(f"{voter} voted {votes.iloc[0]} on all {n}")
            else:
                parts.append(f"{voter}: {_counts_in_words(votes)}")
        tallies = before["tally"].replace("", "no vote").value_counts()
        parts.append("tallies: " + ", ".join(f"{t} ({k})" for t, k in tallies.items()))
        text += "; ".join(parts) + ". "
    if len(after):
        items = []
        for _, row in after.iterrows():
            vote = f" {row['tally']}" if row["tally"] else ""
            cast = ", ".join(f"{voter} {row[voter]}" for voter in voters)
            items.append(f"{row['decision']} of {row['date']}, {row['outcome']}{vote}, {cast}")
        text += ("After the article (hollow markers on a hatched background): "
                 + "; ".join(items) + ".")
    return text.strip()


def _tick_label(row: pd.Series) -> str:
    """A decision's label under its column: number (or "draft"), day, year and tally, one
    to a line so that the columns stay narrow.

    >>> from casebook.dates import PartialDate as D
    >>> print(_tick_label(pd.Series({"decision": "Res. 1695", "date": D.parse("2006-07-15"),
    ...                              "tally": "15-0"})))
    1695
    15 Jul
    2006
    15-0
    """
    name = row["decision"].replace("Res. ", "") if row["decision"].startswith("Res. ") else (
        "draft")
    day, _, year = day_text(row["date"]).rpartition(" ")
    return "\n".join(part for part in (name, day, year, row["tally"] or "no vote") if part)


def vote_chart(record: pd.DataFrame, article_date: PartialDate, title: str | None = None,
               subject: str | None = None) -> Chart:
    """Dot chart of ``model.votes.vote_record``: one column per decision in date order (its
    number, date and tally under it), one row per voter (the focus actor on top); a dashed
    line marks the article and the decisions after it lie on the hatched area labelled
    "after the article", their markers hollow. The title names ``subject`` (the case's)
    unless ``title`` is given; the legend is under the chart.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1", "Draft (vetoed)"],
    ...     "date": [D.parse("2006-07-15"), D.parse("2022-05-26")],
    ...     "outcome": ["adopted", "vetoed"], "tally": ["15-0", "13-2"], "Ann": ["yes", "veto"],
    ...     "Bob": ["yes", "abstained"], "when": [BEFORE, AFTER]})
    >>> chart = vote_chart(record, D.parse("2017-10-13"), subject="Atlantis")
    >>> [t.get_text() for t in chart.figure.axes[0].texts if t.get_text() in ("veto", "abst.")]
    ['veto', 'abst.']
    >>> chart.figure.axes[0].get_title()
    'Votes on Atlantis in the UN Security Council'
    """
    voters = voter_columns(record)
    on = f" on {subject}" if subject else ""
    title = title or f"Votes{on} in the UN Security Council"
    width = min(MAX_WIDTH, max(6.0, 1.2 + COLUMN_WIDTH * len(record)))
    figure = Figure(figsize=(width, 2.4 + 1.1 * len(voters)), layout="constrained")
    ax = figure.add_subplot()
    positions = list(range(len(record)))
    rows = {voter: len(voters) - 1 - i for i, voter in enumerate(voters)}
    after = [i for i, when in enumerate(record["when"]) if when == AFTER]
    top = len(voters) - 0.25  # the top of the axes: a band for the labels above the rows
    if after:
        hindsight_area(ax, after[0] - 0.5, positions[-1] + 0.5)
        ax.axvline(after[0] - 0.5, **ARTICLE_LINE)
        # Level with each other above the top row, on either side of the dashed line.
        ax.annotate(f"article published {article_date}", (after[0] - 0.5, top),
                    xytext=(-4, -3), textcoords="offset points", ha="right", va="top",
                    fontsize=9)
        ax.annotate(HINDSIGHT_WORDS, (after[0] - 0.5, top), xytext=(4, -3),
                    textcoords="offset points", ha="left", va="top", fontsize=9,
                    style="italic",
                    bbox={"facecolor": HINDSIGHT_FACE, "edgecolor": "none", "pad": 1.5})
    for voter, y in rows.items():
        for x, vote, when in zip(positions, record[voter], record["when"], strict=True):
            marker, colour, word = VOTE_STYLES[vote]
            later = when == AFTER
            ax.plot([x], [y], marker=marker, markersize=11, linestyle="none",
                    markerfacecolor=HOLLOW["facecolor"] if later else colour,
                    markeredgecolor="black",
                    markeredgewidth=HOLLOW["linewidth"] if later else 0.8,
                    label=f"{voter}: {vote}")
            ax.text(x, y - 0.22, word, ha="center", va="top", fontsize=8,
                    bbox={"facecolor": HINDSIGHT_FACE, "edgecolor": "none", "pad": 0.5}
                    if later else None)
    ax.set_xticks(positions, [_tick_label(row) for _, row in record.iterrows()], fontsize=8)
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_xlim(-0.5, positions[-1] + 0.5)
    ax.set_ylim(-0.6, top)
    ax.set_xlabel("Decision (resolution number or draft), day and year of the vote, and the "
                  "tally", fontsize=9)
    ax.set_title(title)
    ax.spines[["top", "right", "left"]].set_visible(False)
    shown = [v for v in VOTE_STYLES if v in set(record[voters].to_numpy().ravel())]
    handles = [Line2D([], [], marker=VOTE_STYLES[v][0], linestyle="none", markersize=9,
                      markerfacecolor=VOTE_STYLES[v][1], markeredgecolor="black", label=v)
               for v in shown]
    if after:
        handles += [hollow_handle(label=HOLLOW_WORDS), hindsight_handle()]
    figure.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
                  frameon=False, fontsize=9, title="Vote", title_fontsize=9)
    table = record[["decision", "date", "tally", *voters, "when"]]
    return Chart(figure, describe_votes(record, article_date, subject), table)
