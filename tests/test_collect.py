"""`casebook collect DIR`: the summary, the CSV, the exit codes, and the folder untouched."""

from __future__ import annotations

import io
import shutil

import pandas as pd
import pytest

from casebook import cli
from casebook.collect import Progress
from casebook.model import seminar
from tests.conftest import CASES


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def demo(case, tmp_path):
    """A copy of the case's demo class (the shipped folder is never written to)."""
    return shutil.copytree(seminar.demo_folder(case), tmp_path / "class")


def _run(case, *args):
    return cli.main(["collect", *map(str, args), "--data", str(case.data_dir)])


def test_summary_lists_read_skipped_spread_and_nearest(case, demo, capsys):
    before = _snapshot(demo)
    assert _run(case, demo) == 0  # some files were skipped: still 0
    out = capsys.readouterr().out
    read = seminar.read_class(demo, case)
    assert out.splitlines()[0] == (f"Read {len(read.weightings)} weightings from {demo}; "
                                   f"skipped {len(read.skipped)}.")
    for row in read.skipped.itertuples():
        assert f"  - {row.file}: {row.reason}" in out
    spread = seminar.factor_spread(read.weightings, case)
    for row in spread.itertuples():
        assert f"median {row.median * 100:5.1f}%" in out
        assert f"{row.q1 * 100:5.1f}% to {row.q3 * 100:5.1f}%  {row.verdict}" in out
    nearest = seminar.nearest_readings(read.weightings, case)
    for file, row in nearest.iterrows():
        assert f"{file}  {row['name']}: {row['reading']} ({row['distance']:.3f})" in out
    assert seminar.split_rule(len(case.factors)) in out
    assert _snapshot(demo) == before


def test_csv_is_written_once_and_never_replaced_without_force(case, demo, tmp_path, capsys):
    before = _snapshot(demo)
    target = tmp_path / "class.csv"
    assert _run(case, demo, "--csv", target) == 0
    table = pd.read_csv(target, index_col="file")
    read = seminar.read_class(demo, case)
    assert table.index.to_list() == read.weightings.index.to_list()
    assert list(table.columns[:2 + len(case.factors)]) == ["name", "method",
                                                           *case.factors.index]
    assert table[list(case.factors.index)].sum(axis=1).round(2).eq(1).all()
    fit = seminar.class_fit(read.weightings, case)
    assert table["explained"].to_list() == fit["explained"].to_list()
    assert table["nearest_reading"].to_list() == seminar.nearest_readings(
        read.weightings, case)["preset_id"].to_list()
    written = target.read_bytes()
    capsys.readouterr()
    assert _run(case, demo, "--csv", target) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"{target} exists already: nothing written; choose another name, or add --force to "
        "replace it")
    target.write_text("mine", encoding="utf-8")
    assert _run(case, demo, "--csv", target, "--force") == 0
    assert target.read_bytes() == written
    assert _snapshot(demo) == before


def test_csv_name_must_end_csv(case, demo, tmp_path, capsys):
    weights = demo / sorted(p.name for p in demo.glob("*.json"))[0]
    before = _snapshot(demo)
    assert _run(case, demo, "--csv", weights, "--force") == 1
    assert "expected a file name ending .csv; nothing written" in capsys.readouterr().out
    assert _snapshot(demo) == before
    assert list(tmp_path.iterdir()) == [demo]


def test_csv_inside_the_folder_only_when_asked(case, demo):
    assert _run(case, demo, "--csv", demo / "class.csv") == 0
    assert (demo / "class.csv").is_file()
    assert not any(p.name.startswith(".collect-") for p in demo.iterdir())


def test_nothing_readable_exits_1(case, tmp_path, capsys):
    assert _run(case, tmp_path) == 1
    out = capsys.readouterr().out
    assert "holds no files" in out and out.rstrip().endswith("Nothing could be read.")
    (tmp_path / "a.json").write_text("not json", encoding="utf-8")
    before = _snapshot(tmp_path)
    assert _run(case, tmp_path, "--csv", tmp_path / "out.csv") == 1
    out = capsys.readouterr().out
    assert "  - a.json: not JSON (line 1, column 1" in out
    assert out.rstrip().endswith("Nothing could be read: no CSV written.")
    assert _snapshot(tmp_path) == before
    assert _run(case, tmp_path / "missing") == 1


def test_weightings_of_the_other_case_are_all_skipped(case, tmp_path, capsys):
    other = next(path for path in CASES.values() if path != case.data_dir)
    copy = shutil.copytree(other / seminar.DEMO_FOLDER, tmp_path / "other")
    assert _run(case, copy) == 1
    out = capsys.readouterr().out
    assert out.count("saved for another case (") >= 8


def test_progress_line_only_after_a_second():
    ticks = iter([0.0, 0.5, 1.2, 1.3, 2.0, 2.1])
    stream = io.StringIO()
    progress = Progress(stream, clock=lambda: next(ticks))
    for done in range(1, 6):
        progress(done, 5)
    assert stream.getvalue() == ("\rReading the folder: 2 of 5 files"
                                 "\rReading the folder: 4 of 5 files"
                                 "\rReading the folder: 5 of 5 files\n")
