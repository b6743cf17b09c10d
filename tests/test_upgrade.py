"""A case folder made for the previous schema: loading it names each old column, its
replacement and `casebook upgrade`; the upgrade rewrites it (with a backup) into a folder that
loads with the same votes, and leaves a folder that already fits untouched."""

import csv
import io
import shutil
from pathlib import Path

import pytest

from casebook import CaseDataError, load_case
from casebook.cli import main
from casebook.model import ach, votes
from conftest import DATA

OLD = Path(__file__).parent / "cases" / "old_schema"


@pytest.fixture
def old_folder(tmp_path):
    """The live case with the old schema's files laid over it and the new tables removed."""
    folder = tmp_path / "old_case"
    shutil.copytree(DATA, folder)
    for name in ("un_votes.csv", "factors.csv", "metadata.toml"):
        shutil.copyfile(OLD / name, folder / name)
    (folder / "member_votes.csv").unlink()
    (folder / "categories.csv").unlink()
    _drop_columns(folder / "evidence.csv", ("label", "credibility", "relevance"))
    return folder


def _drop_columns(path: Path, names: tuple[str, ...]) -> None:
    """Rewrite a CSV file without the named columns (the live file in the old schema)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    keep = [i for i, name in enumerate(rows[0]) if name not in names]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[r[i] for i in keep] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def test_loading_an_old_folder_names_each_old_column_and_the_upgrade(old_folder):
    with pytest.raises(CaseDataError) as raised:
        load_case(old_folder)
    problems = [str(p) for p in raised.value.problems]
    command = f"`casebook upgrade {old_folder}`"
    assert problems[0] == (
        "factors.csv, row 1, column 'in_blank_framework': found a column name of the previous "
        "schema; expected the column 'in_article', which replaces it with the same values "
        f"({command} renames it).")
    assert [p.split(":")[0] for p in problems[1:3]] == [
        "un_votes.csv, row 1, column 'russia_vote'", "un_votes.csv, row 1, column 'china_vote'"]
    assert all("rows of member_votes.csv (vote_id, actor_id, vote)" in p and command in p
               for p in problems[1:3])
    assert problems[3].startswith("categories.csv: the case has no such file; expected this "
                                  "file, which declares the kinds of event")
    assert problems[4] == (
        "evidence.csv, row 1, column 'label': no columns label, credibility and relevance; "
        "expected the columns label, credibility and relevance "
        f"({command} adds them: a blank label, and M for the grades in every row, which "
        "weighs each item as before).")
    assert len(problems) == 5


@pytest.mark.pins_shipped_case("tests/cases/old_schema/, the old-format copy of the votes "
                                "and factors, which must hold the same rows")
def test_upgrade_rewrites_the_folder_keeps_a_backup_and_loads_with_the_same_votes(
        old_folder, capsys):
    old_votes = (OLD / "un_votes.csv").read_text(encoding="utf-8")
    assert main(["upgrade", str(old_folder)]) == 0
    out = capsys.readouterr().out
    assert "factors.csv: rename the column 'in_blank_framework' to 'in_article'" in out
    assert "('russia_vote' -> RUS, 'china_vote' -> CHN): 28 rows" in out
    assert 'add compare_actor = "CHN" under [case]' in out
    backups = list(old_folder.glob("backup-*"))
    assert len(backups) == 1
    assert (backups[0] / "un_votes.csv").read_text(encoding="utf-8") == old_votes
    assert sorted(p.name for p in backups[0].iterdir()) == [
        "evidence.csv", "factors.csv", "metadata.toml", "un_votes.csv"]

    case, live = load_case(old_folder), load_case(DATA)
    assert case.compare_actor == "CHN" and case.voters == live.voters
    assert case.un_votes.equals(live.un_votes)
    assert case.member_votes.equals(live.member_votes)
    # The old factors.csv has no aliases column, an optional one: it loads blank.
    assert case.factors["aliases"].isna().all()
    assert case.factors.drop(columns="aliases").equals(live.factors.drop(columns="aliases"))
    # Each old cell is now a row: Russia's vote on 2375, read from the old file's text.
    row = next(line for line in old_votes.splitlines() if line.startswith("res_2375,"))
    assert votes.votes_of(case.member_votes, "RUS")["res_2375"] == "yes" and ",yes,yes," in row
    # The categories the events use, one lane each, for the instructor to group.
    assert set(case.categories.index) == set(live.events["category"])
    assert case.categories["lane"].is_unique
    # The evidence keeps its rows, each graded M on both new columns, so each weighs 1.
    assert ("evidence.csv: add the columns label, credibility and relevance to each of its "
            f"{len(live.evidence)} rows, the label blank and the grades M") in out
    assert case.evidence["label"].isna().all()
    assert case.evidence["description"].equals(live.evidence["description"])
    assert set(case.evidence["credibility"]) == set(case.evidence["relevance"]) == {"M"}
    assert set(ach.evidence_weights(case.evidence)) == {1.0}


def test_upgrade_leaves_a_folder_that_fits_untouched(tmp_path, capsys):
    folder = tmp_path / "case"
    shutil.copytree(DATA, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert main(["upgrade", str(folder)]) == 0
    assert "already fits the current schema: nothing to change" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert not list(folder.glob("backup-*"))


def test_upgrade_says_which_vote_column_it_cannot_map_and_changes_nothing(old_folder, capsys):
    text = (old_folder / "un_votes.csv").read_text(encoding="utf-8")
    (old_folder / "un_votes.csv").write_text(text.replace("china_vote", "atlantis_vote", 1),
                                             encoding="utf-8")
    before = {p.name: p.read_bytes() for p in old_folder.iterdir() if p.is_file()}
    assert main(["upgrade", str(old_folder)]) == 1
    err = capsys.readouterr().err
    assert ("un_votes.csv: the column 'atlantis_vote' could not be mapped to an actor: no actor "
            "of actors.csv has the short name, id or name 'atlantis'") in err
    assert err.rstrip().endswith("Nothing was changed.")
    assert {p.name: p.read_bytes() for p in old_folder.iterdir() if p.is_file()} == before


def test_a_dry_run_only_says_what_would_change(old_folder, capsys):
    before = {p.name: p.read_bytes() for p in old_folder.iterdir() if p.is_file()}
    assert main(["upgrade", str(old_folder), "--dry-run"]) == 0
    assert "Dry run: nothing was written." in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in old_folder.iterdir() if p.is_file()} == before


def test_upgrade_refuses_a_folder_without_metadata(tmp_path, capsys):
    assert main(["upgrade", str(tmp_path)]) == 1
    assert "expected a case folder holding metadata.toml" in capsys.readouterr().err
