"""The rating widget of lesson 09: a reader rates each claim against what followed, then
compares with the course's reference ratings and their reasons.

The widget only builds and wires controls; the comparison is ``model.hindsight.compare`` and
its counts ``model.hindsight.agreement``. Moves update the existing HTML in place.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..case import Case
from ..display import Panel, table_html
from ..model import hindsight

CHOICES = (hindsight.NOT_RATED, *hindsight.RATINGS)
HIDDEN = "hidden"
# ¶, claim, yours, reference, difference, reason: steady whatever the ratings are.
TABLE_WIDTHS = [5, 27, 9, 9, 10, 40]


def summary_html(counts: dict[str, int], revealed: bool) -> str:
    """The line above the table: how many claims are rated and, once the reference is shown,
    how many agree with it.

    >>> print(summary_html({"claims": 11, "rated": 2, "agree": 1, "one step apart": 1,
    ...                     "opposite": 0}, revealed=True))
    <p><b>Rated 2 of 11 claims.</b> Against the course's reference: 1 agree, 1 one step apart, 0 opposite.</p>
    """  # noqa: E501
    text = f"<b>Rated {counts['rated']} of {counts['claims']} claims.</b> "
    if revealed:
        text += ("Against the course's reference: "
                 + ", ".join(f"{counts[d]} {d}" for d in hindsight.DIFFERENCES) + ".")
    else:
        text += "Tick the box below to compare with the course's reference ratings."
    return f"<p>{text}</p>"


def comparison_frame(compared: pd.DataFrame, revealed: bool) -> pd.DataFrame:
    """The comparison table as shown: the reference, the difference and the reason read
    'hidden' until the reader asks for them.

    >>> compared = pd.DataFrame({"¶": ["¶4"], "claim": ["A"], "yours": ["mixed"],
    ...     "reference": ["undercut"], "difference": ["one step apart"], "reason": ["r"]})
    >>> comparison_frame(compared, revealed=False).iloc[0].to_list()
    ['¶4', 'A', 'mixed', 'hidden', 'hidden', 'hidden']
    >>> comparison_frame(compared, revealed=True).iloc[0].to_list()[3:]
    ['undercut', 'one step apart', 'r']
    """
    shown = compared[["¶", "claim", "yours", "reference", "difference", "reason"]].copy()
    if not revealed:
        shown[["reference", "difference", "reason"]] = HIDDEN
    return shown


def rating_widget(case: Case) -> Panel:
    """One row of buttons per claim (not rated / undercut / mixed / supported), a box that
    shows the course's reference, the counts of agreement and the table of both ratings with
    the reference's reasons. Starts with nothing rated and the reference hidden."""
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    buttons = {}
    rows = []
    for claim_id, row in card.iterrows():
        buttons[claim_id] = widgets.ToggleButtons(
            options=list(CHOICES), value=hindsight.NOT_RATED,
            style={"button_width": "96px"}, layout=widgets.Layout(width="50%"))
        label = widgets.HTML(f"<b>{row['¶']}</b> {html.escape(row['claim'])}",
                             layout=widgets.Layout(width="50%"))
        rows.append(widgets.HBox([label, buttons[claim_id]]))
    reveal = widgets.Checkbox(value=False, indent=False,
                              description="Show the course's reference ratings and reasons",
                              layout=widgets.Layout(width="auto"))
    summary = widgets.HTML()
    table = widgets.HTML()

    def ratings() -> dict[str, str]:
        return {claim_id: button.value for claim_id, button in buttons.items()}

    def redraw(_=None) -> None:
        compared = hindsight.compare(card, ratings())
        summary.value = summary_html(hindsight.agreement(compared), reveal.value)
        table.value = table_html(comparison_frame(compared, reveal.value),
                                 widths=TABLE_WIDTHS)

    for button in buttons.values():
        button.observe(redraw, names="value")
    reveal.observe(redraw, names="value")
    redraw()

    def static_view() -> tuple[str, str]:
        counts = hindsight.agreement(hindsight.compare(card, ratings()))
        words = (f"Rating widget: {counts['claims']} claims of the article, each with the "
                 f"buttons {', '.join(CHOICES)}; {counts['rated']} rated so far; the course's "
                 "reference ratings are "
                 + ("shown" if reveal.value else "hidden until the box is ticked") + ".")
        page = (f"<p>Rate each claim: {' / '.join(CHOICES)}.</p>" + summary.value
                + table.value)
        return page, words

    return Panel([*rows, reveal, summary, table], static_view)
