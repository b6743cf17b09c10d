"""The checks of notebook_checks.py on small hand-made inputs: each must catch what it is
for and pass what it is not for. Two tests run a tiny lesson in a real kernel."""

import importlib.util
import inspect
import pkgutil
from types import SimpleNamespace as Declared

import nbformat
import notebook_checks as checks
import pandas as pd
import pytest

# -- 1. names ------------------------------------------------------------------------------


def declared(**columns):
    """A stand-in for a schema table: only the column names and kinds the checks read."""
    return Declared(columns=tuple(Declared(name=n, kind=k) for n, k in columns.items()))


@pytest.fixture
def tables():
    actors = pd.DataFrame({"name": ["Russian Federation", "United States"],
                           "short_name": ["Russia", "US"],
                           "description": ["Short text.",
                                           "A long description that nobody types by chance."]},
                          index=pd.Index(["RUS", "USA"], name="actor_id"))
    votes = pd.DataFrame({"vote_id": ["res_1718"], "resolution": ["1718"],
                          "label": ["Russia"]})  # an id kept as a column, not the index
    return {"actors": actors, "votes": votes}


SCHEMA = {"actors": declared(actor_id="id", name="text", short_name="text",
                             description="text", x="number"),
          "votes": declared(vote_id="id", resolution="text", label="text")}


def test_case_names_are_ids_labels_and_long_copied_text(tables):
    names = checks.case_names(tables, SCHEMA)
    assert names == {
        "RUS": ["actors.actor_id"], "USA": ["actors.actor_id"],
        "Russian Federation": ["actors.name"], "United States": ["actors.name"],
        "Russia": ["actors.short_name", "votes.label"],
        "A long description that nobody types by chance.": ["actors.description"],
        "res_1718": ["votes.vote_id"]}
    # left out: "US" (two letters), "1718" (no letter), "Short text." (short free text)


def test_case_names_says_which_declared_column_the_table_lacks(tables):
    schema = {**SCHEMA, "votes": declared(vote_id="id", subject="text")}
    with pytest.raises(KeyError, match=r"votes\.subject, but the loaded table has no such"):
        checks.case_names(tables, schema)


NAMES = {"Russia": ["actors.short_name"], "RUS": ["actors.actor_id"],
         "Six-Party Talks": ["periods.label"]}


@pytest.mark.parametrize("code, found", [
    ('label = "Russia"', ["Russia"]),
    ('print("#RUS")', ["RUS"]),  # a '#' inside a string starts no comment
    ("weights.loc['RUS'] + 1  # RUS and Russia", ["RUS"]),
    ("case.actors.loc[RUS]", ["RUS"]),
    ('title = """Russia\n# still the string"""', ["Russia"]),
    ('f"{year}: Six-Party Talks"', ["Six-Party Talks"]),
    ('"Russia\'s votes"', ["Russia"]),
])
def test_names_in_code_are_caught(code, found):
    assert [name for name, _ in checks.names_in_code(code, NAMES)] == found


@pytest.mark.parametrize("code", [
    "x = 1  # Russia",
    "# Russia and RUS are named in comments only",
    "russian = RUSSIAN_BLUE + RUSTY",  # names as parts of longer words
    'print("Russian Federation")',
    "%pip install casebook\n!echo RUS\nx = 1",  # magics and shell lines are not lesson code
])
def test_names_in_code_pass_what_is_not_a_name(code):
    assert checks.names_in_code(code, NAMES) == []


def test_names_in_code_reads_cells_with_magics_and_still_finds_names():
    code = "%matplotlib inline\nfiles = !ls\nhelp?\nprint('Russia')\n%%time is not at the top"
    assert checks.names_in_code(code, NAMES) == [("Russia", ["actors.short_name"])]


def test_a_cell_magic_of_another_language_is_not_read_as_python():
    assert checks.names_in_code("%%bash\necho RUS 2017", NAMES) == []
    assert checks.names_in_code("%%time\nx = 'RUS'", NAMES) == [("RUS", ["actors.actor_id"])]


def test_code_that_is_not_python_is_reported_not_crashed_on():
    with pytest.raises(checks.UnreadableCode, match="cannot be read as Python"):
        checks.names_in_code('x = (1,\nprint("unclosed', NAMES)


# -- 2. years and dates --------------------------------------------------------------------

@pytest.mark.parametrize("code, found", [
    ("busiest_year = 2017", ["2017"]),
    ("counts.loc[2017:]", ["2017"]),
    ("x[2_017]", ["2_017"]),
    ("bounds = (1900, 2100)", ["1900", "2100"]),
    ("events[events.date >= '2017-10-13']", ["'2017-10-13'"]),
    ('start = "2017-10"', ['"2017-10"']),
    ('year = "2017"', ['"2017"']),
    ('events.query("year == 2017")', ['"year == 2017"']),
    ('f"events of 2000-2025: {n}"', ['f"events of 2000-2025: {n}"']),
])
def test_literal_years_and_dates_are_caught(code, found):
    assert checks.literal_dates(code) == found


@pytest.mark.parametrize("code", [
    "range(3)",
    "x = 1899 + 2101 + 12017",
    "ratio = 2017.5",  # not a whole number
    "busiest_year = None  # your answer, e.g. 2006",
    "# 2017-10-13",
    'colour = "#2000ff"',
    'source = "blank_2017"',  # an id: the names check's business
    'print("#1234", "3.2017")',
    "article_year = model.article_year(case.metadata)",
])
def test_numbers_that_are_not_years_pass(code):
    assert checks.literal_dates(code) == []


# -- 3. collapsed solutions ----------------------------------------------------------------

SOLUTION_MARKDOWN = """Some text first.

<details>
<summary><b>Solution</b> (try first)</summary>

The cell below computes it.

1. A list, with the code indented under it:

   ```python
   top = counts.idxmax()
   ```

~~~py
print(top)
~~~
</details>

<details><summary>Check your answers</summary>
1. No code here, only words.
</details>
"""


def test_solution_blocks_hold_the_title_and_all_the_python_of_each_details_block():
    assert checks.solution_blocks(SOLUTION_MARKDOWN) == [
        ("Solution (try first)", "top = counts.idxmax()\nprint(top)\n")]


def test_solution_blocks_ignore_code_outside_details_and_other_languages():
    text = "```python\nx = 1\n```\n<details><summary>S</summary>\n```bash\nls\n```\n</details>"
    assert checks.solution_blocks(text) == []


def markdown(text):
    return nbformat.v4.new_markdown_cell(text)


def code(text):
    return nbformat.v4.new_code_cell(text)


def test_runnable_lesson_puts_each_solution_after_the_code_above_it_and_drops_stored_widgets():
    lesson = nbformat.v4.new_notebook(
        cells=[code("a = 1"), markdown(SOLUTION_MARKDOWN), code("b = 2")],
        metadata={"widgets": {checks.WIDGET_STATE: {"state": {"old": {}}}}})
    run = checks.runnable_lesson(lesson)
    assert [c.source for c in run.cells] == [
        "a = 1", checks.SAVE_NAMESPACE, "top = counts.idxmax()\nprint(top)\n",
        checks.RESTORE_NAMESPACE, "b = 2"]
    assert run.cells[2].metadata[checks.SOLUTION_KEY] == {"title": "Solution (try first)",
                                                          "cell": 2}
    assert "widgets" not in run.metadata


def executed(source, *outputs, solution=None):
    cell = code(source)
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    if solution:
        cell.metadata[checks.SOLUTION_KEY] = {"title": solution, "cell": 7}
    else:
        cell.metadata["casebook_code_cell"] = 3
    return cell


def stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def test_solution_failures_name_the_solution_and_the_error_or_the_wrong_answer():
    run = nbformat.v4.new_notebook(cells=[
        executed("print(check(None))", stream("Replace None with a year.\n")),  # the exercise
        executed("1/0", {"output_type": "error", "ename": "ZeroDivisionError",
                         "evalue": "division by zero", "traceback": []}, solution="Solution"),
        executed("check(2000)", {"output_type": "execute_result", "execution_count": 1,
                                 "metadata": {}, "data": {"text/plain": "'Not quite: 2000.'"}},
                 solution="Solution 2"),
        executed("print(check(2002))", stream("Right: 2002.\n"), solution="Solution 3"),
    ])
    assert checks.solution_failures(run) == [
        "solution 'Solution' (cell 7) raised ZeroDivisionError: division by zero",
        "solution 'Solution 2' (cell 7) gives a wrong answer: its output says 'Not quite': "
        "\"'Not quite: 2000.'\""]


def test_solution_failures_report_a_lesson_cell_that_raised():
    run = nbformat.v4.new_notebook(cells=[executed("x", {
        "output_type": "error", "ename": "NameError", "evalue": "name 'x' is not defined",
        "traceback": []})])
    assert checks.solution_failures(run) == [
        "code cell 3 raised NameError: name 'x' is not defined"]


def test_wrong_answer_phrases_are_found_in_any_kind_of_output():
    assert checks.wrong_answer_phrase("**Not quite:** 2030 is outside the timeline") == (
        "Not quite")  # a check's sentence as Markdown
    assert checks.wrong_answer_phrase("Replace None with a year.") == "Replace None"
    assert checks.wrong_answer_phrase("Right: 2024 has the most events (7).") is None


def feedback_source() -> str:
    """The source of the course's feedback (``casebook.feedback``, a module or a package of
    them; once ``casebook.checks``)."""
    name = next(n for n in ("casebook.feedback", "casebook.checks")
                if importlib.util.find_spec(n))
    package = importlib.import_module(name)
    modules = [package] + [importlib.import_module(m.name) for m in pkgutil.walk_packages(
        getattr(package, "__path__", []), prefix=f"{name}.")]
    return "\n".join(inspect.getsource(module) for module in modules)


def test_every_feedback_message_is_right_or_says_a_wrong_answer_phrase():
    messages = checks.feedback_messages(feedback_source())
    assert messages, "no check_* function returns a message in the feedback module"
    unknown = [m for m in messages
               if not m.startswith("Right") and checks.wrong_answer_phrase(m) is None]
    assert not unknown, (
        f"feedback messages that are neither 'Right...' nor hold a phrase of "
        f"WRONG_ANSWER_PHRASES in tests/notebook_checks.py (add one): {unknown}")
    unused = [p for p in checks.WRONG_ANSWER_PHRASES if not any(p in m for m in messages)]
    assert not unused, f"WRONG_ANSWER_PHRASES that no feedback message says any more: {unused}"


def test_feedback_messages_outside_the_conventions_are_found():
    source = ('def check_a(x):\n    return "Almost: try again."\n'
              'def helper():\n    return "not a check"\n')
    assert checks.feedback_messages(source) == ["Almost: try again."]
    assert checks.wrong_answer_phrase("Almost: try again.") is None  # so the test above fails


# -- 3 and 4 in a real kernel --------------------------------------------------------------

LESSON_CELLS = [
    code("import os\nimport ipywidgets as widgets\n\nx = 1\nprint(os.getcwd())"),
    code("slider = widgets.IntSlider(value=3, min=0, max=9, description='n')\nslider"),
    markdown("<details><summary>Solution A</summary>\n\n```python\nmade_here = x + 1\n"
             "print(made_here)\n```\n</details>"),
    markdown("<details><summary>Solution B</summary>\n\n```python\nprint(made_here)\n```\n"
             "</details>\n<details><summary>Solution C</summary>\n\n```python\n"
             "print('Not quite: try again')\n```\n</details>"),
    code("print('made_here' in globals())"),
    markdown("<details><summary>Solution D</summary>\n\n```python\nslider.value = 5\n```\n"
             "</details>"),
]


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lesson")
    lesson = nbformat.v4.new_notebook(cells=LESSON_CELLS)
    with_solutions = checks.run_lesson(checks.runnable_lesson(lesson), folder)
    alone = checks.run_lesson(checks.runnable_lesson(lesson, with_solutions=False), folder)
    return Declared(folder=folder, with_solutions=with_solutions, alone=alone)


def outputs_of(run):
    return ["".join(checks.output_text(o) for o in cell.outputs)
            for cell in run.notebook.cells if cell.source not in (
                checks.SAVE_NAMESPACE, checks.RESTORE_NAMESPACE)]


def test_a_run_is_in_the_lesson_folder_and_each_solution_sees_only_the_cells_above(lesson):
    outputs = outputs_of(lesson.with_solutions)
    assert outputs[0] == f"{lesson.folder}\n"
    assert outputs[2] == "2\n"  # solution A used x from the first cell
    assert outputs[5] == "False\n"  # the cell after the solutions sees nothing they made
    assert checks.solution_failures(lesson.with_solutions.notebook) == [
        "solution 'Solution B' (cell 4) raised NameError: name 'made_here' is not defined",
        "solution 'Solution C' (cell 4) gives a wrong answer: its output says 'Not quite': "
        "'Not quite: try again'"]


def test_a_solution_that_moves_a_widget_makes_the_run_unfit_for_the_widget_check(lesson):
    assert not lesson.with_solutions.widgets_as_on_a_clean_run
    assert lesson.alone.widgets_as_on_a_clean_run
    assert checks.widget_differences(lesson.alone.notebook, lesson.with_solutions.notebook) == [
        "IntSliderModel (widget 1) value: stored 3, fresh run 5"]
    assert checks.widget_differences(lesson.alone.notebook, lesson.alone.notebook) == []


# -- 4. widget state -----------------------------------------------------------------------

def widget_notebook(models, shown=()):
    """A notebook holding widget ``models`` (id -> (kind, state)), ``shown`` in outputs."""
    state = {model_id: {"model_name": kind, "state": values}
             for model_id, (kind, values) in models.items()}
    outputs = [{"output_type": "display_data", "metadata": {},
                "data": {checks.WIDGET_VIEW: {"model_id": model_id}}} for model_id in shown]
    return {"cells": [{"cell_type": "code", "source": "", "outputs": outputs}],
            "metadata": {"widgets": {checks.WIDGET_STATE: {"state": state}}}}


def explorer(ids, year=2017, html="<p>2017: 9 events</p>", first_slider="Year"):
    box, slider, other, table, layout = ids
    return widget_notebook({
        layout: ("LayoutModel", {"width": "60%"}),
        box: ("VBoxModel", {"children": [f"IPY_MODEL_{slider}", f"IPY_MODEL_{table}",
                                         f"IPY_MODEL_{other}"]}),
        slider: ("IntSliderModel", {"description": first_slider, "value": year, "min": 2000,
                                    "max": 2025, "layout": f"IPY_MODEL_{layout}"}),
        other: ("IntSliderModel", {"description": "Weight", "value": 5, "min": 0, "max": 10}),
        table: ("HTMLModel", {"value": html}),
    }, shown=[box])


STORED_IDS, FRESH_IDS = ("b1", "s1", "s2", "h1", "l1"), ("f9", "a0", "zz", "c3", "x7")


def test_widgets_are_matched_by_their_place_not_their_random_ids():
    assert checks.widget_differences(explorer(STORED_IDS), explorer(FRESH_IDS)) == []


def test_a_changed_default_value_is_reported_with_kind_key_and_both_values():
    assert checks.widget_differences(explorer(STORED_IDS, year=2016), explorer(FRESH_IDS)) == [
        "IntSliderModel (widget 2) value: stored 2016, fresh run 2017"]


def test_two_widgets_of_one_kind_are_not_confused():
    stored = explorer(STORED_IDS, first_slider="Year")
    fresh = explorer(FRESH_IDS, first_slider="Weight of peace")
    assert checks.widget_differences(stored, fresh) == [
        "IntSliderModel (widget 2) description: stored 'Year', fresh run 'Weight of peace'"]


def test_a_long_html_difference_is_shown_where_it_starts():
    table = "<table>" + "<tr><td>event</td></tr>" * 10
    stored = explorer(STORED_IDS, html=table + "<tr><td>old</td></tr></table>")
    fresh = explorer(FRESH_IDS, html=table + "<tr><td>new</td></tr></table>")
    [difference] = checks.widget_differences(stored, fresh)
    assert difference.startswith("HTMLModel (widget 4) value: texts differ from character 245:")
    assert "<td>old" in difference and "<td>new" in difference


def test_layout_changes_are_not_what_the_reader_sees():
    fresh = explorer(FRESH_IDS)
    fresh["metadata"]["widgets"][checks.WIDGET_STATE]["state"]["x7"]["state"]["width"] = "50%"
    assert checks.widget_differences(explorer(STORED_IDS), fresh) == []


def test_missing_or_extra_widgets_are_reported():
    no_widgets = {"cells": [], "metadata": {}}
    [difference] = checks.widget_differences(no_widgets, explorer(FRESH_IDS))
    assert difference.startswith("the stored widgets are none, a fresh run makes ['VBoxModel'")
    [difference] = checks.widget_differences(explorer(STORED_IDS), no_widgets)
    assert difference.endswith("a fresh run makes none")


def test_widgets_shown_nowhere_are_ordered_by_kind_and_description():
    notebook = widget_notebook({"q": ("IntSliderModel", {"description": "b"}),
                                "p": ("IntSliderModel", {"description": "a"}),
                                "r": ("HTMLModel", {"value": "x"})})
    assert [(m["model_name"], m["state"].get("description"))
            for m in checks.widgets_in_order(notebook)] == [
        ("HTMLModel", None), ("IntSliderModel", "a"), ("IntSliderModel", "b")]
