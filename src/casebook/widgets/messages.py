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


def json_path(folder, typed: str, example: str):
    """The file a name typed in a file field stands for, in ``folder``, with ``.json``
    added where it is missing; ``ValueError`` with the sentence to show for a name that
    is not a plain file name.

    >>> from pathlib import Path
    >>> json_path(Path("work"), " my_grid ", "my_grid.json").as_posix()
    'work/my_grid.json'
    >>> json_path(Path("work"), "../x.json", "my_grid.json")
    Traceback (most recent call last):
    ...
    ValueError: <p>Give a file name only, without a folder, e.g. <code>my_grid.json</code>. Nothing was saved.</p>
    """  # noqa: E501 - the doctest shows the whole message
    from pathlib import Path

    name = typed.strip()
    if not name or Path(name).name != name or name in (".", ".."):
        raise ValueError("<p>Give a file name only, without a folder, e.g. "
                         f"<code>{html.escape(example)}</code>. Nothing was saved.</p>")
    if not name.lower().endswith(".json"):
        name += ".json"
    return Path(folder) / name
