"""Lesson 05's decision explorer: choose one Security Council decision of the vote record
and see how each voter voted, what the text gave up to win votes, the course's note, and
whether a reader on the article's date could know it. The widget only builds and wires the
control; the reading is ``casebook.model.decision``."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..case import Case
from ..display import Panel, table_html
from ..model import decision
from ..model.votes import case_vote_record
from .controls import Choice, choice_keys, keys_html

TABLE_WIDTHS = [30, 70]  # what, answer: steady as the decision changes
NAME = "Decision"


def decision_html(record, un_votes, vote_id: str, article_day: str) -> str:
    """The sentence and the table shown under the menu for one decision."""
    sentence = decision.decision_sentence(record, un_votes, vote_id)
    table = decision.decision_table(record, un_votes, vote_id, article_day)
    return (f"<p role='status'><b>{html.escape(sentence)}</b></p>"
            + table_html(table, widths=TABLE_WIDTHS))


def decision_explorer(case: Case) -> Panel:
    """A menu of the record's decisions, in date order, and the chosen one's table. It opens
    on the last decision before the article; shown without a kernel, it is that table."""
    record = case_vote_record(case)
    article_day = case.article.date.spelled()
    menu = Choice(decision.decision_choices(record), decision.default_decision(record), NAME,
                  kind="decision of the table", width="60%", note=keys_html(
                      f"Tab reaches the field; {choice_keys([NAME])}."))
    shown = widgets.HTML(decision_html(record, case.un_votes, menu.value, article_day))

    def redraw(change) -> None:
        shown.value = decision_html(record, case.un_votes, change["new"], article_day)

    menu.observe(redraw, names="value")

    def static_view() -> tuple[str, str]:
        page = f"<p>{NAME}: <b>{html.escape(menu.label)}</b></p>" + shown.value
        words = (f"Decision explorer set to {menu.label}. "
                 + decision.decision_sentence(record, case.un_votes, menu.value))
        return page, words

    panel = Panel([menu, shown], static_view)
    panel.menu, panel.shown = menu, shown
    return panel
