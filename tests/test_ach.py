"""The ACH model (model/ach.py), its grid files (grid_file.py) and its ranking chart
(plots/ach.py): hand-made grids with numbers worked out by hand, and both shipped cases."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from casebook.grid_file import GridFileError, grid_document, load_grid, save_grid
from casebook.model import ach
from casebook.model.votes import is_hindsight
from casebook.plots.ach import ranking_chart, update_ranking_chart


def small_grid() -> pd.DataFrame:
    # e1: a I, b II, c C      -> a 1, b 2, c 0
    # e2: a N, b I,  c II     -> a 0, b 1, c 2
    # e3: a C, b C,  c C      -> nothing against anyone (not diagnostic)
    grid = pd.DataFrame({"a": ["I", "N", "C"], "b": ["II", "I", "C"], "c": ["C", "II", "C"]},
                        index=["e1", "e2", "e3"])
    grid.attrs = {"labels": {"a": "Alpha", "b": "Beta", "c": "Gamma"}, "hindsight": []}
    return grid


# -- scores and ranking ---------------------------------------------------------------------

def test_inconsistency_counts_i_as_one_and_ii_as_two():
    assert ach.inconsistency(small_grid()).to_dict() == {"a": 1.0, "b": 3.0, "c": 2.0}


def test_weights_multiply_each_item():
    weights = pd.Series({"e1": 2.0, "e2": 0.5, "e3": 1.0})
    # a: 2*1 = 2; b: 2*2 + 0.5*1 = 4.5; c: 0.5*2 = 1
    assert ach.inconsistency(small_grid(), weights).to_dict() == {"a": 2.0, "b": 4.5, "c": 1.0}


def test_a_missing_weight_is_named():
    with pytest.raises(ValueError, match="no weight for evidence e3"):
        ach.inconsistency(small_grid(), pd.Series({"e1": 1.0, "e2": 1.0}))


def test_evidence_weights_from_credibility_and_relevance():
    evidence = pd.DataFrame({"credibility": ["H", "L", "", "M"],
                             "relevance": ["H", "L", "H", None]}, index=["e1", "e2", "e3", "e4"])
    weights = ach.evidence_weights(evidence)
    assert weights.round(6).to_list() == [2.0, 0.5, round(math.sqrt(2), 6), 1.0]
    assert ach.evidence_weights(pd.DataFrame(index=["x"])).to_list() == [1.0]  # no columns: M
    with pytest.raises(ValueError, match="evidence e1: credibility is 'Q': expected H, M, L"):
        ach.evidence_weights(pd.DataFrame({"credibility": ["Q"]}, index=["e1"]))


def test_ranking_orders_by_least_inconsistency_with_consistent_counts():
    ranked = ach.ranking(small_grid())
    assert ranked.index.to_list() == ["a", "c", "b"]
    assert ranked["hypothesis"].to_list() == ["Alpha", "Gamma", "Beta"]
    assert ranked["rank"].to_list() == [1, 2, 3]
    assert ranked["consistent"].to_list() == [1, 2, 1]
    assert ranked["tied with"].to_list() == ["", "", ""]


def test_ties_share_a_rank_and_are_named():
    grid = small_grid()
    grid.loc["e2", "c"] = "I"  # c now 1, like a
    ranked = ach.ranking(grid)
    assert ranked["rank"].to_list() == [1, 1, 3]
    assert ranked.loc["a", "tied with"] == "Gamma" and ranked.loc["c", "tied with"] == "Alpha"
    assert ach.leaders(ranked) == ["a", "c"]


def test_weighted_ties_survive_rounding():
    grid = pd.DataFrame({"a": ["I", "N", "N"], "b": ["N", "I", "I"]}, index=["x", "y", "z"])
    third = 1 / 3
    weights = pd.Series({"x": 0.1 + 0.2, "y": 0.3 - third + third, "z": 0.0})
    assert ach.ranking(grid, weights)["rank"].to_list() == [1, 1]


def test_a_bad_cell_is_named():
    grid = small_grid()
    grid.loc["e2", "b"] = "X"
    with pytest.raises(ValueError, match=r"cell \(e2, b\) is 'X': expected one of CC, C, N, I, "):
        ach.ranking(grid)


def test_cells_not_rated_count_nothing():
    blank = ach.blank_grid(small_grid())
    assert ach.inconsistency(blank).to_list() == [0.0, 0.0, 0.0]
    assert ach.ranking(blank)["rank"].to_list() == [1, 1, 1]
    assert blank.attrs["labels"]["a"] == "Alpha"


# -- diagnosticity and sensitivity ----------------------------------------------------------

def test_diagnosticity_is_the_range_of_scores():
    spread = ach.diagnosticity(small_grid())
    # e1: II (-2) .. C (+1) = 3; e2: II (-2) .. N (0) = 2; e3 all C = 0
    assert spread.to_dict() == {"e1": 3.0, "e2": 2.0, "e3": 0.0}


def test_a_uniform_row_is_not_diagnostic_whatever_the_rating():
    for rating in ("II", "I", "N", "C", "CC"):
        grid = pd.DataFrame({"a": [rating], "b": [rating], "c": [rating]}, index=["e"])
        assert ach.diagnosticity(grid)["e"] == 0.0


def test_sensitivity_flags_the_item_the_ranking_hangs_on():
    # a leads only because of e1, which is against b; without e1, a and b tie.
    grid = pd.DataFrame({"a": ["N", "I", "C"], "b": ["II", "N", "I"]}, index=["e1", "e2", "e3"])
    grid.attrs = {"labels": {"a": "Alpha", "b": "Beta"}}
    # full: a 1, b 3 -> a leads
    table = ach.sensitivity(grid)
    assert table["top changes"].to_dict() == {"e1": True, "e2": False, "e3": False}
    assert table.loc["e1", "leaders without it"] == "Alpha; Beta"
    assert table.loc["e2", "leaders without it"] == "Alpha"
    assert table["order changes"].to_dict() == {"e1": True, "e2": False, "e3": False}


# -- the reference grid on both shipped cases -----------------------------------------------

def test_rating_grid_matches_the_ratings_table(case):
    full = ach.rating_grid(case, known_only=False)
    known = ach.rating_grid(case)
    assert list(full.columns) == list(case.hypotheses.index)
    assert len(full) == len(case.evidence)
    late = [e for e in case.evidence.index
            if is_hindsight(case.evidence.loc[e, "date"], case.article.date)]
    assert sorted(full.attrs["hindsight"]) == sorted(late)
    assert known.attrs["hindsight"] == [] and set(known.index).isdisjoint(late)
    # hindsight items kept apart: after every knowable item, each block in date order
    assert list(full.index) == list(known.index) + full.attrs["hindsight"]
    dates = [case.evidence.loc[e, "date"] for e in known.index]
    assert all(not later < earlier for earlier, later in zip(dates, dates[1:], strict=False))
    for _, row in case.ratings.iterrows():
        assert full.loc[row["evidence_id"], row["hypothesis_id"]] == str(row["rating"])


def test_case_scores_count_the_ratings_by_hand(case):
    grid = ach.rating_grid(case)
    ranked = ach.ranking(grid)
    known = case.ratings[case.ratings["evidence_id"].isin(grid.index)]
    for hypothesis in case.hypotheses.index:
        mine = known[known["hypothesis_id"] == hypothesis]["rating"].astype(str)
        by_hand = (mine == "I").sum() + 2 * (mine == "II").sum()
        assert ranked.loc[hypothesis, "inconsistency"] == by_hand
    assert ranked["inconsistency"].is_monotonic_increasing
    assert ranked["rank"].iloc[0] == 1


def test_case_sensitivity_and_diagnosticity_cover_every_item(case):
    grid = ach.rating_grid(case, known_only=False)
    assert list(ach.sensitivity(grid).index) == list(grid.index)
    spread = ach.diagnosticity(grid)
    uniform = grid.nunique(axis=1) == 1
    assert (spread[uniform] == 0).all() and (spread[~uniform] > 0).all()


# -- comparing grids ------------------------------------------------------------------------

def reasons_of(grid: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([{"evidence_id": e, "hypothesis_id": h, "rationale": f"why {e} {h}"}
                         for e in grid.index for h in grid.columns])


def test_compare_lists_each_differing_cell_with_the_reason():
    reference = small_grid()
    student = reference.copy()
    student.loc["e1", "a"] = "CC"  # I -> CC: 3 steps more consistent
    student.loc["e3", "c"] = ""  # not rated
    table = ach.compare_grids(student, reference, reasons_of(reference))
    assert table[["evidence_id", "hypothesis_id", "student", "reference"]].values.tolist() == [
        ["e1", "a", "CC", "I"], ["e3", "c", "", "C"]]
    assert table["steps"].iloc[0] == 3 and pd.isna(table["steps"].iloc[1])
    assert table["reference's reason"].to_list() == ["why e1 a", "why e3 c"]
    assert ach.compare_grids(reference, reference, reasons_of(reference)).empty


def test_compare_refuses_grids_of_different_shape():
    with pytest.raises(ValueError, match="differ in their evidence or hypotheses"):
        ach.compare_grids(small_grid().drop(index="e3"), small_grid(), reasons_of(small_grid()))


def test_compare_with_the_case_reference(case):
    reference = ach.rating_grid(case)
    student = ach.blank_grid(reference)
    table = ach.compare_grids(student, reference, case.ratings)
    assert len(table) == reference.size
    first = table.iloc[0]
    reason = case.ratings[(case.ratings["evidence_id"] == first["evidence_id"])
                          & (case.ratings["hypothesis_id"] == first["hypothesis_id"])]
    assert first["reference's reason"] == reason["rationale"].iloc[0]


# -- grid files -----------------------------------------------------------------------------

def test_file_round_trip_keeps_every_cell(case, tmp_path):
    grid = ach.rating_grid(case, known_only=False)
    first = grid.index[0]
    grid.loc[first, grid.columns[0]] = ""  # a cell not rated yet is kept
    path = save_grid(tmp_path / "mine.json", grid, "Ana", case)
    loaded = load_grid(path, case)
    assert loaded.equals(grid) and loaded.attrs == grid.attrs
    known = ach.rating_grid(case)
    save_grid(tmp_path / "known.json", known, "Ana", case)
    assert load_grid(tmp_path / "known.json", case).equals(known)


def write(tmp_path, document, name="bad.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def problems_of(path, case) -> list[str]:
    with pytest.raises(GridFileError) as raised:
        load_grid(path, case)
    return raised.value.problems


def good_document(case) -> dict:
    return grid_document(ach.rating_grid(case), "Ana", case)


def test_unknown_ids_are_named(case, tmp_path):
    document = good_document(case)
    first = next(iter(document["ratings"]))
    document["ratings"]["ev_nowhere"] = dict(document["ratings"][first])
    document["ratings"][first]["h_nowhere"] = "C"
    problems = problems_of(write(tmp_path, document), case)
    assert any("evidence 'ev_nowhere' is not an item of evidence of this case" in p
               for p in problems)
    assert f"bad.json: cell ({first}, h_nowhere): 'h_nowhere' is not a hypothesis of this " \
           "case: expected one of " + ", ".join(case.hypotheses.index) in problems


def test_a_rating_outside_the_scale_is_named(case, tmp_path):
    document = good_document(case)
    item, hypothesis = next(iter(document["ratings"])), case.hypotheses.index[0]
    document["ratings"][item][hypothesis] = "CCC"
    assert problems_of(write(tmp_path, document), case) == [
        f'bad.json: cell ({item}, {hypothesis}) is "CCC": expected one of CC, C, N, I, II or '
        '"" (not rated yet)']


def test_a_missing_cell_and_a_missing_item_are_named(case, tmp_path):
    document = good_document(case)
    items = list(document["ratings"])
    hypothesis = case.hypotheses.index[-1]
    del document["ratings"][items[0]][hypothesis]
    del document["ratings"][items[1]]
    problems = problems_of(write(tmp_path, document), case)
    assert f"bad.json: cell ({items[0]}, {hypothesis}) is missing: expected one of CC, C, N, " \
           'I, II or "" (not rated yet)' in problems
    assert any(p.startswith(f"bad.json: no ratings for evidence '{items[1]}'") for p in problems)
    assert len(problems) == 2


def test_another_cases_grid_is_recognised(case, tmp_path):
    document = good_document(case)
    document["case"] = "Some other case"
    document["ratings"] = {f"other_{e}": cells for e, cells in document["ratings"].items()}
    [problem] = problems_of(write(tmp_path, document), case)
    assert problem.startswith("bad.json: none of its evidence ids (other_")
    assert f"belongs to the case {case.title!r} (it was saved for \"Some other case\")" in problem


def test_foreign_and_malformed_files_are_refused(case, tmp_path):
    assert problems_of(write(tmp_path, {"kind": "casebook-weights"}), case) == [
        "bad.json: key 'kind' is \"casebook-weights\": expected 'casebook-ach-grid'; this is "
        "not a grid saved by the course"]
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert problems_of(broken, case)[0].startswith("broken.json: not JSON (line 1")
    assert problems_of(tmp_path / "none.json", case)[0].startswith("none.json: no such file")


def test_saving_never_overwrites_without_being_told(case, tmp_path):
    grid = ach.rating_grid(case)
    path = save_grid(tmp_path / "g.json", grid, "Ana", case)
    before = path.read_text(encoding="utf-8")
    with pytest.raises(GridFileError, match="g.json exists already"):
        save_grid(path, ach.blank_grid(grid), "Ana", case)
    assert path.read_text(encoding="utf-8") == before
    save_grid(path, ach.blank_grid(grid), "Ana", case, overwrite=True)
    assert (load_grid(path, case) == "").all().all()
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"mine": 1}', encoding="utf-8")
    with pytest.raises(GridFileError, match="not a saved grid: it is never replaced"):
        save_grid(foreign, grid, "Ana", case, overwrite=True)
    assert foreign.read_text(encoding="utf-8") == '{"mine": 1}'
    with pytest.raises(GridFileError, match="expected a name ending .json"):
        save_grid(tmp_path / "g.txt", grid, "Ana", case)


# -- the chart ------------------------------------------------------------------------------

def test_chart_bars_labels_and_description_follow_the_ranking():
    ranked = ach.ranking(small_grid())  # Alpha 1, Gamma 2, Beta 3
    chart = ranking_chart(ranked)
    assert [bar.get_width() for bar in chart.bars] == [1.0, 2.0, 3.0]
    assert [bar.get_hatch() for bar in chart.bars] == ["//", None, None]
    assert chart.bars[0].get_facecolor() != chart.bars[1].get_facecolor()
    assert [t.get_text() for t in chart.name_labels] == ["Alpha", "Gamma", "Beta"]
    assert chart.value_labels[0].get_text() == "1  ranks first"
    assert chart.description.endswith("Ranks first (hatched bar): Alpha, score 1. Then: "
                                      "Gamma 2; Beta 3.")
    assert chart.table["inconsistency"].to_list() == [1.0, 2.0, 3.0]
    assert chart.png().startswith(b"\x89PNG")


def test_update_changes_the_same_artists_and_returns_the_description():
    chart = ranking_chart(ach.ranking(small_grid()))
    bars, figure = list(chart.bars), chart.figure
    grid = small_grid()
    grid.loc["e2", "c"] = "I"  # Alpha and Gamma tie at 1
    text = update_ranking_chart(chart, ach.ranking(grid))
    assert chart.figure is figure and chart.bars == bars
    assert [bar.get_hatch() for bar in chart.bars] == ["//", "//", None]
    assert chart.value_labels[1].get_text() == "1  ranks first  (tied)"
    assert text == chart.description
    assert "Tied first (hatched bars): Alpha and Gamma, score 1 each. Then: Beta 3." in text
    with pytest.raises(ValueError, match="the ranking has 2 hypotheses and the chart 3"):
        update_ranking_chart(chart, ach.ranking(grid[["a", "b"]]))


def test_chart_on_the_case(case):
    ranked = ach.ranking(ach.rating_grid(case, known_only=False))
    chart = ranking_chart(ranked)
    assert [bar.get_width() for bar in chart.bars] == ranked["inconsistency"].to_list()
    for label in ranked["hypothesis"]:
        assert label in chart.description
    assert len(chart.png()) > 1000


def test_a_leader_with_nothing_against_it_is_described_as_the_chart_draws_it():
    grid = pd.DataFrame({"a": ["C", "N"], "b": ["I", "N"]}, index=["e1", "e2"])
    grid.attrs = {"labels": {"a": "Alpha", "b": "Beta"}}
    chart = ranking_chart(ach.ranking(grid))
    widths = [bar.get_width() for bar in chart.bars]
    assert widths[0] == 0 and widths[1] == 1  # the leader draws no bar to hatch
    assert "ranks first" in chart.value_labels[0].get_text()
    assert "Ranks first (no bar, since nothing counts against it" in chart.description
    assert "hatched" not in chart.description
    grid.loc["e2", "a"] = "I"
    grid.loc["e2", "b"] = "C"
    update_ranking_chart(chart, ach.ranking(grid))
    assert "Tied first (hatched bars): Alpha and Beta, score 1 each." in chart.description
