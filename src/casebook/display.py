"""Showing things in a lesson so that every reader can read them: with a kernel, without one
(a lesson just opened, GitHub, nbviewer) and with a screen reader.

- ``table_html`` / ``show``: tables with text left-aligned, dates that never wrap, whole
  cells (never cut short with "..."), and a count line above a long table.
- ``figure_bundle``: a picture as HTML ``<img>`` whose alternative text is the figure's
  description, with the PNG and the description as plain text beside it.
- ``Panel``: a widget box that also carries a static HTML view of its current state, so that
  a lesson opened before anything runs shows the default view instead of the widget's
  Python repr. With a kernel, JupyterLab shows the live widget (it ranks the widget view
  above HTML); without one it falls back to the HTML.

>>> import pandas as pd
>>> print(table_html(pd.DataFrame({"year": [2017], "event": ["Test"]})).splitlines()[0])
<table class="casebook-table">
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

# Inline styles: JupyterLab, nbviewer and GitHub all keep them, none loads a stylesheet.
_CELL = "text-align:left;vertical-align:top;padding:2px 8px;"
_NOWRAP = "white-space:nowrap;"


def _is_date_like(name: str) -> bool:
    return "date" in name.lower() or name.lower() == "year"


# Title -> address of the case's sources, so that a table's source cells link to the
# document (set by ``link_sources``, which a lesson's ``start`` calls; empty: no links).
SOURCE_LINKS: dict[str, str] = {}


def link_sources(sources: pd.DataFrame) -> None:
    """Let tables link each source, named by its title in a column whose name says
    "source", to its address (the ``url`` of sources.csv, where it has one).

    >>> link_sources(pd.DataFrame({"title": ["A report"], "url": ["https://example.org/r"]}))
    >>> 'href="https://example.org/r"' in table_html(pd.DataFrame({"source": ["A report"]}))
    True
    >>> link_sources(pd.DataFrame(columns=["title", "url"]))
    """
    SOURCE_LINKS.clear()
    for title, url in zip(sources.get("title", []), sources.get("url", []), strict=True):
        if isinstance(title, str) and isinstance(url, str) and url.startswith(("http://",
                                                                              "https://")):
            SOURCE_LINKS.setdefault(title.strip(), url.strip())


def _cell_html(column, text) -> str:
    escaped = html.escape(str(text))
    url = SOURCE_LINKS.get(str(text).strip()) if "source" in str(column).lower() else None
    return f'<a href="{html.escape(url, quote=True)}">{escaped}</a>' if url else escaped


def table_html(frame: pd.DataFrame, index: bool = False, max_rows: int | None = None,
               caption: str | None = None, widths: list[int] | None = None) -> str:
    """An HTML table that reads well: left-aligned text, dates that never wrap, numbers
    right-aligned; with ``max_rows``, a longer table shows its first rows and says how many
    it has; with ``widths`` (percentages, one per column) the columns keep their widths
    whatever the rows hold, so a table under a slider does not jump.

    >>> frame = pd.DataFrame({"date": ["2017-07-04"], "n": [3]})
    >>> "white-space:nowrap" in table_html(frame) and "text-align:right" in table_html(frame)
    True
    """
    shown = frame.reset_index() if index else frame
    total = len(shown)
    if max_rows is not None and total > max_rows:
        shown = shown.head(max_rows)
    numeric = {c for c in shown.columns if pd.api.types.is_numeric_dtype(shown[c])
               and not pd.api.types.is_bool_dtype(shown[c])}
    if widths:
        lines = ['<table class="casebook-table" style="table-layout:fixed;width:100%">',
                 "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in widths)
                 + "</colgroup>"]
    else:
        lines = ['<table class="casebook-table">']
    if caption:
        lines.append(f'<caption style="text-align:left">{html.escape(caption)}</caption>')
    heads = "".join(f'<th style="{_CELL}">{html.escape(str(c))}</th>' for c in shown.columns)
    lines.append(f"<thead><tr>{heads}</tr></thead><tbody>")
    for row in shown.itertuples(index=False):
        cells = []
        for column, value in zip(shown.columns, row, strict=True):
            style = _CELL
            if column in numeric:
                style = style.replace("text-align:left", "text-align:right") + _NOWRAP
            elif _is_date_like(str(column)):
                style += _NOWRAP
            text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else value
            cells.append(f'<td style="{style}">{_cell_html(column, text)}</td>')
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    if len(shown) < total:
        lines.append(f"<p><i>Showing the first {len(shown)} of {total} rows.</i></p>")
    return "\n".join(lines)


def scrolling_table_html(frame: pd.DataFrame, region_name: str,
                         widths: list[int] | None = None) -> str:
    """``table_html`` in a box that scrolls when the table is long. The box takes the
    keyboard focus, or a keyboard user could not scroll it, and its role and name tell a
    screen reader what it holds.

    >>> box = scrolling_table_html(pd.DataFrame({"a": [1]}), "Rows in view")
    >>> 'tabindex="0"' in box and 'aria-label="Rows in view"' in box
    True
    """
    return ('<div style="max-height:30em;overflow-y:auto" tabindex="0" role="region" '
            f'aria-label="{html.escape(region_name)}">'
            + table_html(frame, widths=widths) + "</div>")


def show(frame: pd.DataFrame, index: bool = False, max_rows: int | None = None,
         caption: str | None = None, widths: list[int] | None = None) -> None:
    """Display ``frame`` as ``table_html`` (and as plain text for text-only readers)."""
    from IPython.display import display

    with pd.option_context("display.max_colwidth", None, "display.width", 120,
                           "display.max_rows", max_rows or 200):
        text = (frame if index else frame.reset_index(drop=True)).to_string(index=index)
    display({"text/html": table_html(frame, index, max_rows, caption, widths),
             "text/plain": text}, raw=True)


def figure_bundle(png: bytes, description: str) -> dict[str, str]:
    """A display bundle for a figure: ``<img>`` with the description as its alternative
    text (what JupyterLab shows), the PNG itself, and the description as plain text."""
    picture = base64.b64encode(png).decode("ascii")
    alt = html.escape(description, quote=True)
    return {"text/html": f'<img src="data:image/png;base64,{picture}" alt="{alt}">',
            "image/png": picture, "text/plain": description}


class Panel(widgets.VBox):
    """A VBox that also offers a static view of its current state.

    ``static_view`` returns (html, text): what a reader without a kernel sees, and the plain
    words for a screen reader or a text-only viewer. It is called when the panel is displayed,
    so the stored output shows the default state.
    """

    def __init__(self, children, static_view: Callable[[], tuple[str, str]], **kwargs):
        super().__init__(children, **kwargs)
        self._static_view = static_view

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        page, text = self._static_view()
        note = ("<p><i>This is a picture of the control's starting state. Run the lesson's "
                "cells to use it.</i></p>")
        bundle["text/html"] = page + note
        bundle["text/plain"] = text
        return bundle


def answers_html(answers: list[str], title: str = "Check your answers") -> str:
    """A collapsed block of numbered answers, worked out from the data, for a reader to open
    after trying (so the answers follow the data when an instructor changes it).

    >>> print(answers_html(["Four."]).splitlines()[1])
    <summary><b>Check your answers</b> (after you have tried)</summary>
    """
    items = "".join(f"<li>{html.escape(a)}</li>" for a in answers)
    return (f"<details>\n<summary><b>{html.escape(title)}</b> (after you have tried)</summary>"
            f"\n<ol>{items}</ol>\n</details>")


def show_answers(answers: list[str], title: str = "Check your answers") -> None:
    """Display ``answers_html`` (plain text: the answers numbered, for text-only readers)."""
    from IPython.display import display

    text = title + ":\n" + "\n".join(f"{n}. {a}" for n, a in enumerate(answers, start=1))
    display({"text/html": answers_html(answers, title), "text/plain": text}, raw=True)
