"""Checks on the code of the lessons, as small functions the notebook tests call.

Four questions, each asked of every lesson in ``notebooks/``:

1. does a code cell (or a collapsed solution) write out a name the case data holds?
2. does it write out a year or a date instead of taking it from the data?
3. does every collapsed solution run, and give a right answer?
4. does the widget state stored in the notebook match what the widgets show when the lesson
   runs afresh (the state a reader of the static page sees)?

The functions for 1, 2 and 4 are pure: they read code, tables and notebooks and return what
they found. Only :func:`run_lesson` starts a kernel.
"""

from __future__ import annotations

import ast
import copy
import io
import json
import re
import textwrap
import tokenize
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from casebook.text import is_text_cell, template_of

# -- Reading notebook code as Python -------------------------------------------------------

# Cell magics whose body is still Python (``%%time`` times Python code); any other cell magic
# (``%%bash``, ``%%html``, ``%%writefile``) makes the whole cell something else.
PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun"}
# Lines IPython reads but Python cannot: ``%pip ...``, ``!ls``, ``files = !ls``, ``obj?``.
# A line that starts with "%" then a letter, or "!" not followed by "=" (so not a "% n" or
# "!= n" carried over from the line above).
MAGIC_LINE = re.compile(r"^\s*(?:[\w.]+\s*=\s*)?(?:%{1,2}[A-Za-z]|!(?!=))|^\s*[\w.]+\?{1,2}\s*$")


class UnreadableCode(ValueError):
    """A code cell that is not Python even once its IPython magics are set aside."""


def python_source(code: str) -> str:
    """The code with IPython magic and shell lines blanked, so that ``tokenize`` can read it.

    Lines are blanked, not removed, so line numbers stay those of the cell.

    >>> python_source("%pip install casebook\\nx = 1\\n!ls")
    '\\nx = 1\\n'
    >>> python_source("%%bash\\necho hello")
    ''
    >>> python_source("files = !ls\\nshare = (count\\n         % total)")
    '\\nshare = (count\\n         % total)'
    """
    lines = code.split("\n")
    if lines and lines[0].lstrip().startswith("%%"):
        magic = lines[0].lstrip()[2:].split(maxsplit=1)
        if not magic or magic[0] not in PYTHON_CELL_MAGICS:
            return ""
        lines[0] = ""
    return "\n".join("" if MAGIC_LINE.match(line) else line for line in lines)


def python_tokens(code: str) -> list[tokenize.TokenInfo]:
    """The Python tokens of a code cell (magics set aside).

    >>> [t.string for t in python_tokens("x = 1  # one") if t.type == tokenize.COMMENT]
    ['# one']
    """
    try:
        return list(tokenize.generate_tokens(io.StringIO(python_source(code)).readline))
    except (tokenize.TokenError, SyntaxError) as error:  # IndentationError is a SyntaxError
        raise UnreadableCode(f"the code cannot be read as Python ({error})") from None


def without_comments(code: str) -> str:
    """The code with every comment blanked out, found by ``tokenize``: a ``#`` inside a
    string is part of the string, not the start of a comment.

    >>> without_comments('print("#RUS")  # the code of Russia').rstrip()
    'print("#RUS")'
    """
    lines = python_source(code).split("\n")
    for token in python_tokens(code):
        if token.type == tokenize.COMMENT:
            (row, start), (_, end) = token.start, token.end
            line = lines[row - 1]
            lines[row - 1] = line[:start] + " " * (end - start) + line[end:]
    return "\n".join(lines)


# -- 1. Names of the case written into code ------------------------------------------------

ID_KIND, TEXT_KIND = "id", "text"
# Text columns that name a thing (a country, a factor, a period, a person, a source); their
# values are names however long they are: an event's title is long but still names it.
NAME_COLUMNS = frozenset({"name", "short_name", "label", "short_label", "title",
                          "author", "holder", "publisher"})
# Free text (descriptions, quotes, notes, rationales) is not a name, but a long stretch of
# it found whole in code can only have been copied from the data. Shorter free text ("Adopted
# 15-0.") is too ordinary a phrase to say that, so it is left out.
COPIED_TEXT_MIN_LENGTH = 30
# Shorter values give false hits: two-letter ids and names ("rt", "US") are also ordinary
# words and variable names of code.
NAME_MIN_LENGTH = 3
HAS_A_LETTER = re.compile(r"[^\W\d_]")


def is_checkable_name(value: str) -> bool:
    """Whether a value is distinctive enough to look for in code: at least three characters
    and at least one letter. A value with no letter ("1718", "2017") is a number, which
    ordinary arithmetic also writes; years and dates are checked by :func:`literal_dates`.

    >>> [is_checkable_name(v) for v in ("RUS", "US", "1718", "c01_peace")]
    [True, False, False, True]
    """
    return len(value) >= NAME_MIN_LENGTH and bool(HAS_A_LETTER.search(value))


def case_names(tables: Mapping, declarations: Mapping) -> dict[str, list[str]]:
    """Every name the case data holds, each with the ``table.column`` places it comes from.

    ``tables`` maps a table name to its DataFrame (single-key tables indexed by their id);
    ``declarations`` maps the same names to the schema's tables, whose ``columns`` have a
    ``name`` and a ``kind``. Names are the values of every id column, of every naming text
    column (:data:`NAME_COLUMNS`), and free text long enough that finding it whole in code
    means it was copied (:data:`COPIED_TEXT_MIN_LENGTH`).

    >>> import pandas as pd
    >>> from types import SimpleNamespace as Declared
    >>> actors = pd.DataFrame({"short_name": ["Russia", "US"]},
    ...                       index=pd.Index(["RUS", "USA"], name="actor_id"))
    >>> schema = {"actors": Declared(columns=(Declared(name="actor_id", kind="id"),
    ...                                       Declared(name="short_name", kind="text")))}
    >>> sorted(case_names({"actors": actors}, schema).items())
    [('RUS', ['actors.actor_id']), ('Russia', ['actors.short_name']), ('USA', ['actors.actor_id'])]
    """
    names: dict[str, list[str]] = {}
    for table_name, table in declarations.items():
        frame = tables[table_name]
        for column in table.columns:
            if column.kind not in (ID_KIND, TEXT_KIND):
                continue
            if column.name == frame.index.name:
                values = frame.index.to_series()
            elif column.name in frame.columns:
                values = frame[column.name]
            else:
                raise KeyError(f"the schema declares {table_name}.{column.name}, but the "
                               "loaded table has no such column or index")
            is_name = column.kind == ID_KIND or column.name in NAME_COLUMNS
            for value in values.dropna().astype(str).str.strip().unique():
                if not is_checkable_name(value):
                    continue
                if is_name or len(value) >= COPIED_TEXT_MIN_LENGTH:
                    names.setdefault(value, []).append(f"{table_name}.{column.name}")
    return names


def names_in_code(code: str, names: Mapping[str, list[str]]) -> list[tuple[str, list[str]]]:
    """The names of the case written in the code, outside comments, as whole words and
    with the same capitals, each with the places it comes from. An id that is also a word
    of ordinary code (a preset called ``equal``, as in ``ax.set_aspect("equal")``) is caught
    too: such code belongs in the casebook package, not in a lesson.

    >>> names = {"Russia": ["actors.short_name"], "RUS": ["actors.actor_id"]}
    >>> names_in_code('print("#RUS")', names)
    [('RUS', ['actors.actor_id'])]
    >>> names_in_code("x = 1  # Russia", names)
    []
    >>> names_in_code("russian = RUSSIA_COLOUR", names)
    []
    """
    code = without_comments(code)
    return [(name, list(places)) for name, places in names.items()
            if name in code and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", code)]


# -- 2. Years and dates written into code --------------------------------------------------

FIRST_YEAR, LAST_YEAR = 1900, 2100
# An ISO date (2017-10 or 2017-10-13), or a year standing alone in a string ("2017",
# "date >= 2017"), but not digits that belong to a longer word or number ("blank_2017",
# "#2000ff", "12017").
DATE_IN_TEXT = re.compile(r"(?<![\w.])(?P<year>\d{4})"
                          r"(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?(?![\w.])")
STRING_TOKENS = {tokenize.STRING} | {getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def is_year(number: int) -> bool:
    """Whether a whole number would read as a year of the case.

    >>> [is_year(n) for n in (3, 1899, 1900, 2017, 2100, 2101)]
    [False, False, True, True, True, False]
    """
    return FIRST_YEAR <= number <= LAST_YEAR


def dates_in_text(text: str) -> list[str]:
    """The years and ISO dates (YYYY-MM, YYYY-MM-DD) written in a piece of text.

    >>> dates_in_text("date >= '2017-10-13' and year != 1999")
    ['2017-10-13', '1999']
    >>> dates_in_text("blank_2017 #2000ff 12017 3.2017 1234 20170")
    []
    >>> dates_in_text("2000-2025")
    ['2000', '2025']
    """
    return [m.group() for m in DATE_IN_TEXT.finditer(text) if is_year(int(m.group("year")))]


def literal_dates(code: str) -> list[str]:
    """The years and dates written as literals in the code, outside comments: whole numbers
    from 1900 to 2100, and strings holding a year or an ISO date. They belong in the data
    (``case.article.year``, the events table), so that a lesson follows the data when the
    data change. This is stricter than looking for ISO dates only: a year inside a string
    (``"year == 2017"`` in a query, ``"2000-2025"`` in a title) is as hard-coded.

    >>> literal_dates("counts.loc[2017:]")
    ['2017']
    >>> literal_dates("events[events.date > '2017-10-13']")
    ["'2017-10-13'"]
    >>> literal_dates("range(3); x = 2.5e3  # e.g. 2006")
    []
    """
    found = []
    for token in python_tokens(code):
        if token.type == tokenize.NUMBER:
            number = ast.literal_eval(token.string)
            if isinstance(number, int) and is_year(number):
                found.append(token.string)
        elif token.type in STRING_TOKENS and dates_in_text(token.string):
            found.append(token.string)
    return found


# -- 3. Collapsed solutions ----------------------------------------------------------------

DETAILS = re.compile(r"<details>(.*?)</details>", re.S | re.I)
SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.S | re.I)
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*(?:python3?|py|ipython3?)[ \t]*\n"
                   r"(?P<code>.*?)^[ \t]*(?P=fence)[ \t]*$", re.S | re.M)
# What the course's exercise checks say to a wrong or missing answer (casebook.feedback, whose
# sentences all start "Right:", "Not quite:" or "Replace None"). A solution whose output says
# one of these does not give the right answer.
WRONG_ANSWER_PHRASES = ("Not quite", "Replace None")
SOLUTION_KEY = "casebook_solution"  # cell metadata that marks a solution in a lesson run


@dataclass(frozen=True)
class Solution:
    """A collapsed solution: the title of its block, its Python code, and the number of the
    markdown cell that holds it (cells counted from 1, markdown and code alike)."""

    title: str
    code: str
    cell: int


def solution_blocks(markdown: str) -> list[tuple[str, str]]:
    """The ``<details>`` blocks of a markdown cell that hold Python code, as (title, code);
    the code of several fenced blocks in one ``<details>`` is run as one.

    >>> text = ("<details><summary><b>Solution</b></summary>\\n\\n"
    ...         "```python\\nx = 1\\n```\\n</details>")
    >>> solution_blocks(text)
    [('Solution', 'x = 1\\n')]
    >>> solution_blocks("<details><summary>Answers</summary>\\n1. Read the table.\\n</details>")
    []
    """
    blocks = []
    for details in DETAILS.finditer(markdown):
        body = details.group(1)
        code = "".join(textwrap.dedent(m.group("code")) for m in FENCE.finditer(body))
        if not code.strip():
            continue
        summary = SUMMARY.search(body)
        title = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", summary.group(1))).strip() if (
            summary) else "(no summary)"
        blocks.append((title, code))
    return blocks


def prose(cell: Mapping) -> str | None:
    """What a reader reads in a cell: a markdown cell's source, or a text cell's template
    (see casebook.text); None for other code cells.

    >>> prose({"cell_type": "code", "metadata": {"tags": ["casebook-text"]},
    ...        "source": 'say(facts, "{n} events")'})
    '{n} events'
    """
    if cell["cell_type"] == "markdown":
        return _text(cell)
    if cell["cell_type"] == "code" and is_text_cell(cell):
        try:
            return template_of(_text(cell))
        except ValueError:
            return None
    return None


def code_of(cell: Mapping) -> str:
    """A code cell's code, with a text cell's template (prose, not code) left out."""
    if is_text_cell(cell):
        return 'say(facts, "")'
    return _text(cell)


def solutions(notebook: Mapping) -> list[Solution]:
    """Every collapsed solution of a notebook, in reading order."""
    found = []
    for number, cell in enumerate(notebook["cells"], start=1):
        text = prose(cell)
        if text is not None:
            found.extend(Solution(title, code, number)
                         for title, code in solution_blocks(text))
    return found


def lesson_code(notebook: Mapping) -> Iterator[tuple[str, str]]:
    """(where, code) for every code cell and every collapsed solution of a notebook; code
    cells are counted as Jupyter numbers them after a clean run."""
    code_number = 0
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] == "code":
            code_number += 1
            yield f"code cell {code_number}", code_of(cell)
        text = prose(cell)
        if text is not None:
            for title, code in solution_blocks(text):
                yield f"the solution {title!r} in cell {number}", code


# Run before and after each solution, so that a solution sees what the cells above it made,
# and the cells below it see nothing the solution made (as after a clean run).
SAVE_NAMESPACE = """\
def _casebook_restore(saved=dict(globals())):
    namespace = globals()
    for name in set(namespace) - set(saved):
        del namespace[name]
    namespace.update(saved)
"""
RESTORE_NAMESPACE = "_casebook_restore()"


def runnable_lesson(notebook: Mapping, with_solutions: bool = True):
    """A notebook to run: the code cells of the lesson in order and, ``with_solutions``, each
    collapsed solution inserted where its markdown cell stands (marked with
    :data:`SOLUTION_KEY` in its cell metadata), between two cells that save and restore the
    kernel's names. Markdown cells, stored outputs and stored widget state are left out.

    >>> lesson = {"metadata": {}, "cells": [
    ...     {"cell_type": "code", "source": "x = 1", "outputs": []},
    ...     {"cell_type": "markdown",
    ...      "source": "<details>\\n```python\\nprint(x)\\n```\\n</details>"}]}
    >>> run = runnable_lesson(lesson)
    >>> [cell.source for cell in run.cells][2:], run.cells[2].metadata[SOLUTION_KEY]["cell"]
    (['print(x)\\n', '_casebook_restore()'], 2)
    >>> [cell.source for cell in runnable_lesson(lesson, with_solutions=False).cells]
    ['x = 1']
    """
    import nbformat

    run = nbformat.from_dict({"nbformat": 4, "nbformat_minor": 5, "cells": [],
                              "metadata": copy.deepcopy(dict(notebook.get("metadata", {})))})
    run.metadata.pop("widgets", None)  # a run that makes no widget must not keep the old state
    code_number = 0
    for number, cell in enumerate(notebook["cells"], start=1):
        if cell["cell_type"] == "code":
            code_number += 1
            run.cells.append(nbformat.v4.new_code_cell(
                _text(cell), metadata={"casebook_code_cell": code_number}))
        text = prose(cell)
        if text is not None and with_solutions:
            for title, code in solution_blocks(text):
                run.cells.append(nbformat.v4.new_code_cell(SAVE_NAMESPACE))
                run.cells.append(nbformat.v4.new_code_cell(
                    code, metadata={SOLUTION_KEY: {"title": title, "cell": number}}))
                run.cells.append(nbformat.v4.new_code_cell(RESTORE_NAMESPACE))
    return run


def output_text(output: Mapping) -> str:
    """The readable text of one cell output (stream, result, display or error)."""
    if output["output_type"] == "stream":
        return _join(output.get("text", ""))
    if output["output_type"] == "error":
        return f"{output.get('ename')}: {output.get('evalue')}"
    data = output.get("data", {})
    return "\n".join(_join(data[kind]) for kind in ("text/plain", "text/markdown", "text/html")
                     if kind in data)


def wrong_answer_phrase(text: str) -> str | None:
    """The first phrase of :data:`WRONG_ANSWER_PHRASES` in a text, if any.

    >>> wrong_answer_phrase("Not quite: 2000 has 2 events, but another year has 5.")
    'Not quite'
    >>> wrong_answer_phrase("Right: 2002 has the most events in the timeline (5).") is None
    True
    """
    return next((phrase for phrase in WRONG_ANSWER_PHRASES if phrase in text), None)


def feedback_messages(source: str) -> list[str]:
    """The messages the ``check_*`` functions of a feedback module return, read from its
    source; what is filled in at run time is shown as ``{}``.

    >>> feedback_messages('def check_x(a):\\n    if a:\\n        return f"Right: {a}."\\n'
    ...                   '    return ("Not quite: " f"{a} is " + "low.")')
    ['Right: {}.', 'Not quite: {} is low.']
    """
    messages = []
    for function in ast.walk(ast.parse(source)):
        if isinstance(function, ast.FunctionDef) and function.name.startswith("check_"):
            returns = sorted((n for n in ast.walk(function) if isinstance(n, ast.Return)),
                             key=lambda n: n.lineno)
            messages.extend(text for n in returns if (text := _literal_text(n.value)))
    return messages


def _literal_text(node) -> str | None:
    """The text of a string expression, ``{}`` for each part only known at run time."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(part) or "{}" for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal_text(node.left), _literal_text(node.right)
        if left is None and right is None:
            return None
        return (left or "{}") + (right or "{}")
    return None


def solution_failures(run: Mapping) -> list[str]:
    """What went wrong in a lesson run made from :func:`runnable_lesson`: a lesson cell or a
    solution that raised, or a solution whose output is the feedback to a wrong answer."""
    failures = []
    for cell in run["cells"]:
        solution = cell.get("metadata", {}).get(SOLUTION_KEY)
        where = (f"solution {solution['title']!r} (cell {solution['cell']})" if solution
                 else f"code cell {cell.get('metadata', {}).get('casebook_code_cell', '?')}")
        for output in cell.get("outputs", []):
            text = output_text(output)
            if output["output_type"] == "error":
                failures.append(f"{where} raised {text}")
            elif solution and (phrase := wrong_answer_phrase(text)):
                failures.append(f"{where} gives a wrong answer: its output says {phrase!r}: "
                                f"{_shorten(text)!r}")
    return failures


@dataclass
class LessonRun:
    """A lesson run afresh. ``widgets_as_on_a_clean_run`` is False when a solution changed
    or made a widget, so that the run's widget state is not that of the lesson alone."""

    notebook: object
    widgets_as_on_a_clean_run: bool


def run_lesson(notebook: Mapping, folder: Path, timeout: int = 300) -> LessonRun:
    """Run a notebook from :func:`runnable_lesson` (or any notebook) in a fresh kernel of this
    Python, in ``folder``, as ``casebook refresh`` does; errors are kept as outputs."""
    from nbclient import NotebookClient

    from casebook.refresh import CurrentEnvironmentKernel

    notebook = copy.deepcopy(notebook)
    widgets_before: dict[int, dict] = {}
    touched = []

    def before(cell, cell_index, **_):
        if SOLUTION_KEY in cell.get("metadata", {}):
            widgets_before[cell_index] = copy.deepcopy(client.widget_state)

    def after(cell, cell_index, **_):
        if cell_index in widgets_before and client.widget_state != widgets_before[cell_index]:
            touched.append(cell_index)

    client = NotebookClient(notebook, kernel_manager_class=CurrentEnvironmentKernel,
                            kernel_name="python3", timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": str(folder)}},
                            on_cell_start=before, on_cell_executed=after)
    client.execute()
    return LessonRun(notebook, widgets_as_on_a_clean_run=not touched)


# -- 4. Stored widget state ----------------------------------------------------------------

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# What a reader sees of a widget; layout, style and ids are left out.
SHOWN_KEYS = ("description", "value", "min", "max", "index", "options", "_options_labels")


def widget_models(notebook: Mapping) -> dict[str, dict]:
    """The stored widget models of a notebook: model id -> {"model_name", "state", ...}."""
    return notebook.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def widgets_in_order(notebook: Mapping) -> list[dict]:
    """The widget models of a notebook in an order that does not depend on their random ids:
    from each widget shown in an output, in cell order, through the models it refers to
    (``IPY_MODEL_<id>``, in key order); models shown nowhere come last, sorted by kind and
    description.

    >>> notebook = {"cells": [{"cell_type": "code", "outputs": [
    ...     {"output_type": "execute_result", "data": {WIDGET_VIEW: {"model_id": "b"}}}]}],
    ...     "metadata": {"widgets": {WIDGET_STATE: {"state": {
    ...         "a": {"model_name": "IntSliderModel", "state": {"value": 1}},
    ...         "b": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_a"]}}}}}}}
    >>> [m["model_name"] for m in widgets_in_order(notebook)]
    ['VBoxModel', 'IntSliderModel']
    """
    models = widget_models(notebook)
    ordered: list[str] = []

    def visit(model_id: str) -> None:
        if model_id in models and model_id not in ordered:
            ordered.append(model_id)
            for key in sorted(models[model_id].get("state", {})):
                for reference in _model_references(models[model_id]["state"][key]):
                    visit(reference)

    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:
                visit(view["model_id"])
    unshown = sorted((m for m in models if m not in ordered), key=lambda m: (
        models[m].get("model_name", ""), json.dumps(models[m].get("state", {}).get(
            "description"))))
    return [models[m] for m in ordered + unshown]


def _model_references(value) -> Iterator[str]:
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, str) and item.startswith("IPY_MODEL_"):
            yield item.removeprefix("IPY_MODEL_")


def widget_differences(stored: Mapping, fresh: Mapping) -> list[str]:
    """How the widgets stored in a notebook differ from those of a fresh run, in what a
    reader sees (:data:`SHOWN_KEYS`); each difference names the widget kind and the key.

    >>> def notebook(value):
    ...     return {"cells": [], "metadata": {"widgets": {WIDGET_STATE: {"state": {"x": {
    ...         "model_name": "IntSliderModel", "state": {"value": value, "layout": "x"}}}}}}}
    >>> widget_differences(notebook(2017), notebook(2017))
    []
    >>> widget_differences(notebook(2016), notebook(2017))
    ['IntSliderModel (widget 1) value: stored 2016, fresh run 2017']
    """
    old, new = widgets_in_order(stored), widgets_in_order(fresh)
    kinds_old = [m.get("model_name") for m in old]
    kinds_new = [m.get("model_name") for m in new]
    if kinds_old != kinds_new:
        return [f"the stored widgets are {kinds_old or 'none'}, a fresh run makes "
                f"{kinds_new or 'none'}"]
    differences = []
    for number, (was, now) in enumerate(zip(old, new, strict=True), start=1):
        for key in SHOWN_KEYS:
            before, after = was.get("state", {}).get(key), now.get("state", {}).get(key)
            if before != after:
                differences.append(f"{was.get('model_name')} (widget {number}) {key}: "
                                   f"{_compare(before, after)}")
    return differences


def _compare(stored, fresh) -> str:
    """Two differing values side by side; long texts from where they first differ."""
    if isinstance(stored, str) and isinstance(fresh, str) and max(len(stored), len(fresh)) > 80:
        at = next((i for i, (a, b) in enumerate(zip(stored, fresh, strict=False)) if a != b),
                  min(len(stored), len(fresh)))
        start = max(0, at - 20)
        return (f"texts differ from character {at}: stored ...{stored[start:at + 60]!r}, "
                f"fresh run ...{fresh[start:at + 60]!r}")
    return f"stored {stored!r}, fresh run {fresh!r}"


# -- small helpers -------------------------------------------------------------------------

def _text(cell: Mapping) -> str:
    return _join(cell["source"])


def _join(value: str | Iterable[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."
