"""lessons_data/README.md: its generated sections match the schema, and a change to the schema
shows up in them."""

from dataclasses import replace

from casebook import dictionary, schema
from casebook.cli import main
from conftest import DATA

README = DATA / "README.md"


def test_the_dictionary_is_up_to_date_with_the_schema():
    text = README.read_text(encoding="utf-8")
    assert dictionary.missing_markers(text) == []
    assert dictionary.regenerate(text) == text, (
        "lessons_data/README.md is out of date with the schema: run `casebook dictionary`")


def test_every_column_has_a_meaning_and_appears_in_its_tables_section():
    text = README.read_text(encoding="utf-8")
    for table in schema.TABLES.values():
        section = text.split(f"### {table.file}\n", 1)[1].split("\n### ", 1)[0]
        for column in table.columns:
            assert column.meaning.strip(), f"{table.file}.{column.name} has no meaning"
            assert f"| {column.name} | " in section, f"{table.file}.{column.name}"
    for key in schema.METADATA:
        assert key.meaning.strip() and f"`[{key.section}] {key.key}`" in text


def test_a_new_column_changes_the_generated_text(monkeypatch):
    table = schema.TABLES["actors"]
    extra = schema.Column("capital", schema.TEXT, "the capital city")
    monkeypatch.setitem(schema.TABLES, "actors", replace(table, columns=table.columns + (extra,)))
    assert "| capital | text | required |  | the capital city |" in dictionary.render_tables()


def test_check_fails_on_a_stale_file_and_the_command_rewrites_it(tmp_path, capsys):
    stale = tmp_path / "README.md"
    text = README.read_text(encoding="utf-8")
    stale.write_text(text.replace("| actor_id | id |", "| actor_id | identifier |"),
                     encoding="utf-8")
    assert dictionary.write_dictionary(stale, check=True)[0] == 1
    assert main(["dictionary", "--check", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().out
    assert main(["dictionary", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == text


def test_a_file_without_markers_is_refused_not_overwritten(tmp_path):
    plain = tmp_path / "README.md"
    plain.write_text("# notes\n", encoding="utf-8")
    code, message = dictionary.write_dictionary(plain)
    assert code == 1 and "no markers" in message
    assert plain.read_text(encoding="utf-8") == "# notes\n"
