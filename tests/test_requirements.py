"""Lesson requirements: what each lesson needs beyond tables that load, and validate's report
of which lessons a case can run. Each broken case below once validated with 0 problems and
then failed inside the lesson named (confirmed by running the lesson on such a copy)."""

import shutil
from dataclasses import replace

import pandas as pd
import pytest

from casebook import load_case, schema
from casebook.cli import main
from casebook.requirements import (
    LESSON_NEEDS,
    lesson_number,
    lessons_report,
    own_factors,
    tables_used,
    unmet,
)
from conftest import DATA, REPO

READY = ["00", "01", "02", "03", "04", "05", "06", "07", "09", "10"]


@pytest.mark.parametrize("lesson", READY)
def test_the_shipped_case_meets_every_ready_lessons_needs(case, lesson):
    assert unmet(case, lesson) == []


def test_every_ready_lesson_of_lessons_csv_declares_its_needs(case):
    ready = {lesson_number(i) for i in case.lessons.index[case.lessons["status"] == "ready"]}
    assert ready == set(LESSON_NEEDS)


def test_the_report_calls_every_ready_lesson_runnable_and_planned_ones_planned(case):
    lines = lessons_report(case).splitlines()
    ready = case.lessons.index[case.lessons["status"] == "ready"]
    planned = case.lessons.index[case.lessons["status"] == "planned"]
    assert [f"  {i}: runnable." for i in ready] == [line for line in lines if "runnable" in line]
    assert sum("planned" in line for line in lines) == len(planned)
    assert "cannot run" not in lessons_report(case)


def _article_preset_elsewhere(case):
    presets = case.presets.copy()
    presets.loc[presets["source_id"] == case.article.source_id, "source_id"] = None
    return replace(case, presets=presets)


def test_no_preset_reading_the_article_blocks_lessons_04_and_06(case):
    broken = _article_preset_elsewhere(case)
    for lesson in ("04", "06"):
        found = unmet(broken, lesson)
        assert len(found) == 1, found
        assert found[0].startswith("presets.csv, column 'source_id': 0 row(s) cite the article")
        assert f"'{case.article.source_id}'" in found[0]
    assert unmet(broken, "07") == []


def test_two_hypotheses_citing_the_article_block_lesson_04(case):
    hypotheses = case.hypotheses.copy()
    hypotheses["source_id"] = case.article.source_id
    found = unmet(replace(case, hypotheses=hypotheses), "04")
    assert found == [f"hypotheses.csv, column 'source_id': {len(hypotheses)} row(s) cite the "
                     f"article ('{case.article.source_id}', [article] source_id in "
                     "metadata.toml); expected exactly one."]


def test_no_supported_behaviour_row_from_the_votes_blocks_lesson_06(case):
    behaviour = case.behaviour.copy()
    behaviour.loc[behaviour["source_id"].isin(set(case.un_votes["source_id"])),
                  "observed"] = "mixed"
    found = unmet(replace(case, behaviour=behaviour), "06")
    assert len(found) == 1 and found[0].startswith("behaviour.csv, columns 'observed' and "
                                                   "'source_id': no row marked 'supported'")


def test_fewer_than_two_presets_from_texts_blocks_lesson_04(case):
    presets = case.presets.copy()
    keep = presets.index[presets["weights_basis"] == "from_texts"][0]
    presets.loc[presets.index != keep, "weights_basis"] = "illustrative"
    found = unmet(replace(case, presets=presets), "04")
    assert found == ["presets.csv, column 'weights_basis': 1 preset(s) 'from_texts'; expected at "
                     "least 2 (the article's and another reading drawn from a text, which the "
                     "lesson compares)."]


def test_own_factors_needed_by_lessons_03_and_04(case):
    column = next(c for c in case.factors.columns if set(case.factors[c]) == {"yes", "no"})
    for keep, blocked in ((3, {"04"}), (1, {"03", "04"})):
        factors = case.factors.copy()
        factors.loc[own_factors(case).index[keep:], column] = "no"
        broken = replace(case, factors=factors)
        short = {lesson for lesson in READY
                 if any("factor(s) marked 'yes'" in m for m in unmet(broken, lesson))}
        assert short == blocked
        assert f"factors.csv, column '{column}': {keep} factor(s) marked 'yes'" in \
            unmet(broken, "04")[0]


def test_no_vote_before_the_article_blocks_lesson_05(case):
    later = case.un_votes["date"].map(lambda d: d.first_day > case.article.date.last_day)
    found = unmet(replace(case, un_votes=case.un_votes[later]), "05")
    assert len(found) == 1 and "un_votes.csv, column 'date'" in found[0]
    assert str(case.article.date) in found[0]


def test_evidence_all_after_the_article_blocks_lesson_04(case):
    evidence = case.evidence.copy()
    evidence["date"] = [case.article.date.__class__(case.article.year + 3)] * len(evidence)
    found = unmet(replace(case, evidence=evidence), "04")
    assert found == [f"evidence.csv, column 'date': every row is dated after the article "
                     f"({case.article.date}); expected at least one that a reader could know "
                     "then."]


def test_hindsight_naming_no_event_blocks_lesson_09(case):
    hindsight = case.hindsight.assign(event_ids=None)
    found = unmet(replace(case, hindsight=hindsight), "09")
    assert found and found[0].startswith("hindsight.csv, column 'event_ids': no row names")


def test_no_event_in_the_articles_year_blocks_lesson_00(case):
    other_years = case.events["date"].map(lambda d: d.year != case.article.year)
    found = unmet(replace(case, events=case.events[other_years]), "00")
    assert found == [f"events.csv, column 'date': no event in {case.article.year}, the "
                     "article's year; expected at least one."]


def test_an_absent_optional_table_is_named_once_for_each_lesson_that_reads_it(case):
    broken = replace(case, absent=("claims",))
    blocked = {lesson for lesson in READY if unmet(broken, lesson)}
    assert blocked == {lesson for lesson in READY if "claims" in tables_used(lesson)}
    assert unmet(broken, "02") == ["claims.csv: the case has no such file (it is optional); "
                                   "the lesson reads it."]


def test_tables_used_knows_each_lesson_and_is_cautious_about_others():
    assert tables_used("07") == ("actors", "periods", "relations", "sources")
    assert tables_used("notebooks/07_actor_relationships.ipynb") == tables_used("7")
    for lesson in ("99", "not a lesson"):
        assert tables_used(lesson) == tuple(schema.TABLES)
    for lesson in LESSON_NEEDS:
        assert set(tables_used(lesson)) <= set(schema.TABLES)


def test_a_lesson_that_is_not_a_number_is_refused_with_its_name():
    with pytest.raises(ValueError, match="lesson 'weights': expected a lesson number"):
        unmet(None, "weights")


@pytest.mark.pins_shipped_case("the lessons this test expects to be blocked")
def test_validate_reports_a_blocked_lesson_and_still_exits_zero(case, tmp_path, capsys):
    folder = tmp_path / "case"
    shutil.copytree(DATA, folder)
    presets = pd.read_csv(folder / "presets.csv", dtype=str, keep_default_na=False)
    presets.loc[presets["source_id"] == case.article.source_id, "source_id"] = ""
    presets.to_csv(folder / "presets.csv", index=False)
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    blocked = [line for line in out.splitlines() if line.endswith(": cannot run; missing:")]
    assert [line.split(":")[0].strip()[:2] for line in blocked] == ["04", "06"]
    assert "presets.csv, column 'source_id': 0 row(s) cite the article" in out
    assert out.rstrip().endswith("2 lesson(s) cannot run on this case. The data is still "
                                 "valid; add what is listed to run them.")


def test_validate_with_table_problems_exits_one_and_defers_the_lessons(tmp_path, capsys):
    folder = tmp_path / "case"
    shutil.copytree(DATA, folder)
    (folder / "actors.csv").write_text("actor_id\n", encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.rstrip().endswith("Lessons: checked once the problems above are fixed.")
    assert "actors.csv" in err and "Traceback" not in err


def test_lesson_03_needs_an_economic_event_of_the_focus_actor(tmp_path):
    """Without one, its chart of the economic motive has nothing to draw (it crashed)."""
    import csv

    copy = tmp_path / "case"
    shutil.copytree(REPO / "tests" / "second_case", copy)
    with (copy / "events.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle)]
    dropped = {r["event_id"] for r in rows if r["category"] == "economy"}
    assert dropped, "the second case should have an economic event to drop"
    with (copy / "events.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if r["event_id"] not in dropped)
    for name in ("evidence.csv", "relations.csv", "hindsight.csv"):
        text = (copy / name).read_text(encoding="utf-8")
        for event_id in dropped:
            text = text.replace(event_id, "")
        (copy / name).write_text(text, encoding="utf-8")
    missing = unmet(load_case(copy), "03")
    assert len(missing) == 1 and missing[0].startswith(
        "events.csv and categories.csv: no event of the focus actor in the lanes of the "
        "motive the article folds into its first factor")
    assert unmet(load_case(REPO / "tests" / "second_case"), "03") == []


def test_lesson_10_needs_a_readable_demo_class(tmp_path):
    copy = tmp_path / "case"
    shutil.copytree(REPO / "tests" / "second_case", copy)
    assert unmet(load_case(copy), "10") == []
    shutil.rmtree(copy / "class_demo")
    assert unmet(load_case(copy), "10") == [
        "class_demo/: no such folder in the case folder; expected weighting files saved from "
        "lesson 06 (the data dictionary's 'A demo class')."]
    (copy / "class_demo").mkdir()
    (copy / "class_demo" / "broken.json").write_text("{", encoding="utf-8")
    assert unmet(load_case(copy), "10")[0].startswith(
        "class_demo/: no file there could be read as a weighting of this case's factors")
