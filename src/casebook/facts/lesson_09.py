"""Facts of lesson 09 (hindsight): the later events the course's reference ratings name and
the years they fall in, the ratings by claim, and the claims whose verdict as of the article
and rating in hindsight point in opposite directions.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["rated_count"] == sum(facts["rating_count"].values())
True
"""

from __future__ import annotations

import re

import pandas as pd

from ..model import events_per_year
from ..model.hindsight import (
    RATINGS,
    VERDICTS_AS_OF_ARTICLE,
    named_events,
    reversed_claims,
    scorecard,
)
from ..text import count, joined

# The reason of a rating names its strongest counter-reading as ('mixed') or ('supported').
COUNTER = re.compile(r"[Ss]trongest counter-reading[^(]*\('(\w+)'\)(?:[^(]*?\bor\s*\('(\w+)'\))?")


def short_quote(quote: str, words: int = 10) -> str:
    """A claim's words, cut after ``words`` words with an ellipsis.

    >>> short_quote("one two three", words=2), short_quote("one two", words=2)
    ('one two ...', 'one two')
    """
    cut = quote.split()
    return " ".join(cut[:words]) + (" ..." if len(cut) > words else "")


def cited(card: pd.DataFrame) -> list[str]:
    """Claims of a scorecard as a reader cites them: ``¶6 "Both ..."``.

    >>> cited(pd.DataFrame({"¶": ["¶6"], "claim": ["Both oppose"]}))
    ['¶6 "Both oppose"']
    """
    return [f'{p} "{short_quote(q)}"' for p, q in zip(card["¶"], card["claim"], strict=True)]


def counter_readings(reason: str) -> list[str]:
    """The ratings a reason gives as its strongest counter-reading.

    >>> counter_readings("... Strongest counter-reading ('undercut'): x; or ('supported'): y.")
    ['undercut', 'supported']
    """
    found = COUNTER.search(reason)
    return [r for r in found.groups() if r] if found else []


def majority_from(counts: pd.Series) -> int | None:
    """The latest year from which more than half of the counted events fall.

    >>> majority_from(pd.Series([1, 0, 2, 3], index=[2017, 2018, 2019, 2020]))
    2019
    """
    total = counts.sum()
    for year in sorted(counts.index, reverse=True):
        if counts.loc[year:].sum() * 2 > total:
            return int(year)
    return None


def reference_table(card: pd.DataFrame) -> str:
    """The reference ratings as a Markdown table: paragraph, claim, rating, counter-reading.

    >>> print(reference_table(pd.DataFrame({"¶": ["¶4"], "claim": ["Alliance"],
    ...     "reference": ["undercut"], "reason": ["Strongest counter-reading ('mixed'): x."]})))
    | ¶ | claim | reference | strongest counter-reading |
    |---|---|---|---|
    | 4 | Alliance | undercut | mixed |
    """
    lines = ["| ¶ | claim | reference | strongest counter-reading |", "|---|---|---|---|"]
    for row in card.itertuples():
        counters = " or ".join(counter_readings(row.reason)) or "(none given)"
        lines.append(f"| {row[1].lstrip('¶')} | {short_quote(row.claim)} | {row.reference} | "
                     f"{counters} |")
    return "\n".join(lines)


def facts(case) -> dict:
    card = scorecard(case.claims, case.hindsight, case.sources)
    named = named_events(case.hindsight, case.events, case.claims, case.sources,
                         case.article.date)
    counts = events_per_year(named, first=case.article.year)
    top = int(counts.max()) if len(counts) else 0
    busiest = [int(y) for y in counts.index[counts == top]] if top else []
    years = named["date"].map(lambda d: d.year)
    reversed_ = reversed_claims(card)
    opposite = card[card["verdict"].isin([v.replace("_", " ") for v in VERDICTS_AS_OF_ARTICLE])
                    & (card["verdict"] != "accurate") & (card["reference"] == "supported")]
    by_rating = {r: card[card["reference"] == r] for r in reversed(RATINGS)}
    lessons = case.lessons
    numbers = [str(i)[:2] for i in lessons.index]
    later = [n for n in numbers if n.isdigit() and n > "09"]
    following = lessons.iloc[numbers.index(later[0])] if later else None
    known = int((named["known on the article's date"] == "yes").sum())
    return {
        "named_count": len(named),
        "named_known_count": known,
        "named_after_all": known == 0,
        # "every one came after the article" or "3 could be known on the article's date"
        "named_known_phrase": ("every one of them came after the article" if known == 0 else
                               f"{count(known, 'event')} of them could be known on the "
                               "article's date"),
        "busiest_years": busiest,
        "busiest_count": top,
        # Event titles hold commas of their own, so they are set apart by semicolons.
        "busiest_events": "; ".join(named.loc[years.isin(busiest), "event"]) or "none",
        "empty_years": [int(y) for y in counts.index[counts == 0]],
        "majority_from": majority_from(counts) or case.article.year,
        "named_last_year": int(counts.index.max()) if len(counts) else case.article.year,
        "rated_count": len(card),
        "rating_count": {r: len(g) for r, g in by_rating.items()},
        "rating_tallies": [f"{len(g)} {r}" for r, g in by_rating.items()],
        "rated_claims": {r: cited(g) for r, g in by_rating.items()},
        "reversed_count": len(reversed_),
        # "One claim was", "2 claims were", "No claims were"
        "reversed_subject": (count(len(reversed_), "claim", words=True).capitalize()
                             + (" was" if len(reversed_) == 1 else " were")),
        "reversed_paragraphs": reversed_["¶"].tolist(),
        "reversed_claims": cited(reversed_),
        "opposite_claims": [f"{c} ({v} as of the article, {r} by what followed)"
                            for c, v, r in zip(cited(opposite), opposite["verdict"],
                                               opposite["reference"], strict=True)],
        "reference_table": reference_table(card),
        "following_lesson": str(lessons.index[numbers.index(later[0])])[:2] if later else "",
        "following_title": following["title"] if following is not None else "",
        "following_status": following["status"] if following is not None else "",
        # Nothing to add when the next lesson is ready; its status when it is not yet.
        "following_note": ("" if following is None or following["status"] == "ready" else
                           f" ({following['status']}, not yet in the collection)"),
        "joined_years": joined(str(y) for y in busiest),
    }
