"""The article and its argument as tables: who wrote it, where and when; its paragraphs; its
claims with the course's kind and verdict; and the chains of the argument map
(claims -> factors -> conclusion)."""

from __future__ import annotations

import pandas as pd

from ..case import Article
from .timeline import day_text


def article_facts(article: Article, sources: pd.DataFrame) -> pd.DataFrame:
    """Who wrote the article, where and when, as a two-column table; the last row is the
    note of its source row (what the course could and could not check).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> article_facts(case.article, case.sources)["what"].tolist()
    ['Title', 'Author', 'Published in', 'Date', 'Address', 'Note on the source']
    """
    note = sources.loc[article.source_id, "note"] if article.source_id in sources.index else ""
    return pd.DataFrame({
        "what": ["Title", "Author", "Published in", "Date", "Address", "Note on the source"],
        "the article": [article.title, article.author, article.publisher, day_text(article.date),
             article.url, "" if pd.isna(note) else note],
    })
