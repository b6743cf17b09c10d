"""The contract for ``lessons_data/``: every table, every column, what each may hold.

The loader checks the files against these declarations and nothing else, so a new column or
a new allowed value is added here (and in ``lessons_data/README.md``, which a test keeps in
step with this file).

>>> TABLES["actors"].file
'actors.csv'
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of column. Each kind has one checker in validation.py.
ID = "id"  # a short name other tables refer to: letters, digits, _ - .
TEXT = "text"  # free text
INTEGER = "integer"  # a whole number, optionally between minimum and maximum
NUMBER = "number"  # any number, optionally between minimum and maximum
DATE = "date"  # YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is not known
CHOICE = "choice"  # one of `choices`
REF = "ref"  # the id of a row in another table
REFS = "refs"  # several such ids separated by ";"
PARAGRAPH = "paragraph"  # a paragraph number of the numbered article
URL = "url"  # an http(s) address

CONFIDENCE = ("H", "M", "L")
YES_NO = ("yes", "no")


@dataclass(frozen=True)
class Column:
    """One column of a table. ``required=False`` lets a cell be blank.

    >>> Column("x", NUMBER, minimum=-1, maximum=1).expected()
    'a number from -1 to 1'
    """

    name: str
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    table: str | None = None  # for REF and REFS: the table whose ids are allowed
    def expected(self) -> str:
        """What a valid cell looks like, in words for the error message."""
        if self.kind == CHOICE:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.kind in (INTEGER, NUMBER):
            noun = "a whole number" if self.kind == INTEGER else "a number"
            low, high = _plain(self.minimum), _plain(self.maximum)
            if low is not None and high is not None:
                return f"{noun} from {low} to {high}"
            if low is not None:
                return f"{noun} of at least {low}"
            if high is not None:
                return f"{noun} of at most {high}"
            return noun
        if self.kind == DATE:
            return "a date written YYYY-MM-DD (or YYYY-MM or YYYY when less is known)"
        if self.kind == ID:
            return "an id made of letters, digits, '_', '-' or '.', with no spaces"
        if self.kind == REF:
            return f"an id listed in {self.table}.csv"
        if self.kind == REFS:
            return f"ids listed in {self.table}.csv, separated by ';'"
        if self.kind == PARAGRAPH:
            return "the number of a paragraph of the numbered article"
        if self.kind == URL:
            return "an address starting with http:// or https://"
        return "some text"


def _plain(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Table:
    """One CSV file. ``key`` names the columns whose values must be unique together."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    # True: the two key columns (both REF) must pair every id of one table with every id of
    # the other, so that the model never meets a missing effect, weight or rating.
    complete_grid: bool = False

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _source(required: bool = True) -> Column:
    return Column("source_id", REF, required=required, table="sources")


EVENT_CATEGORIES = (
    "diplomacy",
    "summit",
    "treaty",
    "talks",
    "nuclear_test",
    "missile_test",
    "sanctions",
    "military",
    "economy",
)
CLAIM_KINDS = ("fact", "inference", "opinion", "prediction")
CLAIM_VERDICTS = (
    "accurate",
    "error",
    "disputed",
    "unverified",
    "borne_out",
    "partly_borne_out",
    "not_borne_out",
    "not_testable",
)
OBSERVED = ("supported", "mixed", "opposed")
VOTES = ("yes", "no", "abstain", "veto", "not_voted")
OUTCOMES = ("adopted", "vetoed", "not_put_to_vote")
RATINGS = ("CC", "C", "N", "I", "II")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "sources",
            (
                Column("source_id", ID),
                Column("title", TEXT),
                Column("author", TEXT, required=False),
                Column("publisher", TEXT, required=False),
                Column("date", DATE, required=False),
                Column("url", URL, required=False),
                Column("note", TEXT, required=False),
            ),
            key=("source_id",),
        ),
        Table(
            "actors",
            (
                Column("actor_id", ID),
                Column("name", TEXT),
                Column("short_name", TEXT),
                Column("x", NUMBER, minimum=-1, maximum=1),  # fixed place in network charts
                Column("y", NUMBER, minimum=-1, maximum=1),
                Column("description", TEXT),
            ),
            key=("actor_id",),
        ),
        Table(
            "periods",
            (
                Column("period_id", ID),
                Column("label", TEXT),
                Column("start_year", INTEGER, minimum=1900, maximum=2100),
                Column("end_year", INTEGER, minimum=1900, maximum=2100),
                Column("description", TEXT),
                _source(),
            ),
            key=("period_id",),
        ),
        Table(
            "relations",
            (
                Column("period_id", REF, table="periods"),
                Column("actor_a", REF, table="actors"),
                Column("actor_b", REF, table="actors"),
                Column("sign", CHOICE, choices=("cooperative", "hostile")),
                Column("strength", INTEGER, minimum=1, maximum=3),
                Column("basis", TEXT),
                _source(),
            ),
            key=("period_id", "actor_a", "actor_b"),
        ),
        Table(
            "factors",
            (
                Column("factor_id", ID),
                Column("label", TEXT),
                Column("short_label", TEXT),
                Column("paragraph", PARAGRAPH),
                Column("quote", TEXT),
                Column("in_blank_framework", CHOICE, choices=YES_NO),
                Column("description", TEXT),
            ),
            key=("factor_id",),
        ),
        Table(
            "options",
            (
                Column("option_id", ID),
                Column("label", TEXT),
                Column("short_label", TEXT),
                Column("description", TEXT),
                Column("paragraph", PARAGRAPH, required=False),
            ),
            key=("option_id",),
        ),
        Table(
            "effects",
            (
                Column("option_id", REF, table="options"),
                Column("factor_id", REF, table="factors"),
                Column("effect", INTEGER, minimum=-2, maximum=2),
                Column("rationale", TEXT),
                Column("paragraph", PARAGRAPH),
            ),
            key=("option_id", "factor_id"),
            complete_grid=True,
        ),
        Table(
            "behaviour",
            (
                Column("option_id", REF, table="options"),
                Column("date", DATE),
                Column("observed", CHOICE, choices=OBSERVED),
                Column("description", TEXT),
                _source(),
            ),
            key=("option_id", "date"),
        ),
        Table(
            "presets",
            (
                Column("preset_id", ID),
                Column("label", TEXT),
                Column("holder", TEXT),
                Column("reading", TEXT),
                _source(required=False),
            ),
            key=("preset_id",),
        ),
        Table(
            "preset_weights",
            (
                Column("preset_id", REF, table="presets"),
                Column("factor_id", REF, table="factors"),
                Column("weight", NUMBER, minimum=0, maximum=10),
                Column("rationale", TEXT),
            ),
            key=("preset_id", "factor_id"),
            complete_grid=True,
        ),
        Table(
            "events",
            (
                Column("event_id", ID),
                Column("date", DATE),
                Column("end_date", DATE, required=False),
                Column("title", TEXT),
                Column("category", CHOICE, choices=EVENT_CATEGORIES),
                Column("actors", REFS, table="actors"),
                Column("confidence", CHOICE, choices=CONFIDENCE),
                _source(),
                Column("note", TEXT, required=False),
            ),
            key=("event_id",),
        ),
        Table(
            "claims",
            (
                Column("claim_id", ID),
                Column("paragraph", PARAGRAPH),
                Column("quote", TEXT),
                Column("kind", CHOICE, choices=CLAIM_KINDS),
                Column("verdict", CHOICE, choices=CLAIM_VERDICTS),
                Column("verdict_note", TEXT),
                _source(required=False),
            ),
            key=("claim_id",),
        ),
        Table(
            "un_votes",
            (
                Column("vote_id", ID),
                Column("resolution", TEXT, required=False),
                Column("date", DATE),
                Column("subject", TEXT),
                Column("outcome", CHOICE, choices=OUTCOMES),
                Column("votes_for", INTEGER, required=False, minimum=0, maximum=15),
                Column("votes_against", INTEGER, required=False, minimum=0, maximum=15),
                Column("abstentions", INTEGER, required=False, minimum=0, maximum=15),
                Column("russia_vote", CHOICE, choices=VOTES),
                Column("china_vote", CHOICE, choices=VOTES),
                Column("confidence", CHOICE, choices=CONFIDENCE),
                _source(),
                Column("note", TEXT, required=False),
            ),
            key=("vote_id",),
        ),
        Table(
            "hypotheses",
            (
                Column("hypothesis_id", ID),
                Column("label", TEXT),
                Column("statement", TEXT),
                Column("proponents", TEXT),
                _source(required=False),
            ),
            key=("hypothesis_id",),
        ),
        Table(
            "evidence",
            (
                Column("evidence_id", ID),
                Column("date", DATE),
                Column("description", TEXT),
                Column("event_id", REF, required=False, table="events"),
                _source(),
            ),
            key=("evidence_id",),
        ),
        Table(
            "ratings",
            (
                Column("evidence_id", REF, table="evidence"),
                Column("hypothesis_id", REF, table="hypotheses"),
                Column("rating", CHOICE, choices=RATINGS),
                Column("rationale", TEXT),
            ),
            key=("evidence_id", "hypothesis_id"),
            complete_grid=True,
        ),
        Table(
            "lessons",
            (
                Column("lesson_id", ID),
                Column("title", TEXT),
                Column("minutes", INTEGER, minimum=5, maximum=240),
                Column("status", CHOICE, choices=("ready", "planned")),
                Column("notebook", TEXT, required=False),
                Column("summary", TEXT),
            ),
            key=("lesson_id",),
        ),
    )
}

# Keys of metadata.toml. Paths are relative to the folder that holds metadata.toml.
METADATA_KEYS: dict[str, dict[str, str]] = {
    "case": {
        "title": TEXT,
        "default_period": REF,
        "article_source_id": REF,
    },
    "article": {
        "title": TEXT,
        "author": TEXT,
        "publisher": TEXT,
        "date": DATE,
        "url": URL,
        "seed_file": TEXT,
        "numbered_file": TEXT,
    },
}
