"""Lesson 04's factor explorer: choose one of the factors a lesson studies and see every act
of the focus actor on a stance the course codes for it, with the stance's effect on the
factor, whether the act fits what the factor alone predicts, and whether a reader on the
article's date could know it. The widget only builds and wires the control; the reading is
``casebook.model.factor_record``."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..case import Case
from ..display import Panel, scrolling_table_html
from ..model import factor_record
from .controls import Choice, choice_keys, keys_html

# date, stance, effect, the actor's act, fits?, what was done, when, source: steady widths
TABLE_WIDTHS = [9, 11, 6, 9, 10, 29, 10, 16]
NAME = "Factor"


def factor_html(table, label: str, actor_name: str, article_day: str) -> str:
    """The sentence and the table shown under the field for one factor (``table`` from
    ``factor_record.factor_table``)."""
    said = html.escape(factor_record.factor_sentence(table, label, actor_name, article_day))
    sentence = f"<p role='status'><b>{said}</b></p>"
    if table.empty:
        return sentence
    shown = table.assign(date=table["date"].map(str))
    return sentence + scrolling_table_html(
        shown, "Acts on the stances coded for this factor", widths=TABLE_WIDTHS)


def factor_explorer(case: Case, factor_ids) -> Panel:
    """A field to choose one of ``factor_ids`` (in that order) and the focus actor's acts on
    the stances the course codes for it. It opens on the first; shown without a kernel, it
    is that factor's table."""
    actor = case.actors.loc[case.focus_actor, "short_name"]
    article_day = case.article.date.spelled()
    tables = {f: factor_record.factor_table(case.behaviour, case.effects, case.options,
                                            case.sources, f, case.article.date, actor)
              for f in factor_ids}
    choices = factor_record.factor_choices(case.factors, factor_ids)
    menu = Choice(choices, choices[0][1], NAME, kind="factor of this lesson", width="60%",
                  note=keys_html(f"Tab reaches the field, then the table; "
                                 f"{choice_keys([NAME])}; the arrow keys scroll the table."))
    shown = widgets.HTML(factor_html(tables[menu.value], menu.label, actor, article_day))

    def redraw(change) -> None:
        shown.value = factor_html(tables[change["new"]], menu.label, actor, article_day)

    menu.observe(redraw, names="value")

    def static_view() -> tuple[str, str]:
        page = f"<p>{NAME}: <b>{html.escape(menu.label)}</b></p>" + shown.value
        words = (f"Factor explorer set to {menu.label}. " + factor_record.factor_sentence(
            tables[menu.value], menu.label, actor, article_day))
        return page, words

    panel = Panel([menu, shown], static_view)
    panel.menu, panel.shown = menu, shown
    return panel
