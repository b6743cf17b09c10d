"""The class's weightings side by side (casebook.model.seminar, casebook.plots.seminar), on
both shipped cases and on folders made in the test."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from casebook.model import seminar
from casebook.model import weights as model
from casebook.plots import seminar as plots
from casebook.weights_file import save_weights


def _factors(case) -> list[str]:
    return list(case.factors.index)


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def folder(case, tmp_path):
    """A class of three readable files and one of each kind of bad file."""
    factors = _factors(case)
    presets = case.weight_matrix()
    for k, (_preset, weights) in enumerate(presets.iloc[:3].iterrows(), start=1):
        save_weights(tmp_path / f"s{k}.json", weights.to_dict(), f"Student {k}", factors)
    (tmp_path / "broken.json").write_text('{"kind": "casebook-weights", ', encoding="utf-8")
    (tmp_path / "lesson.ipynb").write_text(json.dumps({"cells": []}), encoding="utf-8")
    (tmp_path / "other_program.json").write_text(json.dumps({"x": 1}), encoding="utf-8")
    other = {"kind": "casebook-weights", "format_version": 1, "name": "Elsewhere",
             "method": "sliders", "case": "Another course entirely",
             "weights": {"zz_one": 3, "zz_two": 4}}
    (tmp_path / "other_case.json").write_text(json.dumps(other), encoding="utf-8")
    negative = json.loads((tmp_path / "s1.json").read_text(encoding="utf-8"))
    negative["name"], negative["weights"][factors[0]] = "Negative", -2
    (tmp_path / "negative.json").write_text(json.dumps(negative), encoding="utf-8")
    missing = json.loads((tmp_path / "s2.json").read_text(encoding="utf-8"))
    missing["name"] = "Missing"
    del missing["weights"][factors[-1]]
    (tmp_path / "missing.json").write_text(json.dumps(missing), encoding="utf-8")
    shutil.copy(tmp_path / "s1.json", tmp_path / "s1_copy.json")  # the same file twice
    twice = json.loads((tmp_path / "s2.json").read_text(encoding="utf-8"))
    twice["name"] = " student  2 "  # the same student, another weighting
    twice["weights"][factors[0]] = (twice["weights"][factors[0]] + 1) % 11
    (tmp_path / "s2_again.json").write_text(json.dumps(twice), encoding="utf-8")
    (tmp_path / "README.md").write_text("about this folder", encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{", encoding="utf-8")
    return tmp_path


def test_read_class_counts_the_good_files_and_lists_each_bad_one_once(case, folder):
    before = _snapshot(folder)
    read = seminar.read_class(folder, case)
    assert read.weightings.index.to_list() == ["s1.json", "s2.json", "s3.json"]
    assert read.weightings.columns.to_list() == ["name", "method", *_factors(case)]
    assert np.allclose(read.shares().sum(axis=1), 1)
    expected = case.weight_matrix().iloc[:3]
    expected = expected.div(expected.sum(axis=1), axis=0)
    assert np.allclose(read.shares().to_numpy(), expected.to_numpy())
    reasons = dict(zip(read.skipped["file"], read.skipped["reason"], strict=True))
    assert sorted(reasons) == ["broken.json", "lesson.ipynb", "missing.json", "negative.json",
                               "other_case.json", "other_program.json", "s1_copy.json",
                               "s2_again.json"]
    assert reasons["broken.json"].startswith("not JSON (line 1")
    assert "ends .ipynb" in reasons["lesson.ipynb"]
    assert "key 'kind' is missing" in reasons["other_program.json"]
    assert reasons["other_case.json"].startswith("saved for another case (Another course")
    assert f"'weights.{_factors(case)[0]}' is -2" in reasons["negative.json"]
    assert f"has no '{_factors(case)[-1]}'" in reasons["missing.json"]
    assert reasons["s1_copy.json"] == ("the same weighting as s1.json (same name and shares): "
                                       "counted once")
    assert reasons["s2_again.json"].startswith("a second weighting named 'student  2', "
                                               "after s2.json, which is counted")
    assert all(not r.startswith(f) for f, r in reasons.items())  # the name is not repeated
    assert read.problem is None
    assert _snapshot(folder) == before


def test_an_empty_or_missing_folder_is_a_sentence_not_an_error(case, tmp_path):
    read = seminar.read_class(tmp_path, case)
    assert read.weightings.empty and read.skipped.empty
    assert read.problem.endswith("holds no files: expected the weightings saved in lesson 06 "
                                 "(.json files)")
    gone = seminar.read_class(tmp_path / "nowhere", case)
    assert gone.problem.endswith("does not exist: expected the folder of saved weightings")
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    none = seminar.read_class(tmp_path, case)
    assert none.problem == f"none of the 1 files in {tmp_path} could be read as a weighting"
    assert none.skipped["file"].to_list() == ["bad.json"]


def test_progress_is_reported_after_each_file(case, folder):
    calls = []
    seminar.read_class(folder, case, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(k, 11) for k in range(1, 12)]  # 3 read + 8 skipped; README, hidden: no


def test_demo_folder_reads_with_the_skips_its_readme_announces(case):
    read = seminar.read_class(seminar.demo_folder(case), case)
    readme = (seminar.demo_folder(case) / "README.md").read_text(encoding="utf-8")
    assert len(read.weightings) >= 8
    assert len(read.skipped) >= 1
    for file in read.skipped["file"]:
        assert f"`{file}`" in readme
    assert read.weightings["name"].str.match(r"Student \d\d$").all()


def test_factor_spread_numbers_and_split_rule(case):
    factors = _factors(case)
    k = len(factors)
    # Eight weightings: the first factor's share is spread widely, the rest shared equally.
    first = np.array([0.0, 0.05, 0.1, 0.2, 0.6, 0.7, 0.8, 0.9])
    shares = pd.DataFrame({factors[0]: first}, index=[f"f{i}.json" for i in range(8)])
    for f in factors[1:]:
        shares[f] = (1 - first) / (k - 1)
    weightings = shares.assign(name="n", method="sliders")
    spread = seminar.factor_spread(weightings, case)
    row = spread.loc[factors[0]]
    assert row["median"] == pytest.approx(0.4)
    assert row["q1"] == pytest.approx(0.0875) and row["q3"] == pytest.approx(0.725)
    assert row["iqr"] == pytest.approx(0.6375)
    assert (row["min"], row["max"]) == (0.0, 0.9)
    assert row["verdict"] == seminar.SPLITS
    assert row["article"] == pytest.approx(seminar.article_shares(case)[factors[0]])
    # The others' IQR is 0.6375 / (k - 1): a split only if that reaches 1 / k.
    other = spread.loc[factors[1], "verdict"]
    assert other == (seminar.SPLITS if 0.6375 / (k - 1) >= 1 / k else seminar.AGREES)
    assert spread["label"].to_list() == case.factors["short_label"].to_list()
    text = seminar.describe_spread(spread)
    assert f"splits on {row['label']} (the middle half of the class spans 63." in text
    assert seminar.split_rule(k).endswith(f"with {k} factors, the threshold is "
                                          f"{100 / k:.1f} points of share.")


def test_too_few_weightings_get_no_verdict(case):
    weightings = seminar.preset_shares(case).iloc[:3].assign(name="n", method="m")
    spread = seminar.factor_spread(weightings, case)
    assert set(spread["verdict"]) == {seminar.TOO_FEW}
    assert seminar.describe_spread(spread).startswith("Too few weightings")


def test_groups_recover_planted_clusters(case):
    readings = seminar.preset_shares(case).iloc[:2].to_numpy()
    rng = np.random.default_rng(1)
    points = np.vstack([readings[0] + rng.normal(0, 0.005, (5, readings.shape[1])),
                        readings[1] + rng.normal(0, 0.005, (4, readings.shape[1]))])
    points = np.clip(points, 0, None)
    points /= points.sum(axis=1, keepdims=True)
    order = [0, 5, 1, 6, 2, 7, 3, 8, 4]  # interleaved files
    shares = pd.DataFrame(points[order], columns=_factors(case),
                          index=[f"f{i}.json" for i in range(9)])
    weightings = shares.assign(name=[f"N{i}" for i in range(9)], method="sliders")
    grouped = seminar.groups(weightings, case)
    assert grouped["group"].to_list() == [1, 2, 1, 2, 1, 2, 1, 2, 1]
    described = seminar.describe_groups(weightings, grouped, case)
    assert described["size"].to_list() == [5, 4]
    assert described["nearest reading"].to_list() == case.presets["label"].iloc[:2].to_list()
    assert described.loc[1, "members"] == "N0, N2, N4, N6, N8"


def test_one_group_when_no_structure():
    # Every weighting all on one factor: all equally far apart, so no grouping fits better.
    shares = pd.DataFrame(np.eye(5), columns=list("abcde"))
    labels, width = seminar.group_labels(shares)
    assert set(labels) == {1} and width is None


def test_average_linkage_agrees_with_a_hand_computation():
    matrix = np.array([[0, 2, 6, 10], [2, 0, 5, 9], [6, 5, 0, 4], [10, 9, 4, 0]], float)
    merges = seminar.average_linkage(matrix)
    # (0,1) at 2; then (2,3) at 4; then {0,1}-{2,3}: mean of 6, 10, 5, 9 = 7.5.
    assert merges == [(0, 1, 2.0), (2, 3, 4.0), (0, 2, 7.5)]
    assert seminar.cut(merges, 4, 2).tolist() == [1, 1, 2, 2]


def test_nearest_readings_and_fit_match_lesson_06(case):
    read = seminar.read_class(seminar.demo_folder(case), case)
    nearest = seminar.nearest_readings(read.weightings, case)
    readings = seminar.preset_shares(case)
    fit = seminar.class_fit(read.weightings, case)
    for file, shares in read.shares().iterrows():
        gaps = np.sqrt(((readings - shares) ** 2).sum(axis=1))
        assert nearest.loc[file, "preset_id"] == gaps.idxmin()
        assert nearest.loc[file, "distance"] == pytest.approx(gaps.min(), abs=1e-4)
        tested = model.weigh(case, shares)
        assert (fit.loc[file, "explained"], fit.loc[file, "of"]) == tested.explained
        assert fit.loc[file, list(case.options.index)].to_list() == tested.predicted.to_list()
    assert nearest["holder"].to_list() == case.presets.loc[nearest["preset_id"],
                                                           "holder"].to_list()


def test_average_and_comparison_with_the_article(case):
    read = seminar.read_class(seminar.demo_folder(case), case)
    average = seminar.class_average(read.weightings, case)
    assert average.sum() == pytest.approx(1)
    assert average.to_numpy() == pytest.approx(read.shares().mean().to_numpy())
    table = seminar.compare_with_article(read.weightings, case)
    article = seminar.article_shares(case)
    assert table["difference"].to_numpy() == pytest.approx(
        (average - article).to_numpy(), abs=1e-4)
    assert table.attrs["article explains"] == model.weigh(case, article).explained[0]
    assert table.attrs["class explains"] == model.weigh(case, average).explained[0]


def test_spread_chart_draws_the_numbers_it_describes(case):
    read = seminar.read_class(seminar.demo_folder(case), case)
    spread = seminar.factor_spread(read.weightings, case)
    chart = plots.spread_chart(spread, read.shares())
    boxes = chart.figure.axes[0].patches
    assert [round(b.get_width(), 6) for b in boxes] == [round(v * 100, 6) for v in spread["iqr"]]
    assert [b.get_hatch() for b in boxes] == ["//" if v == seminar.SPLITS else None
                                              for v in spread["verdict"]]
    for row in spread.itertuples():
        assert (f"{row.label}: median {row.median * 100:.1f}%, middle half "
                f"{row.q1 * 100:.1f}% to {row.q3 * 100:.1f}%") in chart.description
    assert f"across {len(read.weightings)} weightings" in chart.description
    assert chart.table["median"].to_list() == (spread["median"] * 100).round(1).to_list()


def test_nearest_chart_counts_each_reading(case):
    read = seminar.read_class(seminar.demo_folder(case), case)
    nearest = seminar.nearest_readings(read.weightings, case)
    counts = plots.nearest_counts(nearest, case.presets["label"])
    assert counts.sum() == len(read.weightings)
    assert counts.index.to_list() == case.presets["label"].to_list()
    article = case.presets.loc[model.article_preset(case.presets, case.article.source_id),
                               "label"]
    chart = plots.nearest_chart(counts, article)
    bars = chart.figure.axes[0].patches
    assert [int(b.get_width()) for b in bars] == counts.to_list()
    assert [b.get_hatch() for b in bars].count("//") == 1
    assert f"{article} {counts[article]} (the article's reading, hatched bar)" in \
        chart.description
