"""The contract for a case folder such as ``lessons_data/``: every table, every column, what
each may hold, the rules that join them, and the keys of ``metadata.toml``.

Everything the loader checks is declared here and nowhere else: a column's kind and range, a
table's key, its rules (``rules.py``) and whether it is optional. The column tables of the
data dictionary (``lessons_data/README.md``) are generated from these declarations by
``casebook dictionary``, so the dictionary cannot drift from what is checked.

>>> TABLES["actors"].file
'actors.csv'
>>> TABLES["periods"].rules[0].describe()
'end_year no earlier than start_year'
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import (
    ActorHasRow,
    CompleteGrid,
    DistinctNames,
    NotBefore,
    PairGrid,
    PartsBetween,
    QuoteInParagraph,
    RefsAfterArticle,
    RowsForActors,
    Rule,
    SomePositive,
    SumEquals,
)

# Kinds of column. validation.py turns a cell of each kind into its typed value.
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
PATH = "path"  # metadata only: a file inside the case folder

KIND_NAMES = {ID: "id", TEXT: "text", INTEGER: "whole number", NUMBER: "number",
              DATE: "date", CHOICE: "choice", REF: "id from {table}.csv",
              REFS: "ids from {table}.csv, `;` between", PARAGRAPH: "paragraph number",
              URL: "web address", PATH: "file name"}


@dataclass(frozen=True)
class Column:
    """One column of a table. ``required=False`` lets a cell be blank; ``optional=True`` lets
    a file leave the column out (every cell then loads blank), so that a case folder made
    before the column existed stays valid; ``ordered`` says the choices are listed from
    lowest to highest, so the loaded column sorts that way.

    >>> Column("x", NUMBER, "where", minimum=-1, maximum=1).expected()
    'a number from -1 to 1'
    """

    name: str
    kind: str
    meaning: str
    required: bool = True
    choices: tuple[str, ...] = ()
    ordered: bool = False
    minimum: float | None = None
    maximum: float | None = None
    table: str | None = None  # for REF and REFS: the table whose ids are allowed
    optional: bool = False
    # False for a column that states no fact, such as other spellings of a name: the text
    # that rests on a row is not flagged when only such a cell changes.
    states_facts: bool = True

    def __post_init__(self):
        if self.optional and self.required:  # a column left out has only blank cells
            raise ValueError(f"schema: column {self.name} is optional, so it cannot be "
                             "required")

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
        if self.kind == PATH:
            return "the name of a file inside the case folder"
        return "some text"

    def allowed(self) -> str:
        """The allowed values in a few words, for the data dictionary."""
        if self.kind == CHOICE:
            listed = ", ".join(f"`{c}`" for c in self.choices)
            return listed + (" (lowest to highest)" if self.ordered else "")
        if self.kind in (INTEGER, NUMBER) and (self.minimum is not None
                                              or self.maximum is not None):
            noun = "a whole number " if self.kind == INTEGER else "a number "
            return self.expected().removeprefix(noun)  # "from -2 to 2"
        if self.kind == DATE:
            return "YYYY-MM-DD, YYYY-MM or YYYY"
        if self.kind == URL:
            return "starts with http:// or https://"
        return ""


def _plain(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Table:
    """One CSV file. ``key`` names the columns whose values must be unique together; a
    single-column key indexes the loaded table. An ``optional`` table may be left out of a
    case: it then loads empty, and the lessons that need it say so."""

    name: str
    row_is: str  # "one row is ..." for the dictionary
    content: str  # sourced fact, the course's coding, ...
    about: str  # a paragraph for the dictionary
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rules: tuple[Rule, ...] = ()
    optional: bool = False
    # An optional table that only describes the rows of another: left out with it.
    belongs_to: str | None = None

    def __post_init__(self):
        names = self.column_names
        used = [*self.key] + [c for rule in self.rules for c in rule.columns()]
        unknown = [c for c in used if c not in names]
        if unknown:  # a renamed column must not switch a key or a rule off in silence
            raise ValueError(f"schema: table {self.name} has no column(s) {unknown}")

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _source(required: bool = True, what: str = "the source of the row's fact") -> Column:
    return Column("source_id", REF, what, required=required, table="sources")


def _id(name: str, what: str = "short name other tables use") -> Column:
    return Column(name, ID, what)


def _ref(name: str, table: str, meaning: str, required: bool = True) -> Column:
    return Column(name, REF, meaning, required=required, table=table)


def _aliases(row: str, forms: str) -> Column:
    return Column("aliases", TEXT, f"other ways of writing the {row}'s name that the "
                  f"answer checks accept besides its id and names, `;` between: {forms}",
                  required=False, optional=True, states_facts=False)


def _choice(name: str, choices: tuple[str, ...], meaning: str, ordered: bool = False) -> Column:
    return Column(name, CHOICE, meaning, choices=choices, ordered=ordered)


# Marker shapes a category of events may take in the timeline chart (plots/timeline.py draws
# them); a blank marker takes the first shape no earlier category has taken.
MARKERS = ("circle", "square", "diamond", "triangle_up", "triangle_down", "star", "plus",
           "cross", "pentagon", "hexagon")
# The kinds of claim, each defined by what the claim asserts and what could settle it (not by
# what its author calls it), with a made-up example. The data dictionary, lesson 02 and its
# check all use these words.
CLAIM_KIND_MEANINGS = {
    "fact": "a statement of what happened, was said or is the case, which the record can "
            "confirm or refute",
    "inference": "a conclusion drawn from facts about what the record cannot show directly "
                 "(a motive, an interest, a cause, what a relationship amounts to, what would "
                 "have happened otherwise), which evidence can support or weaken but not settle",
    "opinion": "a judgement of value or blame (good or bad, wise or reckless, whose fault), "
               "which evidence can inform but not settle",
    "prediction": "a statement of what will or would happen, conditionals included, which "
                  "only later events can test",
}
CLAIM_KIND_EXAMPLES = {
    "fact": "the council adopted the resolution unanimously",
    "inference": "the government backs the talks because it fears being left out",
    "opinion": "the minister's threats were reckless",
    "prediction": "if the talks fail, the sanctions will be tightened",
}
CLAIM_KINDS = tuple(CLAIM_KIND_MEANINGS)
_KIND_DEFINITIONS = "; ".join(f'`{kind}`, {meaning} (e.g. "{CLAIM_KIND_EXAMPLES[kind]}")'
                              for kind, meaning in CLAIM_KIND_MEANINGS.items())
CLAIM_VERDICTS = ("accurate", "error", "disputed", "unverified", "borne_out",
                  "partly_borne_out", "not_borne_out", "not_testable")
VERDICT_BASES = ("record", "course_reading")
CLAIM_ROLES = ("conclusion", "factor", "support", "context")
HINDSIGHT_RATINGS = ("undercut", "mixed", "supported")  # lowest to highest
OBSERVED = ("supported", "mixed", "opposed")
VOTES = ("yes", "no", "abstain", "veto", "not_voted")
OUTCOMES = ("adopted", "vetoed", "not_put_to_vote")
CONCESSIONS = ("none", "wording_softened", "measure_dropped", "exemption_added")
SIGNS = ("cooperative", "mixed", "neutral", "hostile")
CONFIDENCE = ("L", "M", "H")  # lowest to highest
RATINGS = ("II", "I", "N", "C", "CC")  # very inconsistent to very consistent
WEIGHT_BASES = ("from_texts", "illustrative")
YES_NO = ("yes", "no")
COUNCIL_SEATS = 15
_CONFIDENCE_MEANING = ("how well the fact is established: H = several agreeing sources incl. "
                       "wire services or official outlets, M = one good source or small "
                       "disagreements, L = weak")

TABLES: dict[str, Table] = {t.name: t for t in (
    Table(
        "sources", "one source (article, report, record, scholar's work)", "sourced fact",
        "One row is one source that some other row cites: the article itself, a news report, "
        "an official record, or a scholar's work.",
        (
            _id("source_id", "short name other tables use to cite this source"),
            Column("title", TEXT, "the title; where it could not be verified, a descriptive "
                   "title and \"title not verified\" in `note`"),
            Column("author", TEXT, "author(s), if known", required=False),
            Column("publisher", TEXT, "outlet, publisher or organisation", required=False),
            Column("date", DATE, "publication date, only where known", required=False),
            Column("url", URL, "address, only where it was verified", required=False),
            Column("note", TEXT, "what the source supports, what is not verified, and for a "
                   "generic source why no single document could be named", required=False),
        ),
        key=("source_id",),
    ),
    Table(
        "actors", "one state in the case", "sourced fact (positions are layout only)",
        "One row is one state in the case. `x` and `y` place it in every network chart, so "
        "that the picture stays put from period to period.",
        (
            _id("actor_id", "short name other tables use, e.g. an upper-case code"),
            Column("name", TEXT, "full name"),
            Column("short_name", TEXT, "name used in charts"),
            Column("x", NUMBER, "fixed horizontal position in network charts (west left, "
                   "east right)", minimum=-1, maximum=1),
            Column("y", NUMBER, "fixed vertical position (north up)", minimum=-1, maximum=1),
            Column("description", TEXT, "one line on the actor's place in the case"),
            _aliases("actor", "an abbreviation or a capital standing for the state, "
                     "e.g. `DPRK; Pyongyang`"),
        ),
        key=("actor_id",),
    ),
    Table(
        "periods", "one period of the focus actor's policy", "course's division of time",
        "One row is one period. `metadata.toml` names the default period, the one the "
        "article was written in.",
        (
            _id("period_id"),
            Column("label", TEXT, "name shown in charts and menus"),
            Column("start_year", INTEGER, "first year", minimum=1900, maximum=2100),
            Column("end_year", INTEGER, "last year", minimum=1900, maximum=2100),
            Column("description", TEXT, "what defines the period"),
            _source(what="source of the period's defining fact"),
        ),
        key=("period_id",),
        rules=(NotBefore("end_year", "start_year"),),
    ),
    Table(
        "relations", "one pair of actors in one period", "**course's coding** of sourced facts",
        "One row is the relationship between two actors in one period. Every pair of actors "
        "is coded in every period, so nothing is missing by omission: `neutral` means coded "
        "and found weak, never unknown. **Sign and strength are the course's coding.**",
        (
            _ref("period_id", "periods", "the period"),
            _ref("actor_a", "actors", "one actor"),
            _ref("actor_b", "actors", "the other actor"),
            _choice("sign", SIGNS, "cooperative, hostile, mixed (both at once, e.g. trade "
                    "beside a dispute) or neutral (little contact either way); course's coding"),
            Column("strength", INTEGER, "1 = weak, 2 = moderate, 3 = strong; for neutral, how "
                   "much contact there is (course's coding)", minimum=1, maximum=3),
            Column("basis", TEXT, "the facts the coding rests on, naming its events"),
            Column("event_ids", REFS, "the events of events.csv that the basis names, where "
                   "they are in the timeline", required=False, table="events"),
            _source(what="source of the basis"),
        ),
        key=("period_id", "actor_a", "actor_b"),
        rules=(PairGrid("period_id", "periods", "actor_a", "actor_b", "actors"),),
    ),
    Table(
        "factors", "one motive that may drive the focus actor's policy", "quoted from the article",
        "One row is one factor that may drive the focus actor's policy: the factors the article "
        "names as its own (`in_article` = `yes`), and the course's additions (`in_article` = "
        "`no`), such as a motive the article names only to say it is *not* a driver.",
        (
            _id("factor_id"),
            Column("label", TEXT, "full name"),
            Column("short_label", TEXT, "name used in charts"),
            Column("paragraph", PARAGRAPH, "the article paragraph that states the factor"),
            Column("quote", TEXT, "the article's own words stating the factor"),
            _choice("in_article", YES_NO, "does the article name this factor as one of its own? "
                    "(`no`: the course's addition)"),
            Column("description", TEXT, "one line in plain words"),
            _aliases("factor", "another spelling or a shorter name, e.g. `Defense` "
                     "beside `Defence`"),
        ),
        key=("factor_id",),
        rules=(QuoteInParagraph(),),
    ),
    Table(
        "options", "one stance the focus actor could take when the article appeared",
        "course's list",
        "One row is one stance the focus actor could take in the crisis the article speaks of. "
        "The list is the course's.",
        (
            _id("option_id"),
            Column("label", TEXT, "full name"),
            Column("short_label", TEXT, "name used in charts"),
            Column("description", TEXT, "what the stance means in practice"),
            Column("paragraph", PARAGRAPH, "the article paragraph that speaks of it, if any",
                   required=False),
            _aliases("option", "a shorter name or another spelling"),
        ),
        key=("option_id",),
    ),
    Table(
        "effects", "how one option serves or harms one factor", "**course's coding**",
        "One row says how one option serves (+) or harms (-) one factor, as a decision-maker "
        "of the focus actor would see it. **All scores are the course's coding.**",
        (
            _ref("option_id", "options", "the option"),
            _ref("factor_id", "factors", "the factor"),
            Column("effect", INTEGER, "-2 = badly harms, 0 = no effect, 2 = strongly serves "
                   "(course's coding)", minimum=-2, maximum=2),
            Column("rationale", TEXT, "one line: why this score, citing the evidence or "
                   "paragraph it rests on"),
            Column("paragraph", PARAGRAPH, "the article paragraph the rationale draws on; "
                   "where the article says nothing about the option, the paragraph that states "
                   "the factor"),
        ),
        key=("option_id", "factor_id"),
        rules=(CompleteGrid("option_id", "options", "factor_id", "factors"),),
    ),
    Table(
        "behaviour", "what the focus actor did on one option, on one date", "sourced fact",
        "One row is something the focus actor actually did, or said, on one option, on one "
        "date. Where an option has several rows that disagree, the lessons show them all.",
        (
            _ref("option_id", "options", "the option"),
            Column("date", DATE, "when"),
            _choice("observed", OBSERVED, "did the focus actor act for the option, against it, or "
                    "both? "
                    "(course's reading of the fact)"),
            Column("description", TEXT, "what happened"),
            _source(),
        ),
        key=("option_id", "date"),
    ),
    Table(
        "presets", "one named set of weights (a reading of the focus actor's motives)",
        "sourced reading",
        "One row is one named reading of the focus actor's motives (the article's, or another "
        "scholar's), which the weighting widget can load. Weights `from_texts` follow one "
        "scale: 9-10 = called vital or first; 7-8 = a named driver; 4-6 = a named secondary "
        "aim or means; 1-3 = named but played down; 0 = not used by the text, so the reading "
        "does not rely on it (students can test adding it).",
        (
            _id("preset_id"),
            Column("label", TEXT, "name shown in the widget"),
            Column("holder", TEXT, "whose reading it is"),
            Column("reading", TEXT, "one-line summary of the reading"),
            _choice("weights_basis", WEIGHT_BASES, "`from_texts`: the weights follow the "
                    "holder's own texts; `illustrative`: the course's illustration of a "
                    "reading it knows only from a summary, an abstract or a description, in "
                    "which a factor the source does not address stands at the equal-weights "
                    "baseline (a placeholder, said in the weight's rationale), not at 0"),
            Column("derivation", TEXT, "how the weights were derived, or what an illustrative "
                   "set rests on"),
            _source(required=False, what="where the reading is published; blank for a "
                    "neutral baseline"),
        ),
        key=("preset_id",),
    ),
    Table(
        "preset_weights", "the weight one preset gives one factor", "**course's coding**",
        "One row is the weight one preset gives one factor. **Every weight is the course's "
        "translation of a prose reading into a number;** scholars did not give these numbers.",
        (
            _ref("preset_id", "presets", "the preset"),
            _ref("factor_id", "factors", "the factor"),
            Column("weight", NUMBER, "how much the factor counts in this reading (course's "
                   "coding)", minimum=0, maximum=10),
            Column("rationale", TEXT, "why this number"),
        ),
        key=("preset_id", "factor_id"),
        rules=(CompleteGrid("preset_id", "presets", "factor_id", "factors"),
               SomePositive("weight", "preset_id")),
    ),
    Table(
        "categories", "one kind of event in the timeline", "course's grouping",
        "One row is one kind of event that `events.csv` may name in `category`. The timeline "
        "draws one row (lane) per `lane`, top to bottom in the order the lanes first appear "
        "here, and within a lane one marker shape per category, in file order.",
        (
            _id("category", "short name events.csv uses"),
            Column("label", TEXT, "name shown in charts, tables and legends"),
            Column("lane", TEXT, "the timeline row that holds this kind of event; categories "
                   "with the same lane share a row"),
            Column("marker", CHOICE, "the marker's shape; blank: the first shape (in the order "
                   "listed) that no earlier category has", required=False, choices=MARKERS),
            Column("factor_ids", REFS, "the factors whose record events of this kind show, "
                   "for the lessons that follow one factor's record", required=False,
                   table="factors"),
        ),
        key=("category",),
    ),
    Table(
        "events", "one dated event", "sourced fact",
        "One row is one dated event for the timeline.",
        (
            _id("event_id"),
            Column("date", DATE, "the day (or first day)"),
            Column("end_date", DATE, "the last day of an event of several days",
                   required=False),
            Column("title", TEXT, "what happened, in one line"),
            _ref("category", "categories", "kind of event"),
            Column("actors", REFS, "the actors involved", table="actors"),
            _choice("confidence", CONFIDENCE, _CONFIDENCE_MEANING, ordered=True),
            _source(),
            Column("note", TEXT, "extra detail, second sources, what is not verified",
                   required=False),
        ),
        key=("event_id",),
        rules=(NotBefore("end_date", "date", noun="a date"),),
    ),
    Table(
        "claims", "one claim of the article, quoted, with a verdict",
        "quote + **course's verdict**",
        "One row is one claim the article makes, in its exact words, with the course's verdict.",
        (
            _id("claim_id", "short name, numbered in reading order"),
            Column("paragraph", PARAGRAPH, "where the claim is"),
            Column("quote", TEXT, "the claim in the article's own words, errors included"),
            _choice("kind", CLAIM_KINDS, "what sort of claim it is, by what it asserts "
                    f"(course's coding): {_KIND_DEFINITIONS}"),
            Column("other_kind", CHOICE, "a second kind the claim honestly fits, where the "
                   "definitions allow two readings (blank if none); lesson 02's check accepts "
                   "either", required=False, choices=CLAIM_KINDS),
            Column("kind_note", TEXT, "why the claim is of its kind; where `other_kind` is "
                   "filled, why it fits both", required=False),
            _choice("verdict", CLAIM_VERDICTS, "the course's verdict: the first four judge it "
                    "as of the article's date, the `borne_out` family in hindsight"),
            _choice("verdict_basis", VERDICT_BASES, "`record`: the verdict follows from the "
                    "public record; `course_reading`: the course's reading of something "
                    "contested"),
            Column("verdict_note", TEXT, "why; for a course reading, the strongest "
                   "counter-reading"),
            _choice("role", CLAIM_ROLES, "the claim's place in the argument map: `conclusion` "
                    "(what the article concludes), `factor` (states a factor), `support` "
                    "(backs a factor), `context` (background outside the chain); course's "
                    "coding"),
            Column("factor_ids", REFS, "the factors the claim states or backs, for the "
                   "argument map (blank for context and the conclusion)", required=False,
                   table="factors"),
            _source(required=False, what="the source of the fact the verdict rests on; blank "
                    "only for opinions and untestable claims"),
        ),
        key=("claim_id",),
        rules=(QuoteInParagraph(),),
        optional=True,
    ),
    Table(
        "hindsight", "the course's reference rating of one claim against what followed",
        "**course's coding** of sourced facts",
        "One row rates one claim of the article against what happened after it (the "
        "hindsight lesson): did later events support it, undercut it, or both? Only claims that "
        "later events can test have a row. **The rating is the course's reference, for "
        "discussion.**",
        (
            _ref("claim_id", "claims", "the claim"),
            _choice("rating", HINDSIGHT_RATINGS, "what later events did to the claim",
                    ordered=True),
            Column("reason", TEXT, "why, naming the events"),
            Column("event_ids", REFS, "the events of events.csv the reason names",
                   required=False, table="events"),
            _source(what="source of the main event the rating rests on"),
        ),
        key=("claim_id",),
        rules=(RefsAfterArticle("event_ids", "events"),),
        optional=True,
    ),
    Table(
        "un_votes", "one UN Security Council decision or draft on the case's subject",
        "sourced fact",
        "One row is one UN Security Council decision or draft on the case's subject (`[case] "
        "subject` in metadata.toml): the resolutions, and the drafts vetoed or never put to a "
        "vote. How each member of interest voted is in `member_votes.csv`; what the table "
        "leaves out, and why, belongs in the hand-written part of this dictionary.",
        (
            _id("vote_id", "short name"),
            Column("resolution", TEXT, "resolution number; blank for drafts vetoed or never "
                   "voted on", required=False),
            Column("date", DATE, "date of the vote (or of circulation, for a draft never "
                   "voted on)"),
            Column("subject", TEXT, "what triggered it and its key measures"),
            _choice("outcome", OUTCOMES, "what happened"),
            Column("votes_for", INTEGER, "votes in favour; blank if no vote", required=False,
                   minimum=0, maximum=COUNCIL_SEATS),
            Column("votes_against", INTEGER, "votes against; blank if no vote", required=False,
                   minimum=0, maximum=COUNCIL_SEATS),
            Column("abstentions", INTEGER, "abstentions; blank if no vote", required=False,
                   minimum=0, maximum=COUNCIL_SEATS),
            Column("concession", CHOICE, "what the adopted text gave up to win votes, where the "
                   "record shows it: `wording_softened`, `measure_dropped` (from the draft), "
                   "`exemption_added`, or `none`; blank for drafts (course's reading of the "
                   "record, which `note` gives)", required=False, choices=CONCESSIONS),
            _choice("confidence", CONFIDENCE, "how well the row is established", ordered=True),
            _source(),
            Column("note", TEXT, "extra detail", required=False),
        ),
        key=("vote_id",),
        rules=(SumEquals(("votes_for", "votes_against", "abstentions"), COUNCIL_SEATS,
                         "the Council's seats"),),
        optional=True,
    ),
    Table(
        "member_votes", "how one actor voted on one decision of un_votes.csv", "sourced fact",
        "One row is one actor's vote on one decision of `un_votes.csv`. The lessons compare "
        "the votes of the focus actor (`[case] focus_actor`) with those of the partner named "
        "by `[case] compare_actor`, so every decision has a row for each of them; votes of "
        "other actors may be added. A draft never put to a vote has `not_voted`.",
        (
            _ref("vote_id", "un_votes", "the decision"),
            _ref("actor_id", "actors", "the actor who voted"),
            _choice("vote", VOTES, "the actor's vote (`veto` = a permanent member's vote "
                    "against)"),
        ),
        key=("vote_id", "actor_id"),
        rules=(RowsForActors("vote_id", "un_votes", "actor_id",
                             ("focus_actor", "compare_actor")),),
        optional=True,
        belongs_to="un_votes",
    ),
    Table(
        "hypotheses", "one competing explanation of the focus actor's policy",
        "sourced reading",
        "One row is one competing explanation of the focus actor's policy, for the analysis "
        "of competing hypotheses.",
        (
            _id("hypothesis_id"),
            Column("label", TEXT, "short name shown in the grid"),
            Column("statement", TEXT, "the hypothesis in one sentence"),
            Column("proponents", TEXT, "who argues it"),
            _source(required=False, what="the main proponent's work"),
        ),
        key=("hypothesis_id",),
        optional=True,
    ),
    Table(
        "evidence", "one piece of evidence to weigh against the hypotheses", "sourced fact",
        "One row is one piece of evidence. Its date sets it apart: evidence dated after the "
        "article is hindsight, which a reader of the article could not know when it appeared.",
        (
            _id("evidence_id"),
            Column("label", TEXT, "a short name for the item (a few words), shown in the "
                   "rating grid and its charts; where blank, the description is shown",
                   required=False),
            Column("date", DATE, "when it happened"),
            Column("description", TEXT, "what it is"),
            _ref("event_id", "events", "the matching timeline event", required=False),
            _choice("credibility", CONFIDENCE, "how far the item itself is established: H = "
                    "an official record or several agreeing reports, M = one good source, L = "
                    "weak or disputed. In the score of competing hypotheses an item weighs "
                    "its credibility times its relevance (H more than M, M more than L)",
                    ordered=True),
            _choice("relevance", CONFIDENCE, "how much the item bears on the policy the "
                    "hypotheses explain: H = a central act of that policy, M = one act among "
                    "many or a side of it, L = background", ordered=True),
            _source(),
        ),
        key=("evidence_id",),
        optional=True,
    ),
    Table(
        "ratings", "how consistent one piece of evidence is with one hypothesis",
        "**course's coding**",
        "One row is the reference rating of one piece of evidence against one hypothesis "
        "(Heuer's analysis of competing hypotheses). **Ratings are the course's coding**: a "
        "reference for discussion, not an answer key. Rate each hypothesis on what it "
        "predicts differently from the others, so that every hypothesis has some item "
        "against it (one that fits every act, and its opposite, is vague, not supported); "
        "count one position once, rating its other rows only on what they add; give each "
        "rating its reason.",
        (
            _ref("evidence_id", "evidence", "the evidence"),
            _ref("hypothesis_id", "hypotheses", "the hypothesis"),
            _choice("rating", RATINGS, "II very inconsistent, I inconsistent, N neutral, "
                    "C consistent, CC very consistent", ordered=True),
            Column("rationale", TEXT, "one line: why"),
        ),
        key=("evidence_id", "hypothesis_id"),
        rules=(CompleteGrid("evidence_id", "evidence", "hypothesis_id", "hypotheses"),),
        optional=True,
    ),
    Table(
        "roles", "one role in the seminar's debate: an actor who speaks",
        "course's choice of speakers",
        "One row is one role in the seminar's debate (lesson 10): an actor of the case who "
        "speaks in it, and the questions the role must answer. The briefing card of each "
        "role is generated from the case's other tables; this table only says who speaks "
        "and what they are asked. The focus actor always has a role.",
        (
            _id("role_id"),
            _ref("actor_id", "actors", "the actor the role speaks for"),
            Column("title", TEXT, "the role's title, e.g. the office that speaks for the actor"),
            Column("brief", TEXT, "one line: what the role stands for in the debate"),
            Column("questions", TEXT, "two or three questions the role must answer, drawn "
                   "from the case's disputed claims, ties and votes, separated by `;`"),
            _source(required=False, what="a source the brief or the questions rest on, if any"),
        ),
        key=("role_id",),
        rules=(ActorHasRow("actor_id", "focus_actor"), PartsBetween("questions", 2, 3)),
        optional=True,
    ),
    Table(
        "glossary", "one term the lessons use, with its definition", "sourced definition",
        "One row is one word or phrase the lessons use before they explain it (a treaty "
        "body, a weapon, a method), defined in one or two plain sentences. `casebook text "
        "--render` writes the glossary page (`notebooks/glossary.md`) from this table, and "
        "each lesson links a term where its text first uses it.",
        (
            _id("term_id", "short name, e.g. `term-veto`: the anchor of the term on the glossary "
                "page, which the lessons link to"),
            Column("term", TEXT, "the word or phrase as the lessons write it"),
            Column("also", TEXT, "other forms of the term that the lessons write and that "
                   "should link to it (plurals, abbreviations, another spelling), separated "
                   "by `;`", required=False),
            Column("definition", TEXT, "one or two plain sentences"),
            _source(required=False, what="the document the definition rests on; blank only "
                    "for a method described in the course's own words"),
        ),
        key=("term_id",),
        rules=(DistinctNames("term", "also"),),
        optional=True,
    ),
    Table(
        "places", "one place that carries an argument of the case", "sourced fact",
        "One row is one place the lessons argue about (a port, a border crossing, a capital, "
        "a missile site), with its coordinates and the document they come from. Lesson 03 "
        "draws these places on a map (matplotlib only, no map tiles) beside this table.",
        (
            _id("place_id", "short name of the place"),
            Column("name", TEXT, "the name the lessons use, shown on the map"),
            Column("lat", NUMBER, "latitude in degrees, north positive, rounded to two "
                   "decimals", minimum=-90, maximum=90),
            Column("lon", NUMBER, "longitude in degrees, east positive, rounded to two "
                   "decimals", minimum=-180, maximum=180),
            Column("role", TEXT, "one line on why the place matters to the argument"),
            Column("event_ids", REFS, "the events of events.csv that happened there, where "
                   "they are in the timeline", required=False, table="events"),
            _source(what="the document the coordinates come from"),
        ),
        key=("place_id",),
        optional=True,
    ),
    Table(
        "lessons", "one lesson (notebook) of the course", "course plan",
        "One row is one lesson of the course.",
        (
            _id("lesson_id", "short name, starting with the lesson number"),
            Column("title", TEXT, "the lesson's title"),
            Column("minutes", INTEGER, "seminar time", minimum=5, maximum=240),
            _choice("status", ("ready", "planned"), "is the notebook written?"),
            Column("notebook", TEXT, "the notebook's file name in `notebooks/`; blank while "
                   "planned", required=False),
            Column("summary", TEXT, "one line: what the lesson does"),
        ),
        key=("lesson_id",),
    ),
)}


@dataclass(frozen=True)
class MetaKey:
    """One key of ``metadata.toml``: ``[section] key = "value"``. A key that is not
    ``required`` may be left out; the case then has None for it."""

    section: str
    key: str
    kind: str
    meaning: str
    table: str | None = None  # for REF
    required: bool = True

    @property
    def label(self) -> str:
        return f"{self.section}.{self.key}"

    def expected(self) -> str:
        return Column(self.key, self.kind, self.meaning, table=self.table).expected()


METADATA_FILE = "metadata.toml"
METADATA: tuple[MetaKey, ...] = (
    MetaKey("case", "title", TEXT, "the case's title, shown by the notebooks"),
    MetaKey("case", "default_period", REF, "the period shown first", table="periods"),
    MetaKey("case", "focus_actor", REF, "the actor whose policy the case studies; charts "
            "highlight it", table="actors"),
    MetaKey("case", "compare_actor", REF, "the partner whose votes (`member_votes.csv`) the "
            "lessons show beside the focus actor's; leave it out to show the focus actor's "
            "votes alone", table="actors", required=False),
    MetaKey("case", "subject", TEXT, "what the case is about, in a few words that fit after "
            "\"on\" in titles and captions (e.g. \"Votes on SUBJECT in the UN Security "
            "Council\"); leave it out for titles without it", required=False),
    MetaKey("article", "source_id", REF, "the article's row in sources.csv", table="sources"),
    MetaKey("article", "title", TEXT, "the article's title"),
    MetaKey("article", "author", TEXT, "its author"),
    MetaKey("article", "publisher", TEXT, "where it was published"),
    MetaKey("article", "date", DATE, "its publication date: what came later is hindsight"),
    MetaKey("article", "url", URL, "its address"),
    MetaKey("article", "numbered_file", PATH, "the article with paragraphs numbered `[1]`, "
            "`[2]`, ... on lines of their own, which `paragraph` columns refer to; inside this "
            "folder, so that a copied folder is complete"),
)


def _check_references_resolve() -> None:
    """Every REF names a table that exists: a renamed table must not leave a dangling
    reference that no check would notice."""
    names = set(TABLES)
    refs = [(t.name, c.name, c.table) for t in TABLES.values() for c in t.columns
            if c.kind in (REF, REFS)]
    refs += [(METADATA_FILE, k.label, k.table) for k in METADATA if k.kind == REF]
    refs += [(t.name, type(rule).__name__, table) for t in TABLES.values()
             for rule in t.rules for table in rule.tables()]
    dangling = [r for r in refs if r[2] not in names]
    if dangling:
        raise ValueError(f"schema: references to tables that do not exist: {dangling}")


_check_references_resolve()
