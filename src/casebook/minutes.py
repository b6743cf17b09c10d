"""How long a lesson takes a student, estimated from the notebook as it is read.

``casebook minutes`` counts, in each lesson's stored notebook, what a student reads and does,
and turns the counts into minutes:

    minutes = words / READING_RATE + skimmed words / SKIM_RATE
              + tables x MINUTES_PER_TABLE + skimmed tables x MINUTES_PER_SKIMMED_TABLE
              + questions x MINUTES_PER_QUESTION + exercises x MINUTES_PER_EXERCISE

**What is counted**
- *words*: the text of the Markdown cells and of the text cells (the stored Markdown output
  of a ``say`` cell, which is what the student reads, not its template), as rendered: HTML
  comments (the rests-on markers) and tags are dropped, a Markdown table counts as a table,
  not as words. The answers in the collapsed "Check your answers" blocks and the solutions are
  words too: a student opens them. Code cells, feedback and figure descriptions are not.
- *tables*: every table the lesson shows: each ``<table>`` in the HTML output of a code cell
  (``show``, a chart's table, a widget's static view) and each Markdown table in the text.
- *questions*: the items of a numbered list led by a bold line ("**Use the chart to answer
  these:**", "**Questions:**", "**Discuss:**"), except the lesson's **Objectives**.
- *exercises*: the sections headed "Exercise", "Challenge" or "Your turn".
- a cell tagged ``skim`` (in its metadata) is counted as skimmed: its words at the skimming
  rate, its tables at the skimmed allowance. A lesson that would rather keep its minutes marks
  the tables or sections a student may skim.

**The reading rate** is 238 words per minute: the average silent reading rate of adults for
English non-fiction in a meta-analysis of 190 studies (18,573 readers), which puts most
adults between 175 and 300 words per minute, and readers in a second language lower
(M. Brysbaert, "How many words do we read per minute? A review and meta-analysis of reading
rate", *Journal of Memory and Language* 109, 2019, 104047, doi:10.1016/j.jml.2019.104047;
read at https://docslib.org/doc/10634303/how-many-words-do-we-read-per-minute-a-review-and-meta,
"How many words do we read per minute? A review and meta-analysis of reading rate").

**The allowances are the course's own assumptions**, not measurements: a question takes
2 minutes (read it, find the answer in the chart or table, note it; reading the check is in
the words); an exercise 5 minutes (answer, run the check, read the feedback; the instructor
notes of lesson 01 already allot 5 minutes to each); a table 1 minute to look over (its cells
are not counted as words; the questions on it have their own allowance); a skimmed table a
quarter of a minute; skimmed text is read at twice the reading rate.

>>> cells = [{"cell_type": "markdown", "metadata": {}, "source": "word " * 476},
...          {"cell_type": "markdown", "metadata": {}, "source": "## Exercise 1: count"}]
>>> count = count_notebook({"cells": cells})
>>> count.words, count.exercises, round(count.minutes, 2)
(479, 1, 7.01)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

READING_RATE = 238  # words per minute, silent reading of non-fiction (Brysbaert 2019)
SKIM_RATE = 2 * READING_RATE  # the course's assumption for text marked to skim
MINUTES_PER_TABLE = 1.0
MINUTES_PER_SKIMMED_TABLE = 0.25
MINUTES_PER_QUESTION = 2.0
MINUTES_PER_EXERCISE = 5.0
SKIM_TAG = "skim"
TOLERANCE = 0.2  # lessons.csv may state up to 20% more or fewer minutes than the estimate

TEXT_TAG = "casebook-text"  # the tag of a text cell (see casebook.text)
WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
EXERCISE = re.compile(r"^#+ (?:Exercise|Challenge|Your turn)\b", re.MULTILINE)
MARKDOWN_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
NUMBERED_ITEM = re.compile(r"^\d+\.\s")


@dataclass(frozen=True)
class LessonCount:
    """What a student reads and does in one lesson, and the minutes it comes to."""

    words: int = 0
    skimmed_words: int = 0
    tables: int = 0
    skimmed_tables: int = 0
    questions: int = 0
    exercises: int = 0

    @property
    def minutes(self) -> float:
        """The estimated minutes (see the module's formula)."""
        return (self.words / READING_RATE + self.skimmed_words / SKIM_RATE
                + self.tables * MINUTES_PER_TABLE
                + self.skimmed_tables * MINUTES_PER_SKIMMED_TABLE
                + self.questions * MINUTES_PER_QUESTION
                + self.exercises * MINUTES_PER_EXERCISE)

    def __add__(self, other: LessonCount) -> LessonCount:
        return LessonCount(*(a + b for a, b in zip(self._values(), other._values(),
                                                   strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (self.words, self.skimmed_words, self.tables, self.skimmed_tables,
                self.questions, self.exercises)


def _text(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _tags(cell: Mapping) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def rendered_text(cell: Mapping) -> str | None:
    """The text a student reads in a cell: a Markdown cell's source, a text cell's stored
    Markdown output; None for any other cell.

    >>> rendered_text({"cell_type": "code", "metadata": {"tags": ["casebook-text"]},
    ...                "source": 'say(facts, "{n} events")',
    ...                "outputs": [{"data": {"text/markdown": "3 events"}}]})
    '3 events'
    """
    if cell["cell_type"] == "markdown":
        return _text(cell["source"])
    if cell["cell_type"] == "code" and TEXT_TAG in _tags(cell):
        return "".join(_text(output.get("data", {}).get("text/markdown", ""))
                       for output in cell.get("outputs", []))
    return None


def split_markdown_tables(text: str) -> tuple[str, int]:
    """The text without its Markdown tables, and how many tables there were.

    >>> split_markdown_tables("Plan:\\n\\n| min | part |\\n|---|---|\\n| 5 | talk |\\n\\nEnd.")
    ('Plan:\\n\\n\\nEnd.', 1)
    """
    lines, kept, tables = text.split("\n"), [], 0
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.lstrip().startswith("|") and MARKDOWN_TABLE_RULE.match(following):
            tables += 1
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                index += 1
            continue
        kept.append(line)
        index += 1
    return "\n".join(kept), tables


def count_words(markdown: str) -> int:
    """The words a student reads in Markdown once rendered: HTML comments and tags dropped;
    a number ("2,397"), a contraction or a hyphenated word counts once.

    >>> count_words("**Check** <!-- rests-on: events/x 1a2b -->\\n<b>Two-party</b> talks, 2,397")
    4
    """
    visible = re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL)
    visible = re.sub(r"<[^>]+>", " ", visible)
    return len(WORD.findall(visible))


def count_questions(markdown: str) -> int:
    """The numbered questions of a text: items of a numbered list whose lead (the line or
    paragraph just before the list) is bold, except the Objectives.

    >>> count_questions("**Answer these:**\\n1. Who?\\n2. When?\\n\\n**Objectives**:\\n1. cite")
    2
    >>> count_questions("The steps:\\n\\n1. read\\n2. rate")
    0
    """
    questions, lead, in_list = 0, "", False
    for block in re.split(r"\n\s*\n", markdown):
        lines = block.strip("\n").split("\n")
        starts = [i for i, line in enumerate(lines) if NUMBERED_ITEM.match(line)]
        if not starts:
            lead, in_list = block.strip(), False
            continue
        own_lead = "\n".join(lines[:starts[0]]).strip()
        if own_lead or not in_list:
            lead = own_lead or lead
        if lead.startswith("**") and not lead.startswith("**Objectives"):
            questions += len(starts)
        in_list = True
    return questions


def count_tables_shown(cell: Mapping) -> int:
    """How many tables a code cell's stored outputs show (``<table`` in their HTML).

    >>> count_tables_shown({"cell_type": "code", "outputs": [
    ...     {"data": {"text/html": "<p>2 events</p><table></table>", "text/plain": "..."}}]})
    1
    """
    return sum(_text(output.get("data", {}).get("text/html", "")).count("<table")
               for output in cell.get("outputs", []))


def count_cell(cell: Mapping) -> LessonCount:
    """What one cell gives a student to read and do."""
    skimmed = SKIM_TAG in _tags(cell)
    text = rendered_text(cell)
    if text is None:
        if cell["cell_type"] != "code":
            return LessonCount()
        tables = count_tables_shown(cell)
        return LessonCount(skimmed_tables=tables) if skimmed else LessonCount(tables=tables)
    prose, tables = split_markdown_tables(text)
    words = count_words(prose)
    questions, exercises = count_questions(prose), len(EXERCISE.findall(prose))
    if skimmed:
        return LessonCount(skimmed_words=words, skimmed_tables=tables, questions=questions,
                           exercises=exercises)
    return LessonCount(words=words, tables=tables, questions=questions, exercises=exercises)


def count_notebook(notebook: Mapping) -> LessonCount:
    """The counts of a whole notebook (its JSON as a dict), cell by cell (see the module's
    example)."""
    return sum((count_cell(cell) for cell in notebook["cells"]), LessonCount())


def count_lesson(path: Path) -> LessonCount:
    """The counts of the notebook at ``path``, from its stored outputs."""
    return count_notebook(json.loads(Path(path).read_text(encoding="utf-8")))


def rounded(minutes: float) -> int:
    """Minutes as lessons.csv states them: to the nearest five, at least five.

    >>> rounded(63.2), rounded(67.5), rounded(1.0)
    (65, 70, 5)
    """
    return max(5, int(minutes / 5 + 0.5) * 5)


def within_tolerance(stated: float, estimate: float) -> bool:
    """True if the stated minutes are within 20% of the estimate.

    >>> within_tolerance(45, 65.0), within_tolerance(60, 70.0)
    (False, True)
    """
    return abs(stated - estimate) <= TOLERANCE * estimate


@dataclass(frozen=True)
class LessonMinutes:
    """One row of the minutes table: a lesson, its counts, stated and estimated minutes."""

    number: str
    title: str
    count: LessonCount
    stated: int

    @property
    def estimate(self) -> float:
        return self.count.minutes

    @property
    def agrees(self) -> bool:
        return within_tolerance(self.stated, self.estimate)


def measure_lessons(lessons: Iterable[tuple[str, str, int, Path]]) -> list[LessonMinutes]:
    """A row per lesson given as (number, title, stated minutes, notebook path)."""
    return [LessonMinutes(number, title, count_lesson(path), int(stated))
            for number, title, stated, path in lessons]


def ready_lessons(lessons, notebooks: Path) -> Iterator[tuple[str, str, int, Path]]:
    """(number, title, stated minutes, notebook) of each ready lesson of a ``lessons`` table
    (the case's lessons.csv) whose notebook is in the folder ``notebooks``."""
    for lesson_id, row in lessons.iterrows():
        path = notebooks / row["notebook"]
        if row["status"] == "ready" and path.is_file():
            yield str(lesson_id).split("_")[0], row["title"], int(row["minutes"]), path


def minutes_report(rows: list[LessonMinutes]) -> str:
    """The minutes table as plain text, with the rates and allowances it used.

    >>> row = LessonMinutes("01", "Crisis", LessonCount(words=476, exercises=1), 10)
    >>> print(minutes_report([row]).splitlines()[2])
    01        476       0          0          1       7.0        5      10  NO          Crisis
    """
    header = ("lesson  words  tables  questions  exercises  estimate  rounded  stated  "
              "within 20%  title")
    lines = [header, "-" * len(header)]
    for row in rows:
        count = row.count
        skims = ""
        if count.skimmed_words or count.skimmed_tables:
            skims = f" (skimmed: {count.skimmed_words} words, {count.skimmed_tables} tables)"
        lines.append(f"{row.number:<6}{count.words:>7}{count.tables:>8}{count.questions:>11}"
                     f"{count.exercises:>11}{row.estimate:>10.1f}{rounded(row.estimate):>9}"
                     f"{row.stated:>8}  {'yes' if row.agrees else 'NO':<10}  {row.title}{skims}")
    lines.append("")
    lines.append(f"Reading {READING_RATE} words a minute (Brysbaert 2019, silent reading of "
                 f"non-fiction; skimmed text {SKIM_RATE}); the course's allowances: "
                 f"{MINUTES_PER_QUESTION:g} min a question, {MINUTES_PER_EXERCISE:g} an "
                 f"exercise, {MINUTES_PER_TABLE:g} a table ({MINUTES_PER_SKIMMED_TABLE:g} "
                 "skimmed).")
    return "\n".join(lines)
