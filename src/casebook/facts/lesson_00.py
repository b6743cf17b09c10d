"""Facts of lesson 00 (start here): the years the timeline records most closely, and the
sentence that points to the glossary (none for a case without one).

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["article_year"] in facts["closest_years"]
True
"""

from __future__ import annotations

from ..glossary import PAGE_NAME, glossary_entries
from ..model import events_per_year
from ..text import count


def facts(case) -> dict:
    counts = events_per_year(case.events)
    # The two busiest years, ties kept together, in the order of the calendar.
    top = counts[counts >= counts.nlargest(2).min()] if len(counts) else counts
    return {
        "closest_years": [int(year) for year in sorted(top.index)],
        "timeline_first_year": int(counts.index.min()) if len(counts) else case.article.year,
        "timeline_last_year": int(counts.index.max()) if len(counts) else case.article.year,
        "article_year": case.article.year,
        "glossary_note": glossary_note(len(glossary_entries(case))),
    }


def glossary_note(terms: int) -> str:
    """The sentence that sends a learner to the glossary page ("" without a glossary).

    >>> glossary_note(0)
    ''
    >>> glossary_note(2)[:44]
    'The lessons use some words before they expla'
    """
    if not terms:
        return ""
    return (f"The lessons use some words before they explain them. [The glossary]({PAGE_NAME}) "
            f"defines {count(terms, 'such term', words=True)}, and each lesson links a term to "
            "its entry where the lesson's text first uses it.")
