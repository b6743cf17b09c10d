"""lessons_data/README.md is the contract an instructor reads: it must document every file
and every column that the loader checks (src/casebook/schema.py)."""

import re

from casebook import schema
from conftest import DATA

DICTIONARY = (DATA / "README.md").read_text(encoding="utf-8")


def section(file_name: str) -> str:
    match = re.search(rf"^### {re.escape(file_name)}\n(.*?)(?=^##)", DICTIONARY, re.M | re.S)
    assert match, f"lessons_data/README.md has no '### {file_name}' section"
    return match.group(1)


def test_every_table_and_column_is_documented_in_its_own_section():
    for table in schema.TABLES.values():
        text = section(table.file)
        for column in table.columns:
            assert re.search(rf"^\| `?{column.name}`? \|", text, re.M), (
                f"{table.file}: column {column.name} is not in its section's table")


def test_every_allowed_choice_is_documented():
    for table in schema.TABLES.values():
        text = section(table.file)
        for column in table.columns:
            for choice in column.choices:
                assert choice in text, f"{table.file}.{column.name}: choice {choice!r} undocumented"


def test_metadata_keys_are_documented():
    for section_name, keys in schema.METADATA_KEYS.items():
        for key in keys:
            assert key in DICTIONARY, f"metadata.toml key [{section_name}] {key} undocumented"
