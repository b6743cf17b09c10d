"""Read back what a widget shows in an HTML table, as a learner's screen reader would."""

from __future__ import annotations

from html.parser import HTMLParser


class _Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def table_rows(html: str) -> list[list[str]]:
    """The text of each cell (header cells too), row by row, of every table in ``html``.

    >>> table_rows("<table><tr><th>a</th></tr><tr><td>1 &amp; 2</td></tr></table>")
    [['a'], ['1 & 2']]
    """
    parsed = _Rows()
    parsed.feed(html)
    return parsed.rows
