"""The saved-weights file (casebook.weights_file): a documented, versioned JSON format that
names its kind; clear messages for bad or foreign files; no silent overwrite; a folder of
files for the seminar."""

import json

import pytest

from casebook.weights_file import (
    FORMAT_VERSION,
    KIND,
    WeightsFileError,
    load_folder,
    load_weights,
    save_weights,
)

FACTORS = ["peace", "status", "money"]


def write(path, document):
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def good(**changes):
    document = {"kind": KIND, "format_version": FORMAT_VERSION, "name": "Ana",
                "method": "sliders", "weights": {"peace": 7, "status": 2.5, "money": 0}}
    document.update(changes)
    return document


def problems_of(path):
    with pytest.raises(WeightsFileError) as error:
        load_weights(path, FACTORS)
    return error.value.problems


def test_a_saved_file_reads_back_the_same_weights_name_and_method(tmp_path):
    path = save_weights(tmp_path / "ana.json", {"peace": 7, "status": 2.5, "money": 0}, " Ana ",
                        FACTORS, method="pairwise", case_title="Case", note="first try")
    saved = load_weights(path, FACTORS)
    assert saved.weights.to_dict() == {"peace": 7.0, "status": 2.5, "money": 0.0}
    assert (saved.name, saved.method, saved.note) == ("Ana", "pairwise", "first try")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["kind"] == "casebook-weights" and document["format_version"] == 1
    assert document["weights"] == {"peace": 7, "status": 2.5, "money": 0}
    assert document["shares"] == {"peace": 0.7368, "status": 0.2632, "money": 0.0}
    assert document["case"] == "Case"


def test_a_foreign_json_file_is_recognised_by_its_missing_kind(tmp_path):
    notebook = write(tmp_path / "lesson.json", {"cells": [], "nbformat": 4})
    assert problems_of(notebook) == [
        "lesson.json: key 'kind' is missing: expected 'casebook-weights'; this is not a "
        "weights file saved by the course"]
    other = write(tmp_path / "other.json", good(kind="settings"))
    assert problems_of(other) == [
        "other.json: key 'kind' is \"settings\": expected 'casebook-weights'; this is not a "
        "weights file saved by the course"]


def test_a_newer_format_version_is_refused_with_a_reason(tmp_path):
    path = write(tmp_path / "new.json", good(format_version=2))
    assert problems_of(path) == ["new.json: key 'format_version' is 2: expected 1 (saved by a "
                                 "newer version of the course?)"]


def test_every_problem_names_file_key_value_and_what_was_expected(tmp_path):
    path = write(tmp_path / "bad.json", good(name="", method="dice", weights={
        "peace": -1, "status": "high", "war": 3}))
    assert problems_of(path) == [
        "bad.json: key 'name' is \"\": expected a name, e.g. \"Ana's reading\"",
        "bad.json: key 'method' is \"dice\": expected one of sliders, pairwise or "
        "preset:<preset id>",
        "bad.json: key 'weights' has no 'money': expected one weight for every factor "
        "(peace, status, money)",
        "bad.json: key 'weights' has 'war', which is not a factor of this case: expected only "
        "peace, status, money",
        "bad.json: key 'weights.peace' is -1: expected a number from 0 to 10",
        "bad.json: key 'weights.status' is \"high\": expected a number from 0 to 10"]


@pytest.mark.parametrize("text, problem", [
    ("{not json", "broken.json: not JSON (line 1, column 2: Expecting property name enclosed in "
                  "double quotes): expected a saved-weights file"),
    ("[1, 2]", "broken.json: the file holds list, not an object: expected a saved-weights file"),
])
def test_text_that_is_not_a_weights_object_gets_a_message(tmp_path, text, problem):
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    assert problems_of(path) == [problem]


def test_all_zero_and_true_are_not_weights(tmp_path):
    zero = write(tmp_path / "zero.json", good(weights={"peace": 0, "status": 0, "money": 0}))
    assert problems_of(zero) == ["zero.json: every weight in 'weights' is 0: expected at least "
                                 "one above 0"]
    boolean = write(tmp_path / "bool.json", good(weights={"peace": True, "status": 1,
                                                          "money": 1}))
    assert problems_of(boolean) == ["bool.json: key 'weights.peace' is true: expected a number "
                                    "from 0 to 10"]


def test_a_missing_file_is_named(tmp_path):
    assert problems_of(tmp_path / "nobody.json") == [
        f"nobody.json: no such file in {tmp_path}: check the file name"]


def test_saving_never_replaces_a_file_without_overwrite(tmp_path):
    path = save_weights(tmp_path / "w.json", {"peace": 1, "status": 1, "money": 1}, "A", FACTORS)
    with pytest.raises(WeightsFileError) as error:
        save_weights(path, {"peace": 9, "status": 1, "money": 1}, "B", FACTORS)
    assert error.value.problems == [f"w.json exists already in {tmp_path}: choose another name, "
                                    "or save with overwrite=True to replace it"]
    assert load_weights(path, FACTORS).name == "A"
    save_weights(path, {"peace": 9, "status": 1, "money": 1}, "B", FACTORS, overwrite=True)
    assert load_weights(path, FACTORS).name == "B"


def test_a_file_that_is_not_a_weights_file_is_never_replaced(tmp_path):
    other = tmp_path / "notes.json"
    other.write_text('{"my": "notes"}', encoding="utf-8")
    with pytest.raises(WeightsFileError, match="exists and is not a saved-weights file"):
        save_weights(other, {"peace": 1, "status": 1, "money": 1}, "A", FACTORS, overwrite=True)
    assert other.read_text(encoding="utf-8") == '{"my": "notes"}'


def test_saving_refuses_bad_weights_and_names_without_writing(tmp_path):
    with pytest.raises(WeightsFileError) as error:
        save_weights(tmp_path / "w.json", {"peace": 0, "status": 0, "money": 0}, "A", FACTORS)
    assert error.value.problems == ["weights: every weight in 'weights' is 0: expected at least "
                                    "one above 0"]
    with pytest.raises(WeightsFileError, match="expected a name ending .json"):
        save_weights(tmp_path / "w.txt", {"peace": 1, "status": 0, "money": 0}, "A", FACTORS)
    with pytest.raises(WeightsFileError, match="name is \"  \": expected a name"):
        save_weights(tmp_path / "w.json", {"peace": 1, "status": 0, "money": 0}, "  ", FACTORS)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_loads_every_good_file_and_reports_each_bad_one_by_name(tmp_path):
    save_weights(tmp_path / "a.json", {"peace": 1, "status": 1, "money": 2}, "Ana", FACTORS)
    save_weights(tmp_path / "c.json", {"peace": 3, "status": 1, "money": 0}, "Chen", FACTORS)
    write(tmp_path / "b.json", good(weights={"peace": 11, "status": 1, "money": 1}))
    (tmp_path / "d.json").write_text("nonsense", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not read", encoding="utf-8")
    found = load_folder(tmp_path, FACTORS)
    assert [s.name for s in found.loaded] == ["Ana", "Chen"]
    assert found.problems == [
        "b.json: key 'weights.peace' is 11: expected a number from 0 to 10",
        "d.json: not JSON (line 1, column 1: Expecting value): expected a saved-weights file"]
    table = found.table({"peace": "Peace", "status": "Status", "money": "Money"})
    assert table.loc["Ana (a.json)"].to_dict() == {"Peace": 25.0, "Status": 25.0, "Money": 50.0}
    assert table.loc["Chen (c.json)", "Peace"] == 75.0


def test_a_missing_folder_is_one_problem(tmp_path):
    found = load_folder(tmp_path / "nowhere", FACTORS)
    assert found.loaded == [] and found.problems == [f"{tmp_path / 'nowhere'}: no such folder"]


def test_true_is_not_format_version_one(tmp_path):
    # In Python True == 1: a file saying "format_version": true must still be refused.
    path = write(tmp_path / "flag.json", good(format_version=True))
    assert problems_of(path) == ["flag.json: key 'format_version' is true: expected 1"]


def test_a_file_that_cannot_be_read_or_written_gets_a_message_not_a_traceback(tmp_path):
    # A plain file where a folder should be: fails the same way for every user, root included.
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x", encoding="utf-8")
    assert problems_of(blocker / "w.json") == [
        "w.json: cannot be read (Not a directory): expected a saved-weights file you may read"]
    with pytest.raises(WeightsFileError) as error:
        save_weights(blocker / "w.json", {"peace": 1, "status": 1, "money": 1}, "A", FACTORS)
    assert error.value.problems == [
        f"w.json: cannot be written in {blocker} (File exists): choose a folder you may write in"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]
