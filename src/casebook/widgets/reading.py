"""Reading the article on screen: every paragraph numbered, the sentences that the claims
table quotes marked and labelled with their claim numbers, and a reader that shows one
paragraph at a time with its claims, their kind, verdict and the course's reasons."""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pandas as pd

from ..case import Case
from ..display import Panel, table_html
from ..model.argument import BASIS_TEXT, claim_label, kind_label
from .controls import keys_note, number_field

MARK_STYLE = "background:#fbe3b0;padding:0 1px"  # the sentence a claim quotes
CLAIM_COLUMNS_WIDTHS = [9, 30, 9, 10, 12, 30]


def _loose(text: str) -> str:
    """Text with curly apostrophes straightened and spaces collapsed, as quotes are checked."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'"))


def quote_spans(text: str, quotes: dict[str, str]) -> list[tuple[int, int, list[str]]]:
    """Where each quote (claim id -> words) stands in ``text``: (start, end, claim ids),
    overlapping quotes merged into one span, in order.

    >>> quote_spans("one two three four", {"a": "two three", "b": "three four", "c": "one"})
    [(0, 3, ['c']), (4, 18, ['a', 'b'])]
    """
    loose = _loose(text)
    found = []
    for claim_id, quote in quotes.items():
        at = loose.find(_loose(quote))
        if at >= 0 and len(loose) == len(text):
            found.append((at, at + len(_loose(quote)), [claim_id]))
        elif (at := text.find(quote)) >= 0:
            found.append((at, at + len(quote), [claim_id]))
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, ids in sorted(found):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] + ids)
        else:
            merged.append((start, end, ids))
    return merged


def marked_paragraph(number: int, text: str, quotes: dict[str, str]) -> str:
    """One paragraph as HTML: its number, then its text with every quoted claim marked and
    followed by the claim numbers (so the mark is never colour alone).

    >>> marked_paragraph(2, "Peace <is> vital.", {"c01_peace": "Peace <is> vital"})
    '<p><b>[¶2]</b> <mark style="background:#fbe3b0;padding:0 1px">Peace &lt;is&gt; vital</mark><sup>[c01]</sup>.</p>'
    """  # noqa: E501 - the doctest shows the whole line
    parts, at = [], 0
    for start, end, ids in quote_spans(text, quotes):
        parts.append(html.escape(text[at:start]))
        labels = ", ".join(i.split("_")[0] for i in ids)
        parts.append(f'<mark style="{MARK_STYLE}">{html.escape(text[start:end])}</mark>'
                     f"<sup>[{labels}]</sup>")
        at = end
    parts.append(html.escape(text[at:]))
    return f"<p><b>[¶{number}]</b> {''.join(parts)}</p>"


def article_html(paragraphs: dict[int, str], claims: pd.DataFrame) -> str:
    """The whole article: each paragraph numbered, with its claims marked.

    >>> claims = pd.DataFrame({"paragraph": [2], "quote": ["vital"]}, index=["c01_peace"])
    >>> print(article_html({1: "Opening.", 2: "Peace is vital."}, claims))
    <p><b>[¶1]</b> Opening.</p>
    <p><b>[¶2]</b> Peace is <mark style="background:#fbe3b0;padding:0 1px">vital</mark><sup>[c01]</sup>.</p>
    """  # noqa: E501 - the doctest shows whole lines
    return "\n".join(marked_paragraph(n, text, _quotes_of(claims, n))
                     for n, text in sorted(paragraphs.items()))


def article_text(paragraphs: dict[int, str]) -> str:
    """The article as plain numbered paragraphs, for text-only readers.

    >>> print(article_text({2: "Second.", 1: "First."}))
    [¶1] First.
    <BLANKLINE>
    [¶2] Second.
    """
    return "\n\n".join(f"[¶{n}] {text}" for n, text in sorted(paragraphs.items()))


def _quotes_of(claims: pd.DataFrame, number: int) -> dict[str, str]:
    mine = claims[claims["paragraph"] == number]
    return dict(zip(mine.index, mine["quote"], strict=True))


def show_article(case: Case) -> None:
    """Display the article, numbered, with the claims of ``claims.csv`` marked."""
    from IPython.display import display

    citation = html.escape(case.article.citation())
    display({"text/html": f"<p><i>{citation}</i></p>"
                          + article_html(case.paragraphs, case.claims),
             "text/plain": case.article.citation() + "\n\n" + article_text(case.paragraphs)},
            raw=True)


def paragraph_claims(claims: pd.DataFrame, sources: pd.DataFrame, number: int) -> pd.DataFrame:
    """The claims of one paragraph with kind (and the second kind it fits, if any), verdict,
    what it rests on and why.

    >>> claims = pd.DataFrame({"paragraph": [2], "quote": ["q"], "kind": ["fact"],
    ...     "verdict": ["error"], "verdict_basis": ["record"], "verdict_note": ["n"],
    ...     "source_id": ["s"]}, index=["c07_x"])
    >>> paragraph_claims(claims, pd.DataFrame({"title": ["T"]}, index=["s"]), 2).iloc[0].tolist()
    ['c07 x', 'q', 'fact', 'error', 'the public record', 'n (source: T)']
    """
    mine = claims[claims["paragraph"] == number]
    titles = sources["title"].to_dict()

    def why(note, source_id):
        return note if source_id is None or pd.isna(source_id) else (
            f"{note} (source: {titles[source_id]})")

    return pd.DataFrame({
        "claim": [claim_label(i) for i in mine.index], "quote": mine["quote"].to_list(),
        "kind": [kind_label(mine, i) for i in mine.index],
        "verdict": mine["verdict"].str.replace("_", " ").to_list(),
        "verdict rests on": [BASIS_TEXT[b] for b in mine["verdict_basis"]],
        "why": [why(n, s) for n, s in zip(mine["verdict_note"], mine["source_id"],
                                           strict=True)],
    })


def paragraph_view(case: Case, number: int) -> str:
    """The HTML under the reader: the paragraph, then its claims (or a note that it has none)."""
    table = paragraph_claims(case.claims, case.sources, number)
    text = marked_paragraph(number, case.paragraphs[number], _quotes_of(case.claims, number))
    if table.empty:
        return text + "<p><i>No sentence of this paragraph is in the claims table.</i></p>"
    heading = (f"<p><b>{len(table)} claim{'s' * (len(table) != 1)}</b> of paragraph "
               f"{number}:</p>")
    return text + heading + table_html(table, widths=CLAIM_COLUMNS_WIDTHS)


def paragraph_reader(case: Case) -> Panel:
    """A slider over the article's paragraphs; under it the paragraph, its marked claims and
    the table of their kinds, verdicts and reasons. It opens on the first paragraph that
    holds a claim."""
    numbers = sorted(case.paragraphs)
    with_claims = [n for n in numbers if (case.claims["paragraph"] == n).any()]
    slider = widgets.IntSlider(value=with_claims[0] if with_claims else numbers[0],
                               min=numbers[0], max=numbers[-1], description="Paragraph",
                               continuous_update=False, style={"description_width": "initial"},
                               layout=widgets.Layout(width="60%"))
    field = number_field(slider, "Paragraph")  # named, and a number can be typed
    view = widgets.HTML(paragraph_view(case, slider.value))

    def redraw(change):
        view.value = paragraph_view(case, change["new"])

    slider.observe(redraw, names="value")

    def static_view() -> tuple[str, str]:
        number = slider.value
        page = (f"<p>Paragraph: <b>{number}</b> ({slider.min}-{slider.max})</p>" + view.value)
        words = (f"Paragraph slider at {number} (it runs from {slider.min} to {slider.max}). "
                 f"[¶{number}] {case.paragraphs[number]}")
        return page, words

    keys = keys_note("Tab to the slider and use the arrow keys, or to the paragraph field "
                     "beside it, type a number and press Enter.")
    panel = Panel([widgets.HBox([slider, field]), keys, view], static_view)
    panel.slider, panel.field = slider, field
    return panel
