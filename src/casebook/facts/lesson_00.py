"""Facts of lesson 00 (start here): the years the timeline records most closely.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["article_year"] in facts["closest_years"]
True
"""

from __future__ import annotations

from ..model import events_per_year


def facts(case) -> dict:
    counts = events_per_year(case.events)
    # The two busiest years, ties kept together, in the order of the calendar.
    top = counts[counts >= counts.nlargest(2).min()] if len(counts) else counts
    return {
        "closest_years": [int(year) for year in sorted(top.index)],
        "timeline_first_year": int(counts.index.min()) if len(counts) else case.article.year,
        "timeline_last_year": int(counts.index.max()) if len(counts) else case.article.year,
        "article_year": case.article.year,
    }
