"""What the widgets with a saved file and a redrawn chart share: the chart drawn anew (the
baseline a benchmark compares the in-place update with), markup taken out of a status line,
and a failed save or load said as a list of its problems.

>>> strip_tags("<p><b>Saved</b> my_grid.json.</p>")
'Saved my_grid.json.'
"""

from __future__ import annotations

import html
import io
import re

from ..saved_files import SavedFileError


def plain_png(chart, dpi: int) -> bytes:
    """PNG of a newly built chart by plain ``savefig``: the naive redraw's rendering."""
    buffer = io.BytesIO()
    chart.figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def strip_tags(text: str) -> str:
    """The text of a bit of HTML, without its tags."""
    return re.sub(r"<[^>]+>", "", text)


def problems_html(error: SavedFileError, outcome: str) -> str:
    """The outcome in bold, then one list item per problem of the file.

    >>> class Error(SavedFileError):
    ...     pass
    >>> problems_html(Error("w.json", ["row 2: a weight of -1"]), "Nothing was changed.")
    '<p><b>Nothing was changed.</b></p><ul><li>row 2: a weight of -1</li></ul>'
    """
    items = "".join(f"<li>{html.escape(p)}</li>" for p in error.problems)
    return f"<p><b>{outcome}</b></p><ul>{items}</ul>"
