"""`casebook new`, the guide that validate gives while a new case is filled, and the relation
skeleton of `casebook relations`. An instructor's files are never overwritten."""

import csv
import re
import tomllib

import pytest

from casebook import schema
from casebook.cli import main
from casebook.new_case import fill_order, new_case

ACTORS = "actor_id,name,short_name,x,y,description\n"
PERIODS = "period_id,label,start_year,end_year,description,source_id\n"


def _rows(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


@pytest.fixture
def fresh(tmp_path, capsys):
    folder = tmp_path / "my_case"
    assert main(["new", str(folder)]) == 0
    capsys.readouterr()
    return folder


def test_new_writes_every_table_of_the_schema_with_its_header_only(fresh):
    for table in schema.TABLES.values():
        assert _rows(fresh / table.file) == [list(table.column_names)], table.file
    assert {p.name for p in fresh.iterdir()} == {
        *(t.file for t in schema.TABLES.values()), schema.METADATA_FILE, "README.md",
        "article_numbered.md"}


def test_new_metadata_has_every_key_commented_and_names_the_article_file(fresh):
    text = (fresh / schema.METADATA_FILE).read_text(encoding="utf-8")
    for key in schema.METADATA:
        line = f"{'' if key.required else '# '}{key.key} = "
        assert line in text, key.label
        assert f"# {key.meaning[0].upper()}{key.meaning[1:]}." in text, key.label
    parsed = tomllib.loads(text)  # the file stays valid TOML
    name = parsed["article"]["numbered_file"]
    assert (fresh / name).is_file()
    assert "[1] " not in (fresh / name).read_text(encoding="utf-8").replace("`[1] ", "")


def test_new_readme_lists_the_steps_in_fill_order_and_is_a_current_dictionary(fresh, capsys):
    readme = (fresh / "README.md").read_text(encoding="utf-8")
    places = [readme.index(f"`{t}.csv`:") for t in ("sources", "actors", "periods",
                                                     "relations", "factors")]
    assert places == sorted(places)
    assert main(["dictionary", str(fresh / "README.md"), "--check"]) == 0
    assert fill_order()[:5] == ("sources", "actors", "periods", "metadata", "relations")
    for table in fill_order():  # each table comes after those its required columns name
        if table in schema.TABLES:
            before = fill_order()[:fill_order().index(table)]
            for column in schema.TABLES[table].columns:
                if column.kind in (schema.REF, schema.REFS) and column.required:
                    assert column.table in before, (table, column.name)


@pytest.mark.parametrize("what", ["folder", "file"])
def test_new_refuses_an_existing_path_and_writes_nothing(tmp_path, capsys, what):
    target = tmp_path / "taken"
    if what == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("mine", encoding="utf-8")
    else:
        target.write_text("mine", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"The {what} {target} already exists; casebook new writes only into a new "
                   "folder, so that nothing there is overwritten: give a name that does not "
                   "exist yet.")
    if what == "folder":
        assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt" if what == "folder" else target).read_text() == "mine"


def test_validate_on_a_fresh_case_says_to_fill_sources_first_without_a_traceback(fresh,
                                                                                   capsys):
    assert main(["validate", str(fresh)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Next step: fill sources.csv (one row is one source")
    assert err[2].startswith("  - sources.csv: the file has a header but no rows")
    assert err[3].startswith("  - actors.csv") and err[4].startswith("  - periods.csv")
    assert not any("Traceback" in line for line in err)


def _fill_first_steps(folder, actors=("A", "B", "C"), periods=("p1", "p2")):
    (folder / "sources.csv").write_text(
        "source_id,title,author,publisher,date,url,note\ns1,A title,,,,,\n", encoding="utf-8")
    (folder / "actors.csv").write_text(
        ACTORS + "".join(f"{a},{a} land,{a},0,0,one line\n" for a in actors), encoding="utf-8")
    (folder / "periods.csv").write_text(
        PERIODS + "".join(f"{p},{p},2000,2001,what,s1\n" for p in periods), encoding="utf-8")


def test_validate_moves_on_to_metadata_once_the_first_tables_are_filled(fresh, capsys):
    _fill_first_steps(fresh)
    assert main(["validate", str(fresh)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Next step: fill metadata.toml")
    assert err[2].startswith("  - metadata.toml")


def test_relations_adds_every_missing_pair_in_order_and_keeps_what_was_there(fresh, capsys):
    _fill_first_steps(fresh)
    mine = "p2,C,A,hostile,2,my own coding,,s1\n"
    header = (fresh / "relations.csv").read_text(encoding="utf-8")
    (fresh / "relations.csv").write_text(header + mine, encoding="utf-8")
    assert main(["relations", str(fresh)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("relations.csv: added 5 rows, completing the grid of 3 pairs x 2 "
                          "periods, with sign, strength, basis, event_ids and source_id left "
                          "blank to fill; kept the 1 existing rows as they were, in place, and "
                          "the old file as relations.csv.bak.")
    rows = _rows(fresh / "relations.csv")
    assert rows[1] == mine.strip().split(",")  # the instructor's row, first and unchanged
    assert [r[:3] for r in rows[2:]] == [["p1", "A", "B"], ["p1", "A", "C"], ["p1", "B", "C"],
                                         ["p2", "A", "B"], ["p2", "B", "C"]]
    assert all(cell == "" for r in rows[2:] for cell in r[3:])
    assert (fresh / "relations.csv.bak").read_text(encoding="utf-8") == header + mine
    # Run again: nothing to add, nothing written, no second backup.
    before = (fresh / "relations.csv").read_text(encoding="utf-8")
    assert main(["relations", str(fresh)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert (fresh / "relations.csv").read_text(encoding="utf-8") == before
    assert not (fresh / "relations.csv.bak2").exists()


def _fill_metadata(folder):
    values = {"title": "T", "default_period": "p1", "focus_actor": "A", "source_id": "s1",
              "author": "X", "publisher": "Y", "date": "2001-01-01",
              "url": "https://example.org/a"}
    path = folder / schema.METADATA_FILE
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text = re.sub(rf'^{key} = ""', f'{key} = "{value}"', text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    with (folder / "article_numbered.md").open("a", encoding="utf-8") as file:
        file.write("\n[1] The only paragraph.\n")


def test_validate_then_names_each_blank_cell_of_the_skeleton(fresh, capsys):
    _fill_first_steps(fresh, actors=("A", "B"), periods=("p1",))
    _fill_metadata(fresh)
    main(["validate", str(fresh)])
    assert capsys.readouterr().err.startswith("Next step: fill relations.csv (one row is one "
                                              "pair of actors in one period")
    assert main(["relations", str(fresh)]) == 0
    capsys.readouterr()
    main(["validate", str(fresh)])
    err = capsys.readouterr().err
    # The skeleton's blank cells come before the tables still empty, and the guide says so.
    assert err.startswith("Next step: complete relations.csv, whose problems are listed first.")
    for column in ("sign", "strength", "basis", "source_id"):
        assert f"relations.csv, row 2, column '{column}': found an empty cell" in err
    assert "column 'event_ids'" not in err  # optional: may stay blank


def test_relations_before_actors_are_filled_says_what_to_fill(fresh, capsys):
    assert main(["relations", str(fresh)]) == 1
    assert capsys.readouterr().err.strip() == (
        "actors.csv has 0 row(s); expected at least 2 before relations can be laid out: fill "
        "it first.")
    assert _rows(fresh / "relations.csv") == [list(schema.TABLES["relations"].column_names)]


def test_relations_names_a_bad_actor_id_by_row_and_changes_nothing(fresh, capsys):
    _fill_first_steps(fresh, actors=("A", "B two"))
    assert main(["relations", str(fresh)]) == 1
    assert capsys.readouterr().err.strip().startswith(
        "actors.csv, row 3, column 'actor_id': found 'B two'; expected an id made of letters")
    assert not (fresh / "relations.csv.bak").exists()


def test_relations_on_a_missing_folder_says_so(tmp_path, capsys):
    assert main(["relations", str(tmp_path / "nowhere")]) == 1
    assert "no such folder; expected a case folder" in capsys.readouterr().err


def test_new_case_files_pass_the_header_check_of_the_loader(tmp_path):
    # Only "no rows" problems: never a header, a column or a decoding problem.
    from casebook import load_case
    from casebook.problems import CaseDataError

    new_case(tmp_path / "c")
    with pytest.raises(CaseDataError) as raised:
        load_case(tmp_path / "c")
    tables = [p for p in raised.value.problems if p.file.endswith(".csv")]
    assert len(tables) == len(schema.TABLES)
    assert {p.found for p in tables} == {"the file has a header but no rows"}
