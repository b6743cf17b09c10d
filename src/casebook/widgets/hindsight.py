"""The rating widget of lesson 09: a reader rates each claim against what followed, then
compares with the course's reference ratings and their reasons.

Each claim's rating is a ``controls.Choice``: a text field, named by the claim, that holds the
rating in words, keeps its keys in JupyterLab and takes one Tab stop (a reader types the
rating or its first letter and presses Enter, or picks it from the field's list).
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
from .controls import Choice, keys_note

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


def claim_name(paragraph: str, claim: str) -> str:
    """The accessible name of a claim's rating field: its paragraph and the claim's words.

    >>> claim_name("¶4", "trade will grow")
    '¶4: trade will grow'
    """
    return f"{paragraph}: {claim}"


KEYS = ("Tab moves from claim to claim; type a rating or its first letter ("
        + ", ".join(rating[0] for rating in hindsight.RATINGS)
        + f"; {hindsight.NOT_RATED[0]} for {hindsight.NOT_RATED}) and press Enter, or empty the "
        "field and press Down (or click it) to pick from its list; Space ticks the box.")
RATED_SHADE = "#e3ecf7"  # a rated claim's field, beside the rating in words


def rating_widget(case: Case) -> Panel:
    """One rating field per claim (not rated / undercut / mixed / supported), a box that
    shows the course's reference, the counts of agreement and the table of both ratings with
    the reference's reasons. Starts with nothing rated and the reference hidden."""
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    fields = {}
    rows = []
    for claim_id, row in card.iterrows():
        # Named by the claim (its words are beside it on screen); an emptied field is "not
        # rated" again.
        fields[claim_id] = Choice(
            [(choice, choice) for choice in CHOICES], hindsight.NOT_RATED,
            claim_name(row["¶"], row["claim"]), kind="rating", blank=hindsight.NOT_RATED,
            hide_name=True, width="150px")
        label = widgets.HTML(f"<b>{row['¶']}</b> {html.escape(row['claim'])}",
                             layout=widgets.Layout(width="70%", margin="0 12px 6px 0"))
        rows.append(widgets.HBox([label, fields[claim_id]]))
    reveal = widgets.Checkbox(value=False, indent=False,
                              description="Show the course's reference ratings and reasons",
                              layout=widgets.Layout(width="auto"))
    summary = widgets.HTML()
    table = widgets.HTML()

    def ratings() -> dict[str, str]:
        return {claim_id: field.value for claim_id, field in fields.items()}

    def redraw(_=None) -> None:
        compared = hindsight.compare(card, ratings())
        summary.value = summary_html(hindsight.agreement(compared), reveal.value)
        table.value = table_html(comparison_frame(compared, reveal.value),
                                 widths=TABLE_WIDTHS)

    def shade(change) -> None:
        change["owner"].field.style.background = (
            None if change["new"] == hindsight.NOT_RATED else RATED_SHADE)

    for field in fields.values():
        field.observe(shade, names="value")
        field.observe(redraw, names="value")
    reveal.observe(redraw, names="value")
    redraw()

    def static_view() -> tuple[str, str]:
        counts = hindsight.agreement(hindsight.compare(card, ratings()))
        words = (f"Rating widget: {counts['claims']} claims of the article, each rated "
                 f"{', '.join(CHOICES[:-1])} or {CHOICES[-1]}; {counts['rated']} rated so far; "
                 "the course's "
                 "reference ratings are "
                 + ("shown" if reveal.value else "hidden until the box is ticked") + ".")
        page = (f"<p>Rate each claim: {' / '.join(CHOICES)}.</p>" + summary.value
                + table.value)
        return page, words

    panel = Panel([keys_note(KEYS), *rows, reveal, summary, table], static_view)
    panel.ratings = fields  # claim id -> its rating field, for tests
    return panel
