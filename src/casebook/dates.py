"""Dates as the case writes them: a day, a month or only a year, each kept at its precision.

A source often gives only a month ("2014-07") or a year ("2015"). Inventing a day would be a
fact nobody checked, so a date keeps what is known, and comparisons use the span it covers:
"2017-07" ends on 31 July, so an end date written "2017-07" is not before "2017-07-04".

>>> PartialDate.parse("2017-07").last_day
datetime.date(2017, 7, 31)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from functools import total_ordering

DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@total_ordering
@dataclass(frozen=True, eq=True)
class PartialDate:
    """A date known to the day, the month or the year. ``str()`` gives it back as written.

    >>> sorted([PartialDate.parse("2017-10-13"), PartialDate.parse("2017")])
    [PartialDate('2017'), PartialDate('2017-10-13')]
    >>> PartialDate.parse("2017-02-30") is None
    True
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """The date written YYYY, YYYY-MM or YYYY-MM-DD, or None if it is not a real date."""
        return _parse(cls, text)

    @classmethod
    def _parse_uncached(cls, text: str) -> PartialDate | None:
        match = DATE_PATTERN.match(text.strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year': how much of the date is known."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day the date can mean.

        >>> PartialDate.parse("2016").last_day
        datetime.date(2016, 12, 31)
        """
        if self.day:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def spelled(self) -> str:
        """The date as a reader writes it, at its own precision.

        >>> PartialDate.parse("2017-10-13").spelled(), PartialDate.parse("2014-07").spelled()
        ('13 October 2017', 'July 2014')
        """
        if self.day:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)

    def _order(self) -> tuple[dt.date, dt.date]:
        return (self.first_day, self.last_day)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() < other._order()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate('{self}')"


def not_before(later: PartialDate, earlier: PartialDate) -> bool:
    """True if ``later`` can be on or after ``earlier``: some day of it is.

    >>> not_before(PartialDate.parse("2017-07"), PartialDate.parse("2017-07-04"))
    True
    >>> not_before(PartialDate.parse("2017-06"), PartialDate.parse("2017-07-04"))
    False
    """
    return later.last_day >= earlier.first_day


@functools.lru_cache(maxsize=16384)
def _parse(cls, text: str) -> PartialDate | None:
    # Dates recur across a case's tables; a PartialDate is immutable, so one object serves.
    return cls._parse_uncached(text)
