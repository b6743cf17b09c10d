"""Lesson text that follows the data.

A lesson's prose is of two kinds:

- **Text cells**: code cells tagged ``casebook-text`` (input hidden) whose whole source is
  ``say(facts, \"\"\"...template...\"\"\")``. The template is Markdown with ``{name}`` fields
  filled from the lesson's *facts*: the numbers, lists, names and dates that the lesson's
  facts module (``casebook.facts.lesson_NN``) computes from the Case. The output is Markdown,
  so it renders in JupyterLab, on GitHub and in a static build, and strict nbval compares it.
- **Markdown cells**: judgement and explanation. They may quote the article ([¶n]) and speak
  of the case, but a number in them must rest on a row the cell declares with a marker
  ``<!-- rests-on: table/row-id HASH -->``; ``casebook text --stamp`` writes the hash, and
  ``casebook text --check`` says when that row has changed or gone.

``check_lesson`` checks both kinds without a kernel: it renders every template again from
the current data and compares it with the stored output, sentence by sentence, and it lints
the fixed text for numbers that no declared row backs.

Fields take a format after a colon (``{n:count=event}``), see ``TextFormatter``:

>>> print(render("{n:count=event} of {year}: {names:and}.",
...              {"n": 3, "year": 2017, "names": ["A", "B", "C"]}))
3 events of 2017: A, B and C.
"""

from __future__ import annotations

import ast
import csv
import difflib
import hashlib
import json
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

TEXT_TAG = "casebook-text"
# Jupyter Book hides the input of cells with this tag; JupyterLab reads source_hidden.
HIDE_TAG = "hide-input"
MARKER = re.compile(r"<!--\s*rests-on:\s*([A-Za-z_]+)/(\S+?)(?:\s+([0-9a-f]{8}))?\s*-->")
COURSE_NUMBERS = re.compile(r"<!--\s*course-numbers:\s*([^>]*?)\s*-->")
SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                 "seventeen", "eighteen", "nineteen", "twenty")
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth")


class Facts(dict):
    """The named values a lesson's text may use. A missing name is an error that names the
    lesson and lists what it has, instead of a bare KeyError.

    >>> try:
    ...     Facts({"n": 1}, lesson="00")["m"]
    ... except KeyError as error:
    ...     print(error.args[0])
    the text names {m}, which the facts of lesson 00 do not give (they give: n)
    """

    def __init__(self, values: Mapping | None = None, lesson: str = "?"):
        super().__init__(values or {})
        self.lesson = lesson
        # A lesson's glossary (casebook.glossary.Entry, set by facts_for): render links each
        # term where the lesson's text first uses it, and remembers which template did.
        self.glossary: tuple = ()
        self.glossary_links: dict[str, frozenset[str]] = {}

    def __missing__(self, name):
        raise KeyError(f"the text names {{{name}}}, which the facts of lesson {self.lesson} "
                       f"do not give (they give: {', '.join(sorted(self)) or 'nothing'})")


def plural(noun: str) -> str:
    """The plural of an English noun, for the nouns lessons count.

    >>> [plural(n) for n in ("event", "party", "day", "analysis", "match")]
    ['events', 'parties', 'days', 'analyses', 'matches']
    """
    if noun.endswith("sis"):
        return noun[:-3] + "ses"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def plain_number(value: float) -> str:
    """A number as a sentence writes it: no ".0" on a whole number, at most 2 decimals.

    >>> plain_number(12.0), plain_number(4.5), plain_number(2006), plain_number(1 / 3)
    ('12', '4.5', '2006', '0.33')
    """
    value = round(float(value), 2)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def count(number: int, noun: str, words: bool = False) -> str:
    """``3 events``, ``1 event``, ``no events``; ``noun`` may give its plural after a slash.

    >>> count(1, "event"), count(0, "ally/allies"), count(2, "tie", words=True)
    ('1 event', 'no allies', 'two ties')
    """
    single, _, many = noun.partition("/")
    many = many or plural(single)
    amount = in_words(number) if words or number == 0 else str(number)
    return f"{amount} {single if number == 1 else many}"


def in_words(number: int) -> str:
    """A whole number from 0 to 20 in words ("no" for 0), larger ones in digits.

    >>> in_words(6), in_words(21)
    ('six', '21')
    """
    return SMALL_NUMBERS[number] if 0 <= number < len(SMALL_NUMBERS) else str(number)


def joined(items: Iterable, word: str = "and", empty: str = "none") -> str:
    """``A, B and C``; one item alone; ``empty`` for none.

    >>> joined(["A", "B", "C"]), joined(["A"]), joined([], empty="no one"), joined([1, 2], "or")
    ('A, B and C', 'A', 'no one', '1 or 2')
    """
    items = [str(i) for i in items]
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


class TextFormatter(string.Formatter):
    """``str.format`` with the formats a lesson needs:

    - ``{x:and}`` / ``{x:or}``: a list joined, "A, B and C" (``none`` when empty);
    - ``{n:count=event}``: "3 events" / "1 event" / "no events" (``count=ally/allies``);
      ``{n:wcount=event}`` writes numbers up to twenty in words;
    - ``{n:words}`` / ``{n:Words}``: "six" / "Six"; ``{n:ordinal}``: "third";
    - ``{d:date}``: a date spelled ("13 October 2017");
    - ``{s:cap}``: the first letter made a capital;
    - anything else is Python's own format (``{x:.2f}``).

    >>> TextFormatter().format("{n:Words} {d:date}; {k:ordinal}", n=2, d="2017-10-13", k=3)
    'Two 13 October 2017; third'
    """

    def format_field(self, value, spec: str) -> str:
        if spec in ("and", "or"):
            return joined(value, spec)
        if spec.startswith(("count=", "wcount=")):
            kind, _, noun = spec.partition("=")
            return count(int(value), noun, words=kind == "wcount")
        if spec == "words":
            return in_words(int(value))
        if spec == "Words":
            return in_words(int(value)).capitalize()
        if spec == "ordinal":
            return ORDINALS[int(value)] if int(value) < len(ORDINALS) else f"{int(value)}th"
        if spec == "date":
            from .dates import PartialDate

            date = value if isinstance(value, PartialDate) else PartialDate.parse(str(value))
            return date.spelled() if date else str(value)
        if spec == "cap":
            text = str(value)
            return text[:1].upper() + text[1:]
        return super().format_field(value, spec)


def render(template: str, facts: Mapping) -> str:
    """The template filled from ``facts``, trimmed of the blank lines around it; in a
    lesson, whose facts carry the glossary, the terms this text is the first to use are
    linked to the glossary page (``casebook.glossary``)."""
    text = TextFormatter().vformat(template.strip("\n"), (), facts).strip()
    if getattr(facts, "glossary", ()):
        from .glossary import link_in_lesson

        text = link_in_lesson(text, template, facts)
    return text


def say(facts: Mapping, template: str) -> None:
    """Show the template filled from the lesson's facts, as Markdown (the body of every
    text cell). A passage that names a row this case lacks (written for another case) is
    replaced by one sentence that says so, instead of stopping the lesson."""
    from IPython.display import display

    try:
        text = render(template, facts)
    except KeyError as error:
        message = str(error.args[0]) if error.args else ""
        if message.startswith("the text names"):
            raise  # a mistake in the lesson, not a difference between cases
        text = not_in_this_case(message)
    display({"text/markdown": text, "text/plain": text}, raw=True)


def not_in_this_case(key: str) -> str:
    """The sentence shown instead of a passage that speaks of a row this case lacks.

    >>> "speaks of 'CHN', which this case does not have" in not_in_this_case("CHN")
    True
    """
    return (f"*This passage was written for another case: it speaks of {key!r}, which this "
            "case does not have. An instructor adapting the course rewrites it "
            "(instructors/README.md, 'Adapting the course').*")


# -- starting a lesson ------------------------------------------------------------------------

class LessonCannotRun(RuntimeError):
    """The case lacks what the lesson needs; IPython shows only the sentence."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def start(lesson: str, data_dir: str | Path | None = None):
    """Load the case for lesson ``lesson`` ("06"), say in one line which case the outputs
    come from, stop with one sentence if the case cannot run this lesson, and return the
    case and the lesson's facts."""
    from .facts import facts_for
    from .loader import load_case

    case = load_case(data_dir)
    missing = _unmet(case, lesson)
    if missing:
        print(banner(case))
        raise LessonCannotRun(
            f"This case cannot run lesson {lesson}: " + " ".join(missing)
            + " (`casebook validate` lists what each lesson needs.)")
    facts = facts_for(lesson, case, link_glossary=True)
    from .display import link_sources

    link_sources(case.sources)  # tables link each source's title to its document
    if "minutes" in facts:
        print(f"Lesson {lesson}, {facts['lesson_title']}: {facts['minutes']} minutes.")
    print(banner(case))
    return case, facts


def banner(case) -> str:
    """The one line at the top of every lesson that names the case its outputs come from.

    >>> from casebook import load_case
    >>> banner(load_case()).startswith("Case: ")
    True
    """
    return f"Case: {case.title} (data folder {case.data_dir.name}/)."


def _unmet(case, lesson: str) -> list[str]:
    try:
        from .requirements import unmet
    except ImportError:  # requirements not declared in this version of the package
        return []
    return unmet(case, lesson)


# -- checking text against the data, without a kernel ------------------------------------------

STALE, ROW, WRITING = "stale", "row", "writing"


@dataclass(frozen=True)
class Finding:
    """One disagreement between a lesson's text and the data."""

    where: str  # "notebooks/06_weighing_the_factors.ipynb, cell 12"
    says: str
    data: str
    fix: str
    # What a data edit can cause: STALE (stored text the data no longer gives) or ROW (a
    # declared row changed or went); WRITING is a matter for the author (a typed number, a
    # misquotation, a template that cannot be filled).
    kind: str = "writing"

    def __str__(self) -> str:
        return f"{self.where}:\n    says:          {self.says}\n    the data gives: {self.data}" \
               f"\n    fix:           {self.fix}"


def cell_source(cell: Mapping) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def is_text_cell(cell: Mapping) -> bool:
    return cell.get("cell_type") == "code" and TEXT_TAG in cell.get("metadata", {}).get("tags", [])


def template_of(source: str) -> str:
    """The template of a text cell, whose whole source must be ``say(facts, "...")``.

    >>> template_of('say(facts, \"\"\"{n} events\"\"\")')
    '{n} events'
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise ValueError(f"the text cell is not valid Python ({error.msg})") from None
    body = tree.body
    if (len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Call)
            and isinstance(body[0].value.func, ast.Name) and body[0].value.func.id == "say"
            and len(body[0].value.args) == 2 and not body[0].value.keywords
            and isinstance(body[0].value.args[1], ast.Constant)
            and isinstance(body[0].value.args[1].value, str)):
        return body[0].value.args[1].value
    raise ValueError('a text cell must hold exactly one call: say(facts, """...""")')


def stored_markdown(cell: Mapping) -> str | None:
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "text/markdown" in data:
            text = data["text/markdown"]
            return "".join(text) if isinstance(text, list) else text
    return None


def sentences(text: str) -> list[str]:
    """Text cut into sentences and list items, for a message that points at one of them.

    >>> sentences("One. Two?\\n- Three")
    ['One.', 'Two?', '- Three']
    """
    parts = re.split(r"(?<=[.!?:;])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def lesson_of(path: Path) -> str:
    return path.name[:2]


def refresh_command(path: Path) -> str:
    return f"casebook refresh notebooks/{path.name}"


def check_templates(path: Path, notebook: Mapping, facts: Mapping) -> list[Finding]:
    """Each text cell's stored output against its template filled from today's data."""
    findings = []
    for number, cell in enumerate(notebook["cells"], start=1):
        if not is_text_cell(cell):
            continue
        where = f"notebooks/{path.name}, cell {number}"
        try:
            fresh = render(template_of(cell_source(cell)), facts)
        except (ValueError, KeyError, IndexError) as error:
            message = error.args[0] if error.args else str(error)
            findings.append(Finding(where, "(the cell's template)", f"cannot be filled: {message}",
                                    "correct the template or the lesson's facts module"))
            continue
        stored = stored_markdown(cell)
        if stored is None:
            findings.append(Finding(where, "(no stored output)", _first(fresh),
                                    refresh_command(path), STALE))
            continue
        if stored.strip() != fresh:
            findings += sentence_differences(where, stored, fresh, refresh_command(path))
    return findings


def sentence_differences(where: str, stored: str, fresh: str, fix: str) -> list[Finding]:
    """One finding for each run of sentences that the stored text and the fresh one do not
    share, so that a message points at the sentence, not at the whole passage.

    >>> [(f.says, f.data) for f in sentence_differences("x", "A. B is 1.", "A. B is 2.", "")]
    [('B is 1.', 'B is 2.')]
    """
    old, new = sentences(stored), sentences(fresh)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [Finding(where, " ".join(old[i1:i2]) or "(nothing)",
                    " ".join(new[j1:j2]) or "(nothing)", fix, STALE)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _first(text: str) -> str:
    found = sentences(text)
    return found[0] if found else "(empty)"


# -- fixed text: numbers must rest on declared rows ---------------------------------------------

_IGNORED = [
    re.compile(r"```.*?```", re.S),  # code blocks
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"<!--.*?-->", re.S),  # comments, markers among them
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<[^>]+>"),  # HTML tags and their attributes
    re.compile(r"\{[^{}]*\}"),  # fields of a template
    re.compile(r"\[?¶\s?\d+(?:\s?[–-]\s?¶?\d+)?\]?"),  # paragraph references, checked apart
    re.compile(r"\b[Ll]essons? \(?\d\d(?:(?:,| and| or| to|-|–) ?\d\d)*\b"),  # lesson numbers
    re.compile(r"^\|\s*\d\d(?=\s)", re.M),  # a lesson's number opening a table row
    re.compile(r"\b[A-Za-z]+-\d+\b"),  # names with a number: UTF-8
    # the lesson's own numbering of its questions, exercises, steps and parts
    re.compile(r"\b(?:[Qq]uestion|[Ee]xercise|[Ss]tep|[Pp]art|[Oo]bjective|[Cc]hallenge)s? "
               r"\d+(?:\s?(?:,|-|–|and|or|to)\s?\d+)*"),
    re.compile(r"\b\d\d_[A-Za-z0-9_]+(?:\.ipynb|\.md)?"),  # lesson files
    re.compile(r"^\s*\d+\.(?=\s)", re.M),  # numbered list items
    re.compile(r"^#+\s*\d\d\s*·", re.M),  # a lesson's number in its title
    re.compile(r"^#+\s*\d+\.(?=\s)", re.M),  # a numbered section heading
    re.compile(r"\b[Ss]ections? \d+(?:\s?(?:,|-|–|and|or|to)\s?\d+)*"),  # ... and its number
]
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")


def _without_code(text: str) -> str:
    """Text with code blocks and inline code left out (a marker shown as an example there
    is not a marker)."""
    return _IGNORED[1].sub(" ", _IGNORED[0].sub(" ", text))


def numbers_in(text: str) -> list[str]:
    """The numbers of prose, leaving out code, markers, links, [¶n] and lesson numbers.

    >>> numbers_in("In 2017 (see [¶4] and lesson 06, `x = 3`) 12 of 18 <!-- rests-on: a/b -->")
    ['2017', '12', '18']
    """
    return [number for number, _ in _numbers_and_lines(text)]


def _numbers_and_lines(text: str) -> list[tuple[str, str]]:
    """Each number of the prose with the line it stands on."""
    blanked = text
    for pattern in _IGNORED:  # blanked to the same length, so positions stay those of text
        blanked = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), blanked)
    found = []
    for match in NUMBER.finditer(blanked):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        found.append((match.group(0), text[start:end if end >= 0 else None].strip()))
    return found


def _value_tokens(values: Iterable[str]) -> set[str]:
    tokens = set()
    for value in values:  # read as the prose is read: "30,000" is one number
        for token in NUMBER.findall(value):
            tokens.add(_normal(token))
            tokens.update(_normal(part) for part in re.split(r"[.,]", token) if part)
    return tokens


def _normal(token: str) -> str:
    token = token.replace(",", "")
    try:
        number = float(token)
    except ValueError:
        return token
    return str(int(number)) if number == int(number) else str(number)


def raw_rows(data_dir: Path) -> dict[tuple[str, str], list[str]]:
    """Every row of every table as written, keyed by (table, row id); a row id joins the
    table's key columns with commas. Columns that state no fact (other spellings of a name)
    are left out, so that adding one does not flag the text that rests on the row."""
    from . import schema

    rows = {}
    for name, table in schema.TABLES.items():
        path = data_dir / table.file
        if not path.is_file():
            continue
        no_facts = {column.name for column in table.columns if not column.states_facts}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            kept = [c for c in reader.fieldnames or [] if c not in no_facts]
            for record in reader:
                key = ",".join((record.get(k) or "").strip() for k in table.key)
                rows[(name, key)] = [(record.get(c) or "") for c in kept]
    return rows


def row_hash(values: list[str]) -> str:
    """A short fingerprint of a row as written, for the rests-on markers.

    >>> len(row_hash(["a", "1"])), row_hash(["a", "1"]) == row_hash(["a", "2"])
    (8, False)
    """
    return hashlib.sha1("\x1f".join(values).encode("utf-8")).hexdigest()[:8]


def check_fixed_text(where: str, text: str, rows: Mapping, fix_path: str) -> list[Finding]:
    """Markers against the data (row gone or changed) and numbers that no marker backs."""
    findings = []
    backed: set[str] = set()
    for table, row_id, stamp in MARKER.findall(_without_code(text)):
        values = rows.get((table, row_id))
        if values is None:
            findings.append(Finding(where, f"rests on {table}/{row_id}",
                                    f"no row {row_id!r} in {table}",
                                    "revise the text, then its marker", ROW))
            continue
        backed |= _value_tokens(values)
        if stamp != row_hash(values):
            change = "has no stamp yet" if not stamp else "has changed since the text was written"
            findings.append(Finding(where, f"rests on {table}/{row_id}",
                                    f"that row {change}: {' | '.join(values)}",
                                    f"revise the text if it no longer holds, then run "
                                    f"casebook text --stamp {fix_path}", ROW))
    for declared in COURSE_NUMBERS.findall(text):
        backed |= _value_tokens([declared])
    for number, line in _numbers_and_lines(text):
        if _normal(number) not in backed:
            findings.append(Finding(where, line[:160], f"{number} is not computed from the case "
                                    "and rests on no declared row",
                                    "fill it from the lesson's facts ({name}), or declare "
                                    "the row it comes from with <!-- rests-on: table/id -->"))
    return findings


# "quote" then, within a few words, [¶n] or (¶n, ¶m)
QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,}?)[\"”][^\"“”\[(\n]{0,60}?"
                    r"[\[(]¶\s?(\d+(?:\s?[,;]\s?¶?\s?\d+)*)[\])]")


def check_quotes(where: str, text: str, paragraphs: Mapping[int, str]) -> list[Finding]:
    """Every quotation followed by its paragraph, ``"..." [¶n]``, against the article: each
    stretch of the quote between ellipses and [editorial] brackets must stand in paragraph n.

    >>> check_quotes("x", 'He says "not a vital interest" [¶5].', {5: "It is not a vital "
    ...              "interest."})
    []
    >>> print(check_quotes("x", 'He says "a vital interest" [¶4].', {4: "No."})[0].data)
    paragraph 4 of the article does not have "a vital interest"
    """
    from .rules import normalise_quote

    findings = []
    for quote, numbers in QUOTED.findall(text):
        number = numbers.replace(" ", "")
        paragraph = " ".join(normalise_quote(paragraphs.get(int(n), "")).lower()
                             for n in re.findall(r"\d+", numbers))
        pieces = re.split(r"\.\.\.|…|\[[^\]]*\]", normalise_quote(quote).lower())
        for piece in pieces:
            piece = piece.strip(" ,.;:'")
            if len(piece.split()) >= 2 and piece not in paragraph:
                findings.append(Finding(where, f'"{quote}" [¶{number}]',
                                        f'paragraph {number} of the article does not have '
                                        f'"{piece}"', "quote the article word for word, with "
                                        "the right paragraph"))
                break
    return findings


def check_notebook(path: Path, case) -> list[Finding]:
    """Every disagreement between the lesson at ``path`` and the case: stored text that the
    data no longer gives, markers on changed rows, numbers that rest on nothing."""
    from .facts import facts_for

    notebook = json.loads(path.read_text(encoding="utf-8"))
    findings = []
    try:
        facts = facts_for(lesson_of(path), case, link_glossary=True)
    except Exception as error:  # noqa: BLE001 - reported as a finding, with its message
        facts = None
        findings.append(Finding(f"notebooks/{path.name}", "(the lesson's facts)",
                                f"could not be computed: {error}",
                                f"see casebook/facts/lesson_{lesson_of(path)}.py"))
    if facts is not None:
        findings += check_templates(path, notebook, facts)
    rows = raw_rows(case.data_dir)
    for number, cell in enumerate(notebook["cells"], start=1):
        where = f"notebooks/{path.name}, cell {number}"
        if cell.get("cell_type") == "markdown":
            findings += check_fixed_text(where, cell_source(cell), rows, f"notebooks/{path.name}")
            findings += check_quotes(where, cell_source(cell), case.paragraphs)
        elif is_text_cell(cell):
            try:
                template = template_of(cell_source(cell))
            except ValueError:
                continue  # already reported by check_templates
            findings += check_fixed_text(where, template, rows, f"notebooks/{path.name}")
            findings += check_quotes(where, template, case.paragraphs)
    return findings


NOTES_SOURCE = "source"  # instructors/source/NN_xxx.md is the template of instructors/NN_xxx.md
GENERATED_NOTE = ("<!-- Generated by `casebook text --render` from instructors/{source}: edit "
                  "that file, not this one. -->\n")


def notes_lesson(path: Path) -> str:
    """The lesson whose facts a notes page uses: its first two characters, or 00 (the
    course's own facts) for the README."""
    return path.name[:2] if path.name[:2].isdigit() else "00"


def render_notes(template_path: Path, case) -> str:
    """An instructor's notes page: its template filled from its lesson's facts, under a
    line that says where it comes from."""
    from .facts import facts_for

    template = template_path.read_text(encoding="utf-8")
    facts = facts_for(notes_lesson(template_path), case)
    source = f"{NOTES_SOURCE}/{template_path.name}"
    return GENERATED_NOTE.format(source=source) + render(template, facts) + "\n"


def notes_template(path: Path) -> Path:
    return path.parent / NOTES_SOURCE / path.name


def check_notes(path: Path, case) -> list[Finding]:
    """The same checks for an instructor's notes page: against its template (when it has
    one: ``instructors/source/<name>``) filled from today's data, and its fixed text."""
    where = f"instructors/{path.name}"
    template = notes_template(path)
    findings = []
    if template.is_file():
        source = f"instructors/{NOTES_SOURCE}/{path.name}"
        text = template.read_text(encoding="utf-8")
        try:
            fresh = render_notes(template, case)
        except Exception as error:  # noqa: BLE001 - reported as a finding, with its message
            message = error.args[0] if error.args else repr(error)
            return [Finding(source, "(the template)", f"cannot be filled: {message}",
                            "correct the template or the lesson's facts module")]
        stored = path.read_text(encoding="utf-8") if path.is_file() else ""
        if stored != fresh:
            findings += sentence_differences(where, stored, fresh, "casebook text --render")
        where = source
    else:
        text = path.read_text(encoding="utf-8")
    return (findings + check_fixed_text(where, text, raw_rows(case.data_dir), where)
            + check_quotes(where, text, case.paragraphs))


def render_all_notes(folder: Path, case) -> tuple[list[Path], list[str]]:
    """Write every notes page that has a template; return the pages that changed and, for
    each template that could not be filled, a sentence (its page is left as it was)."""
    changed, failed = [], []
    for template in sorted((folder / NOTES_SOURCE).glob("*.md")):
        page = folder / template.name
        try:
            text = render_notes(template, case)
        except Exception as error:  # noqa: BLE001 - the page is left as it was, and named
            message = error.args[0] if error.args else repr(error)
            failed.append(f"{template}: could not be filled ({message}); {page.name} was "
                          "left as it was.")
            continue
        if not page.is_file() or page.read_text(encoding="utf-8") != text:
            page.write_text(text, encoding="utf-8")
            changed.append(page)
    return changed, failed


def text_files(start: Path | None = None) -> list[Path]:
    """The lessons and the instructor notes of the course folder at or above ``start``."""
    from .refresh import find_notebooks

    notebooks = find_notebooks(start)
    if not notebooks:
        return []
    notes = sorted((notebooks[0].parent.parent / "instructors").glob("*.md"))
    return [*notebooks, *notes]


def stamp_text(text: str, rows: Mapping) -> tuple[str, int]:
    """``text`` with every rests-on marker stamped with its row's current hash; the number
    of markers changed. A marker on a missing row is left as it is."""
    changed = 0

    def restamp(match: re.Match) -> str:
        nonlocal changed
        table, row_id, stamp = match.groups()
        values = rows.get((table, row_id))
        if values is None or stamp == row_hash(values):
            return match.group(0)
        changed += 1
        return f"<!-- rests-on: {table}/{row_id} {row_hash(values)} -->"

    return MARKER.sub(restamp, text), changed


def stamp_file(path: Path, case) -> int:
    """Stamp the markers of a notebook or a notes page in place; return how many changed."""
    rows = raw_rows(case.data_dir)
    if path.suffix == ".md" and notes_template(path).is_file():
        path = notes_template(path)  # a generated page: its template holds the markers
    if path.suffix != ".ipynb":
        text, changed = stamp_text(path.read_text(encoding="utf-8"), rows)
        if changed:
            path.write_text(text, encoding="utf-8")
        return changed
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    total = 0
    for cell in notebook.cells:
        if cell.cell_type == "markdown" or TEXT_TAG in cell.metadata.get("tags", []):
            cell.source, changed = stamp_text(cell.source, rows)
            total += changed
    if total:
        temporary = path.with_suffix(".ipynb.tmp")
        nbformat.write(notebook, temporary)
        temporary.replace(path)
    return total


def text_cell(template: str) -> dict:
    """A new text cell (for scripts that write lessons): hidden input, tagged, unrun.

    >>> text_cell("{n} events")["metadata"]["tags"]
    ['casebook-text', 'hide-input']
    """
    body = template.strip("\n")
    return {"cell_type": "code", "execution_count": None, "outputs": [],
            "metadata": {"jupyter": {"source_hidden": True}, "tags": [TEXT_TAG, HIDE_TAG]},
            "source": f'say(facts, """\n{body}\n""")'}


def text_touched_by_data(case, files: list[Path] | None = None) -> list[str]:
    """One line for each place where the lessons' or notes' text no longer agrees with the
    case after a data edit: a declared row that changed or went, a computed sentence that
    now reads otherwise. Typed numbers (a writing matter, not a data edit) are left to
    ``casebook text``. Empty when the files are not the course's own lessons for this case.

    >>> from casebook import load_case
    >>> text_touched_by_data(load_case(), files=[])
    []
    """
    from .glossary import PAGE_NAME, check_page, page_folder

    files = text_files() if files is None else files
    lessons = page_folder(files)
    # The glossary page beside the lessons, where there is one (a missing page is a matter
    # for `casebook text`, not something a data edit did).
    found_on_page = (check_page(lessons, case)
                     if lessons and (lessons / PAGE_NAME).is_file() else [])
    lines = [f'{f.where} says "{f.says}"; with this data: "{f.data}"' for f in found_on_page]
    for file in files:
        found = check_notebook(file, case) if file.suffix == ".ipynb" else check_notes(file, case)
        for finding in found:
            if finding.kind == ROW:
                lines.append(f"{finding.where} speaks of {finding.says[len('rests on '):]}: "
                             f"{finding.data}")
            elif finding.kind == STALE:
                lines.append(f'{finding.where} says "{finding.says}"; with this data: '
                             f'"{finding.data}"')
    return lines
