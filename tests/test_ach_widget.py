"""Lesson 08's rating grid widget, headless: type ratings into cells, add the hindsight items,
compare with the course, save and load, on both shipped cases; the expected numbers come
from the model on a grid built here, the chart's data from its bars."""

from __future__ import annotations

import html
import json

import pytest

from casebook import load_case
from casebook.grid_file import grid_document, load_grid, save_grid
from casebook.model import ach
from casebook.plots.ach import describe_ranking
from casebook.saved_files import shown
from casebook.widgets.ach import SCALE, rating_grid_widget
from conftest import CASES


@pytest.fixture
def grid(case, tmp_path):
    return rating_grid_widget(case, start="reference", folder=tmp_path).grid


def reference(case, hindsight=False):
    return ach.rating_grid(case, known_only=not hindsight)


def weights(case):
    return ach.evidence_weights(case.evidence)


def expected_ranking(case, changes: dict, hindsight=False):
    """The ranking of the course's grid with ``changes`` made by hand, by the model."""
    expected = reference(case, hindsight).copy()
    for (item, hypothesis), rating in changes.items():
        expected.loc[item, hypothesis] = rating
    return ach.ranking(expected, weights(case))


def leader_changing_cell(case):
    """A knowable cell whose rating II adds evidence against the hypothesis ranked first."""
    ranked = ach.ranking(reference(case), weights(case))
    leader = ranked.index[0]
    item = next(e for e in reference(case).index if reference(case).loc[e, leader] != "II")
    return item, leader


def other_case(case):
    return next(c for c in (load_case(folder) for folder in CASES.values())
                if c.title != case.title)


# -- building -------------------------------------------------------------------------------

def test_one_named_cell_per_item_and_hypothesis_from_the_case(case):
    panel = rating_grid_widget(case)
    grid = panel.grid
    full = reference(case, hindsight=True)
    assert list(grid.cells) == [(e, h) for e in full.index for h in full.columns]
    for (item, hypothesis), cell in grid.cells.items():
        assert list(cell.options) == ["CC", "C", "N", "I", "II"] == list(SCALE)
        assert cell.description.startswith(case.hypotheses.loc[hypothesis, "label"] + "; item ")
        assert case.evidence.loc[item, "date"].spelled() in cell.description
        assert cell.style.description_width == "0px"  # the name is heard, not shown
    number = list(full.index).index(full.index[-1]) + 1
    assert grid.cells[(full.index[-1], full.columns[0])].description.startswith(
        f"{full.attrs['labels'][full.columns[0]]}; item {number}, ")


def test_it_starts_blank_with_every_hypothesis_tied_at_zero(case):
    grid = rating_grid_widget(case).grid
    assert {cell.value for cell in grid.cells.values()} == {""}
    assert grid.items == list(reference(case).index)  # knowable items only
    assert [bar.get_width() for bar in grid.chart.bars] == [0.0] * len(case.hypotheses)
    assert grid.chart.table["rank"].to_list() == [1] * len(case.hypotheses)
    assert f"Rated 0 of {reference(case).size} cells" in grid.status.value


def test_it_starts_from_the_course_grid(case, grid):
    known = reference(case)
    assert grid.grid.equals(known)
    assert grid.chart.description == describe_ranking(ach.ranking(known, weights(case)))
    assert html.escape(grid.chart.description) in grid.description.value


# -- a rating changes the ranking, its description and the chart ---------------------------

def test_typing_a_rating_redraws_the_ranking_in_place(case, grid):
    chart, bars, picture = grid.chart, list(grid.chart.bars), grid.figure.value
    before = grid.chart.description
    item, leader = leader_changing_cell(case)
    old = grid.cells[(item, leader)].value
    grid.cells[(item, leader)].value = "II"
    expected = expected_ranking(case, {(item, leader): "II"})
    # Heuer's count by hand: II counts 2, times the item's weight, where the old rating
    # counted 0 (N, C, CC) or 1 (I).
    added = (2 - ach.INCONSISTENCY[old]) * weights(case)[item]
    first = ach.ranking(reference(case), weights(case))
    assert expected.loc[leader, "inconsistency"] == pytest.approx(
        first.loc[leader, "inconsistency"] + added)
    assert grid.chart is chart and grid.chart.bars == bars  # the same artists, new data
    assert [round(b.get_width(), 6) for b in chart.bars] == [
        round(s, 6) for s in expected["inconsistency"]]
    assert grid.chart.description == describe_ranking(expected) != before
    assert grid.description.value == ("<p role='status'><b>Figure description.</b> "
                                      f"{html.escape(describe_ranking(expected))}</p>")
    assert grid.figure.value != picture
    assert f'alt="{html.escape(describe_ranking(expected), quote=True)}"' in grid.figure.value


def test_ratings_are_read_as_typed_and_a_wrong_one_is_named(case, grid):
    item, hypothesis = next(iter(grid.cells))
    cell = grid.cells[(item, hypothesis)]
    cell.value = "cc"
    assert cell.value == "CC" and grid.ratings[(item, hypothesis)] == "CC"
    cell.value = " \u2014 "
    assert grid.ratings[(item, hypothesis)] == ""
    description = grid.chart.description
    cell.value = "X"
    assert grid.ratings[(item, hypothesis)] == ""  # the grid keeps the last rating
    assert grid.chart.description == description
    label = case.hypotheses.loc[hypothesis, "label"]
    assert "<b>X is not a rating</b>" in grid.cell_message.value
    assert html.escape(label) in grid.cell_message.value
    assert "type CC, C, N, I or II, or empty the cell" in grid.cell_message.value
    cell.value = "i"
    assert grid.cell_message.value == "" and grid.ratings[(item, hypothesis)] == "I"


def test_the_hindsight_items_are_added_apart_dated_and_counted(case, grid):
    full = reference(case, hindsight=True)
    late = full.attrs["hindsight"]
    assert grid.hindsight_part.layout.display == "none"
    assert grid.show_hindsight.description.startswith(
        f"Add the {len(late)} item{'s' * (len(late) != 1)} dated after the article")
    assert case.article.date.spelled() in grid.show_hindsight.description
    grid.show_hindsight.value = True
    assert grid.hindsight_part.layout.display == ""
    assert grid.items == list(full.index) and grid.grid.attrs["hindsight"] == late
    expected = ach.ranking(full, weights(case))
    assert grid.chart.description == describe_ranking(expected)
    assert [round(b.get_width(), 6) for b in grid.chart.bars] == [
        round(s, 6) for s in expected["inconsistency"]]
    assert f"Rated {full.size} of {full.size} cells" in grid.status.value
    heading = grid.hindsight_part.children[0].value
    assert "After the article (hindsight)" in heading and case.article.date.spelled() in heading


def test_the_items_table_shows_diagnosticity_and_what_the_lead_hangs_on(case, grid):
    item = reference(case).index[0]
    for hypothesis in case.hypotheses.index:  # the same rating everywhere: not diagnostic
        grid.cells[(item, hypothesis)].value = "C"
    table = grid.items_table.value
    name = html.escape(grid.names[item])
    assert f"<td style=\"text-align:left;vertical-align:top;padding:2px 8px;\">{name}</td>\n" \
           "<td style=\"text-align:left;vertical-align:top;padding:2px 8px;\">0: not " \
           "diagnostic</td>" in table.replace("</td><td", "</td>\n<td")
    hinges = ach.sensitivity(grid.grid, weights(case))
    for hinge in hinges.index[hinges["top changes"]]:
        assert html.escape(grid.names[hinge]) in table.split("</p>")[0]


def test_fill_puts_the_course_rating_only_in_empty_cells(case, tmp_path):
    grid = rating_grid_widget(case, folder=tmp_path).grid
    item, hypothesis = next(iter(grid.cells))
    mine = next(r for r in SCALE if r != reference(case).loc[item, hypothesis])
    grid.cells[(item, hypothesis)].value = mine
    grid.fill_button.click()
    expected = reference(case).copy()
    expected.loc[item, hypothesis] = mine
    assert grid.grid.equals(expected)
    assert f"Filled {expected.size - 1} empty cells" in grid.status.value


def test_clearing_asks_first(case, grid):
    grid.clear_button.click()
    rated = reference(case, hindsight=True).size
    assert f"Clear all {rated} ratings?" in grid.file_message.value
    assert grid.yes_button.description == "Yes, clear them"
    assert grid.yes_button.layout.display == ""
    grid.no_button.click()
    assert grid.grid.equals(reference(case))
    assert grid.file_message.value == "<p>Not cleared: your ratings are as they were.</p>"
    grid.clear_button.click()
    grid.yes_button.click()
    assert set(grid.ratings.values()) == {""}
    assert grid.yes_button.layout.display == "none"


# -- compare with the course ----------------------------------------------------------------

def test_compare_lists_exactly_the_cells_that_differ_with_the_courses_reason(case, grid):
    known = reference(case)
    (e1, h1), (e2, h2), (e3, h3) = [(e, h) for e in known.index for h in known.columns][:3]
    up = {"II": "I", "I": "N", "N": "C", "C": "CC", "CC": "C"}
    grid.cells[(e1, h1)].value = up[known.loc[e1, h1]]
    grid.cells[(e2, h2)].value = "II" if known.loc[e2, h2] != "II" else "CC"
    grid.cells[(e3, h3)].value = ""
    assert grid.compare_table.value == ""  # hidden until asked for
    grid.compare.value = True
    shown = grid.compared
    assert len(shown) == 2
    reasons = case.ratings.set_index(["evidence_id", "hypothesis_id"])["rationale"]
    for row, (item, hypothesis) in zip(shown.itertuples(index=False), [(e1, h1), (e2, h2)],
                                       strict=True):
        assert row[0] == grid.names[item] and row[1] == case.hypotheses.loc[hypothesis, "label"]
        assert row[2] == grid.ratings[(item, hypothesis)] and row[3] == known.loc[item, hypothesis]
        steps = ach.SCORE[row[2]] - ach.SCORE[row[3]]
        assert row[4] == f"{steps:+d}" and row[5] == reasons[(item, hypothesis)]
        assert html.escape(reasons[(item, hypothesis)]) in grid.compare_table.value
    assert (f"Of {known.size} cells, {known.size - 3} agree with the course, 2 differ "
            "(listed below with the course&#x27;s reason) and 1 is not rated yet.") in (
        grid.compare_table.value)
    grid.cells[(e1, h1)].value = known.loc[e1, h1]  # put back: the list follows at once
    assert len(grid.compared) == 1


# -- saving and loading ---------------------------------------------------------------------

def test_save_then_load_keeps_every_cell(case, grid, tmp_path):
    item, hypothesis = next(iter(grid.cells))
    grid.cells[(item, hypothesis)].value = "II" if grid.cells[(item, hypothesis)].value != (
        "II") else "CC"
    grid.show_hindsight.value = True
    saved = dict(grid.ratings)
    grid.your_name.value = "Ana"
    grid.file_name.value = "ana"
    grid.save_button.click()
    assert grid.file_name.value == "ana.json"
    assert grid.file_message.value.startswith("<p>Saved ana.json in ")
    on_disk = load_grid(tmp_path / "ana.json", case)
    assert {(e, h): on_disk.loc[e, h] for e in on_disk.index for h in on_disk.columns} == saved
    grid.clear(confirmed=True)
    grid.your_name.value = ""
    grid.load_button.click()
    assert grid.ratings == saved
    assert {k: c.value for k, c in grid.cells.items()} == saved
    assert grid.your_name.value == "Ana"
    assert grid.file_message.value == "<p>Loaded the grid of Ana from ana.json.</p>"
    expected = expected_ranking(case, {(item, hypothesis): saved[(item, hypothesis)]},
                                hindsight=True)
    assert grid.chart.description == describe_ranking(expected)


def test_saving_over_a_file_asks_first_and_no_keeps_it(case, grid, tmp_path):
    path = tmp_path / "my_grid.json"
    save_grid(path, ach.blank_grid(reference(case)), "Old", case)
    before = path.read_bytes()
    grid.your_name.value = "New"
    grid.save_button.click()
    assert "my_grid.json exists already" in grid.file_message.value
    assert grid.yes_button.layout.display == "" and grid.yes_button.description == (
        "Yes, replace it")
    assert path.read_bytes() == before
    grid.no_button.click()
    assert grid.file_message.value == "<p>Not saved: the existing file is unchanged.</p>"
    assert path.read_bytes() == before and grid.yes_button.layout.display == "none"
    grid.save_button.click()
    grid.yes_button.click()
    assert json.loads(path.read_text(encoding="utf-8"))["name"] == "New"
    assert load_grid(path, case).loc[reference(case).index].equals(reference(case))


def test_saving_needs_a_name_and_a_plain_file_name(grid, tmp_path):
    grid.save_button.click()
    assert "Type your name" in grid.file_message.value
    grid.your_name.value = "Ana"
    grid.file_name.value = "../elsewhere.json"
    grid.save_button.click()
    assert "Give a file name only, without a folder" in grid.file_message.value
    assert list(tmp_path.iterdir()) == []


def bad_files(case) -> dict[str, tuple[str, str]]:
    """name -> (file text, the one problem expected, as the widget shows it)."""
    document = grid_document(reference(case), "Eve", case)
    item, hypothesis = next(iter(document["ratings"])), case.hypotheses.index[0]
    expected_rating = 'one of CC, C, N, I, II or "" (not rated yet)'

    def changed(edit) -> str:
        copy = json.loads(json.dumps(document))
        edit(copy)
        return json.dumps(copy)

    other = other_case(case)
    foreign = grid_document(reference(other), "Eve", other)
    # The shipped cases share an id or two: the sentence counts the others.
    alien = [e for e in foreign["ratings"] if e not in case.evidence.index]
    which, verb = ((f"{len(alien)} of its {len(foreign['ratings'])} evidence ids", "do not belong")
                   if len(alien) < len(foreign["ratings"]) else
                   ("none of its evidence ids", "belongs"))
    return {
        "malformed.json": ('{"kind": "casebook-ach-grid", ', "malformed.json: not JSON (line 1, "
                           "column 31: Expecting property name enclosed in double quotes): "
                           "expected a saved grid"),
        "unknown_hypothesis.json": (
            changed(lambda d: d["ratings"][item].update({"h_nowhere": "C"})),
            f"unknown_hypothesis.json: cell ({item}, h_nowhere): 'h_nowhere' is not a "
            f"hypothesis of this case: expected one of {', '.join(case.hypotheses.index)}"),
        "unknown_item.json": (
            changed(lambda d: d["ratings"].update({"ev_nowhere": d["ratings"][item]})),
            "unknown_item.json: evidence 'ev_nowhere' is not an item of evidence of this "
            f"case: expected one of {', '.join(reference(case, hindsight=True).index)}"),
        "outside.json": (
            changed(lambda d: d["ratings"][item].update({hypothesis: "CCC"})),
            f'outside.json: cell ({item}, {hypothesis}) is "CCC": expected {expected_rating}'),
        "missing.json": (
            changed(lambda d: d["ratings"][item].pop(hypothesis)),
            f"missing.json: cell ({item}, {hypothesis}) is missing: expected {expected_rating}"),
        "other_case.json": (
            json.dumps(foreign),
            f"other_case.json: {which} ("
            + ", ".join(alien[:3]) + (", ..." if len(alien) > 3 else "")
            + f") {verb} to the case {case.title!r} (it was saved for "
            f"{shown(other.title)}): expected a grid saved for this case"),
    }


def test_each_bad_file_says_what_is_wrong_and_changes_nothing(case, grid, tmp_path):
    grid.cells[next(iter(grid.cells))].value = ""
    grid.your_name.value = "Bo"
    state = (dict(grid.ratings), grid.your_name.value, grid.figure.value,
             grid.description.value, grid.items_table.value)
    for name, (text, problem) in bad_files(case).items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        grid.file_name.value = name
        grid.load_button.click()
        assert grid.file_message.value == (
            f"<p><b>Nothing was changed.</b></p><ul><li>{html.escape(problem)}</li></ul>"), name
        assert path.read_text(encoding="utf-8") == text
        assert (dict(grid.ratings), grid.your_name.value, grid.figure.value,
                grid.description.value, grid.items_table.value) == state


def test_a_file_not_saved_by_the_course_is_never_replaced(case, grid, tmp_path):
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": 1}', encoding="utf-8")
    grid.your_name.value = "Ana"
    grid.file_name.value = "notes.json"
    grid.save_button.click()
    grid.yes_button.click()
    assert "not a saved grid: it is never replaced" in grid.file_message.value
    assert grid.file_message.value.startswith("<p><b>Nothing was saved.</b></p>")
    assert notes.read_text(encoding="utf-8") == '{"mine": 1}'


# -- before anything runs -------------------------------------------------------------------

def test_the_static_view_shows_the_grid_the_chart_and_its_description(case):
    panel = rating_grid_widget(case, start="reference")
    grid = panel.grid
    page, text = grid.static_view()
    known = reference(case)
    description = describe_ranking(ach.ranking(known, weights(case)))
    assert f'alt="{html.escape(description, quote=True)}"' in page
    assert text == (f"Rated {known.size} of {known.size} cells ({len(known)} items x "
                    f"{known.shape[1]} hypotheses, knowable on "
                    f"{case.article.date.spelled()}). {description}")
    first = known.index[0]
    assert html.escape(grid.names[first]) in page
    assert "What each item does to the ranking." in page
    bundle = panel._repr_mimebundle_()
    assert bundle["text/plain"] == text and "VBox(" not in bundle["text/html"]
    blank_page, blank_text = rating_grid_widget(case).grid.static_view()
    assert blank_text.startswith(f"Rated 0 of {known.size} cells")
    assert "\u2014" in blank_page  # cells not rated read as a dash, not as nothing


def test_the_naive_redraw_makes_a_new_figure_on_every_change(case, tmp_path):
    grid = rating_grid_widget(case, start="reference", folder=tmp_path,
                              redraw="new_figure").grid
    first = grid.chart.figure
    item, leader = leader_changing_cell(case)
    grid.cells[(item, leader)].value = "II"
    assert grid.chart.figure is not first
    assert grid.chart.description == describe_ranking(
        expected_ranking(case, {(item, leader): "II"}))
