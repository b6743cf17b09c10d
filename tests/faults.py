"""The table of faults: each is one mistake a person editing the case could make, applied to a
fresh copy of the live ``lessons_data/``, with the exact list of problems it must produce.

A fault names a file, a row (as a spreadsheet numbers it: the header is row 1) and the cells
to set there, or an edit of the file's text or bytes. ``expected`` is the full list of
problem lines, in the loader's order; ``{column}`` in a line is filled with that column's
value in the row *before* the fault was applied, and ``{data_dir}`` with the copy's folder,
so the table follows edits of the live data. A fault with ``loads=True`` is tolerated: the
case loads and ``expected`` lists its notes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DATE_EXPECTED = "a date written YYYY-MM-DD (or YYYY-MM or YYYY when less is known)"
CSV_EXPECTED = ("cells separated by commas, with any quote mark inside a cell doubled (\"\")")
FILE_EXPECTED = "a header row naming the columns, then one row per record"


@dataclass(frozen=True)
class Fault:
    name: str
    file: str
    expected: tuple[str, ...]
    row: int | None = None
    cells: dict[str, str] = field(default_factory=dict)
    # set | delete | copy_after (a copy of the row, with cells set, below it) |
    # set_matching (set cells in every row whose `match` column equals this row's)
    action: str = "set"
    match: str | None = None
    edit: Callable[[bytes], bytes] | None = None  # an edit of the whole file instead
    loads: bool = False


def _text(edit: Callable[[str], str]) -> Callable[[bytes], bytes]:
    return lambda data: edit(data.decode("utf-8")).encode("utf-8")


def _sub(old: str, new: str, count: int = 1) -> Callable[[bytes], bytes]:
    def edit(text: str) -> str:
        assert old in text, f"the live file no longer holds {old!r}: update the fault"
        return text.replace(old, new, count)
    return _text(edit)


def _row_edit(row: int, edit: Callable[[str], str]) -> Callable[[bytes], bytes]:
    """Edit the text of one line (spreadsheet row ``row``) of a file with one record a line."""
    def apply(text: str) -> str:
        lines = text.splitlines(keepends=True)
        lines[row - 1] = edit(lines[row - 1])
        return "".join(lines)
    return _text(apply)


def _header_only(text: str) -> str:
    return text.splitlines(keepends=True)[0]


def _semicolons(text: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    return out.getvalue()


def _add_colour_column(text: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [rows[0] + ["colour"]] + [row + ["blue"] for row in rows[1:]])
    return out.getvalue()


def _strip_crlf(text: str) -> str:
    return text.replace("\r\n", "\n")


def _spaces_around_cells(text: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    rows[1][0], rows[2][1] = f"  {rows[1][0]}", f"{rows[2][1]} "
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


FAULTS: tuple[Fault, ...] = (
    # -- cells of the wrong kind ----------------------------------------------------------
    Fault("text_in_number_column", "actors.csv", row=3, cells={"x": "east"}, expected=(
        "actors.csv, row 3, column 'x': found 'east'; expected a number from -1 to 1.",)),
    Fault("text_in_whole_number_column", "relations.csv", row=3, cells={"strength": "two"},
          expected=("relations.csv, row 3, column 'strength': found 'two'; expected a whole "
                    "number from 1 to 3.",)),
    Fault("fraction_in_whole_number_column", "effects.csv", row=2, cells={"effect": "1.5"},
          expected=("effects.csv, row 2, column 'effect': found '1.5'; expected a whole number "
                    "from -2 to 2.",)),
    Fault("out_of_range", "actors.csv", row=4, cells={"x": "1.5"}, expected=(
        "actors.csv, row 4, column 'x': found '1.5'; expected a number from -1 to 1.",)),
    Fault("negative_weight", "preset_weights.csv", row=4, cells={"weight": "-8"}, expected=(
        "preset_weights.csv, row 4, column 'weight': found '-8'; expected a number from 0 to "
        "10.",)),
    Fault("weight_not_a_number", "preset_weights.csv", row=5, cells={"weight": "nan"},
          expected=("preset_weights.csv, row 5, column 'weight': found 'nan'; expected a number "
                    "from 0 to 10.",)),
    Fault("bad_date", "events.csv", row=8, cells={"date": "09/10/2006"}, expected=(
        f"events.csv, row 8, column 'date': found '09/10/2006'; expected {DATE_EXPECTED}.",)),
    Fault("impossible_date", "behaviour.csv", row=2, cells={"date": "2016-11-31"}, expected=(
        f"behaviour.csv, row 2, column 'date': found '2016-11-31'; expected {DATE_EXPECTED}.",)),
    Fault("wrong_choice_capitals", "behaviour.csv", row=2, cells={"observed": "Supported"},
          expected=("behaviour.csv, row 2, column 'observed': found 'Supported'; expected one of "
                    "'supported', 'mixed', 'opposed' ('supported' differs only in capital "
                    "letters).",)),
    Fault("bad_url", "sources.csv", row=2, cells={"url": "www.lowyinstitute.org"}, expected=(
        "sources.csv, row 2, column 'url': found 'www.lowyinstitute.org'; expected an address "
        "starting with http:// or https://.",)),
    Fault("paragraph_out_of_range", "options.csv", row=4, cells={"paragraph": "9"}, expected=(
        "options.csv, row 4, column 'paragraph': found '9'; expected a paragraph number from 1 "
        "to 8.",)),
    Fault("empty_required_cell", "actors.csv", row=6, cells={"short_name": ""}, expected=(
        "actors.csv, row 6, column 'short_name': found an empty cell; expected some text.",)),
    Fault("missing_weight", "preset_weights.csv", row=3, cells={"weight": ""}, expected=(
        "preset_weights.csv, row 3, column 'weight': found an empty cell; expected a number "
        "from 0 to 10.",)),
    # -- ids and references ---------------------------------------------------------------
    Fault("bad_id", "lessons.csv", row=3, cells={"lesson_id": "01 the crisis"}, expected=(
        "lessons.csv, row 3, column 'lesson_id': found '01 the crisis'; expected an id made "
        "of letters, digits, '_', '-' or '.', with no spaces.",)),
    Fault("bad_id_list", "events.csv", row=8, cells={"actors": "PRK RUS"}, expected=(
        "events.csv, row 8, column 'actors': found 'PRK RUS'; expected ids listed in "
        "actors.csv, separated by ';'.",)),
    Fault("unknown_id", "events.csv", row=8, cells={"actors": "DPRK"}, expected=(
        "events.csv, row 8, column 'actors': the unknown id 'DPRK' (did you mean 'PRK'?); "
        "expected an id listed in actors.csv.",)),
    Fault("duplicate_id", "lessons.csv", row=2, action="copy_after", expected=(
        "lessons.csv, row 3, column 'lesson_id': lesson_id={lesson_id} again, already on "
        "row 2; expected each lesson_id only once.",)),
    # -- rules ------------------------------------------------------------------------------
    Fault("period_end_before_start", "periods.csv", row=2,
          cells={"start_year": "2005", "end_year": "2004"}, expected=(
              "periods.csv, row 2, column 'end_year': found '2004'; expected a year no "
              "earlier than start_year (2005).",)),
    Fault("end_date_before_date", "events.csv", row=3,
          cells={"date": "2000-07-19", "end_date": "2000-07-18"}, expected=(
              "events.csv, row 3, column 'end_date': found '2000-07-18'; expected a date no "
              "earlier than date (2000-07-19).",)),
    Fault("end_month_before_date", "events.csv", row=3,
          cells={"date": "2000-07-19", "end_date": "2000-06"}, expected=(
              "events.csv, row 3, column 'end_date': found '2000-06'; expected a date no "
              "earlier than date (2000-07-19).",)),
    Fault("vote_count_over_15", "un_votes.csv", row=2,
          cells={"votes_for": "16", "votes_against": "0", "abstentions": "0"}, expected=(
              "un_votes.csv, row 2, column 'votes_for': found '16'; expected a whole number "
              "from 0 to 15.",)),
    Fault("vote_counts_not_adding_up", "un_votes.csv", row=2,
          cells={"votes_for": "14", "votes_against": "0", "abstentions": "0"}, expected=(
              "un_votes.csv, row 2, column 'votes_for + votes_against + abstentions': found "
              "'votes_for=14, votes_against=0, abstentions=0'; expected counts adding up to 15 "
              "(the Council's seats), or all three blank when there was no vote.",)),
    Fault("all_zero_preset", "preset_weights.csv", row=2, action="set_matching",
          cells={"weight": "0"}, match="preset_id", expected=(
              "preset_weights.csv, column 'weight': found '0 for every preset'; expected at "
              "least one weight above 0 for preset_id '{preset_id}'.",)),
    Fault("missing_grid_row", "effects.csv", row=2, action="delete", expected=(
        "effects.csv, column 'option_id + factor_id': no row for option_id={option_id}, "
        "factor_id={factor_id}; expected one row for every option_id in options.csv and every "
        "factor_id in factors.csv.",)),
    Fault("missing_relation_pair", "relations.csv", row=2, action="delete", expected=(
        "relations.csv, column 'actor_a + actor_b': no row for {actor_a} / {actor_b} in "
        "{period_id}; expected a row for every two ids of actors.csv in every period_id.",)),
    Fault("duplicate_relation", "relations.csv", row=2, action="copy_after", expected=(
        "relations.csv, row 3, column 'period_id + actor_a + actor_b': period_id={period_id}, "
        "actor_a={actor_a}, actor_b={actor_b} again, already on row 2; expected each period_id "
        "+ actor_a + actor_b only once.",)),
    Fault("reversed_relation", "relations.csv", row=2, action="copy_after",
          cells={"actor_a": "{actor_b}", "actor_b": "{actor_a}"}, expected=(
              "relations.csv, row 3, column 'actor_a + actor_b': found '{actor_b} / {actor_a}'; "
              "expected each pair once per period_id (already on row 2, in the other order).",)),
    Fault("self_relation", "relations.csv", row=2, cells={"actor_b": "{actor_a}"}, expected=(
        "relations.csv, row 2, column 'actor_b': found '{actor_a}'; expected an id other than "
        "actor_a ({actor_a}).",
        "relations.csv, column 'actor_a + actor_b': no row for {actor_a} / {actor_b} in "
        "{period_id}; expected a row for every two ids of actors.csv in every period_id.")),
    Fault("hindsight_resting_on_a_known_event", "hindsight.csv", row=2,
          cells={"event_ids": "treaty_2000"}, expected=(
              "hindsight.csv, row 2, column 'event_ids': 'treaty_2000', dated 2000-02-09, which "
              "a reader of the article could know (or may have known); expected only rows of "
              "events.csv dated after the article (2017-10-13).",)),
    Fault("quote_not_in_paragraph", "factors.csv", row=2,
          cells={"paragraph": "2", "quote": "Russia fought five wars over Korea"}, expected=(
              "factors.csv, row 2, column 'quote': 'Russia fought five wars over Korea', which "
              "is not in paragraph 2; expected words copied exactly from paragraph 2 of the "
              "article.",)),
    Fault("quote_wrong_paragraph", "factors.csv", row=2,
          cells={"paragraph": "2", "quote": "nonproliferation is not a vital Russian interest"},
          expected=("factors.csv, row 2, column 'quote': 'nonproliferation is not a vital "
                    "Russian interest', which is not in paragraph 2; expected words copied "
                    "exactly from paragraph 2 of the article (the words are in paragraph 5).",)),
    # -- the file as a whole ------------------------------------------------------------------
    Fault("missing_file", "actors.csv", edit=lambda data: None, expected=(
        "actors.csv: the file is missing; expected a file actors.csv in {data_dir}.",)),
    Fault("missing_member_vote", "member_votes.csv", row=2, action="delete", expected=(
        "member_votes.csv, column 'vote_id + actor_id': no row for vote_id={vote_id}, "
        "actor_id={actor_id}; expected a row for every vote_id in un_votes.csv for the actor "
        "of [case] focus_actor ({actor_id}).",)),
    Fault("category_not_declared", "events.csv", row=8, cells={"category": "earthquake"},
          expected=("events.csv, row 8, column 'category': the unknown id 'earthquake'; "
                    "expected an id listed in categories.csv.",)),
    Fault("missing_optional_file", "un_votes.csv", edit=lambda data: None, loads=True,
          expected=("member_votes.csv: ignored, since un_votes.csv, whose rows it describes, "
                    "is left out.",)),
    Fault("empty_file", "presets.csv", edit=lambda data: b"", expected=(
        f"presets.csv: the file is empty; expected {FILE_EXPECTED}.",)),
    Fault("only_empty_cells", "presets.csv", edit=lambda data: b",,,,\r\n,,,,\r\n", expected=(
        f"presets.csv: the file has only empty cells; expected {FILE_EXPECTED}.",)),
    Fault("header_only", "presets.csv", edit=_text(_header_only), expected=(
        "presets.csv: the file has a header but no rows; expected at least one row of presets "
        "below the header.",)),
    Fault("non_utf8", "sources.csv", edit=lambda data: data.replace(b"\n", b"\n\xe9", 1),
          expected=("sources.csv, row 2: found the byte 0xe9, which is not UTF-8 text; expected "
                    "a file saved as 'CSV UTF-8' (in Excel: Save As > CSV UTF-8).",)),
    Fault("semicolon_separated", "periods.csv", edit=_text(_semicolons), expected=(
        "periods.csv, row 1: cells separated by semicolons; expected cells separated by commas "
        "(in Excel: Save As > CSV UTF-8 (Comma delimited)).",)),
    Fault("ragged_row", "lessons.csv", edit=_row_edit(3, lambda line: line.replace(
        ",", ",extra,", 1)), expected=(
        "lessons.csv, row 3: found 7 cells; expected 6 cells, one for each column of the "
        "header.",)),
    Fault("bad_quoting", "behaviour.csv", edit=_text(lambda text: text.rstrip("\r\n")
                                                      + ',"unclosed\n'), expected=(
        "behaviour.csv, row {last_row}: the CSV could not be read (unexpected end of data); "
        f"expected {CSV_EXPECTED}.",)),
    Fault("missing_column", "actors.csv", edit=_sub(",y,", ",why,"), expected=(
        "actors.csv, row 1, column 'y': no column 'y'; expected the columns actor_id, name, "
        "short_name, x, y, description.",)),
    Fault("misspelt_column", "actors.csv", edit=_sub("short_name", "shortname"), expected=(
        "actors.csv, row 1, column 'short_name': no column 'short_name', but a column "
        "'shortname' (misspelt?); expected the columns actor_id, name, short_name, x, y, "
        "description.",)),
    Fault("duplicate_header_name", "actors.csv", edit=_sub(",description", ",name"), expected=(
        "actors.csv, row 1, column 'name': the column 'name' appears more than once; expected "
        "each column name once.",
        "actors.csv, row 1, column 'description': no column 'description'; expected the "
        "columns actor_id, name, short_name, x, y, description.")),
    # -- tolerated: the case loads and says what it tidied ------------------------------------
    Fault("byte_order_mark", "actors.csv", edit=lambda data: b"\xef\xbb\xbf" + data, loads=True,
          expected=("actors.csv: ignored the byte-order mark at the start (Excel adds one).",)),
    Fault("blank_line_above_header", "actors.csv", edit=lambda data: b",,,,,\n" + data,
          loads=True, expected=("actors.csv: skipped 1 blank row(s) above the header.",)),
    Fault("spaces_in_header", "actors.csv", edit=_sub("actor_id,name", " actor_id , name"),
          loads=True, expected=("actors.csv: removed spaces around column names in the "
                                "header.",)),
    Fault("stray_spaces", "relations.csv", edit=_text(_spaces_around_cells), loads=True,
          expected=("relations.csv: removed spaces around 2 value(s).",)),
    Fault("unix_line_endings", "actors.csv", edit=_text(_strip_crlf), loads=True, expected=()),
    Fault("unknown_column", "actors.csv", edit=_text(_add_colour_column),
          loads=True, expected=(
              "actors.csv: ignored the column 'colour', which the data dictionary does not "
              "define.",)),
    # -- metadata.toml and the article ---------------------------------------------------------
    Fault("malformed_metadata", "metadata.toml", edit=_sub('title = "', "title = '\"", 1),
          expected=("metadata.toml, line {title_line}: it could not be read ({toml_error}); "
                    "expected TOML: key = \"value\" lines under [case] and [article].",)),
    Fault("non_utf8_metadata", "metadata.toml", edit=lambda data: data.replace(
        b"[case]", b"[case]\n# \xe9", 1), expected=(
        "metadata.toml, line {case_line_after}: found the byte 0xe9, which is not UTF-8 text; "
        "expected a file saved as UTF-8 text.",)),
    Fault("metadata_section_missing", "metadata.toml", edit=_sub("[case]", "[cases]"),
          loads=False, expected=(
              "metadata.toml, key '[case]': the section is missing; expected a [case] "
              "section with keys title, default_period, focus_actor (and, if wanted, "
              "compare_actor, subject).",)),
    Fault("missing_metadata_key", "metadata.toml", edit=_text(
        lambda t: "\n".join(line for line in t.split("\n") if not line.startswith(
            "focus_actor"))), expected=(
        "metadata.toml, key 'case.focus_actor': the key is missing; expected a non-empty "
        "text in quotes.",)),
    Fault("empty_metadata_value", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "title", '"  "')), expected=(
        "metadata.toml, key 'case.title': found '  '; expected a non-empty text in "
        "quotes.",)),
    Fault("metadata_value_not_text", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "date", "2017-10-13")), expected=(
        "metadata.toml, key 'article.date': found '2017-10-13'; expected a non-empty text "
        "in quotes.",)),
    Fault("unknown_default_period", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "default_period", '"crisis_2099"')), expected=(
        "metadata.toml, key 'case.default_period': found 'crisis_2099'; expected an id "
        "listed in periods.csv.",)),
    Fault("unknown_focus_actor", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "focus_actor", '"RU"')), expected=(
        "metadata.toml, key 'case.focus_actor': found 'RU'; expected an id listed in "
        "actors.csv.",)),
    Fault("unknown_article_source", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "source_id", '"blank_2071"')), expected=(
        "metadata.toml, key 'article.source_id': found 'blank_2071'; expected an id listed "
        "in sources.csv.",)),
    Fault("metadata_bad_date", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "date", '"13 Oct 2017"')), expected=(
        f"metadata.toml, key 'article.date': found '13 Oct 2017'; expected {DATE_EXPECTED}.",)),
    Fault("metadata_bad_url", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "url", '"lowyinstitute.org/the-interpreter"')), expected=(
        "metadata.toml, key 'article.url': found 'lowyinstitute.org/the-interpreter'; "
        "expected an address starting with http:// or https://.",)),
    Fault("metadata_path_outside_folder", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "numbered_file", '"../seeds/article_numbered.md"')), expected=(
        "metadata.toml, key 'article.numbered_file': found '../seeds/article_numbered.md'; "
        "expected the name of a file inside the case folder (no '..' and no absolute path, so "
        "that a copied folder is complete).",)),
    Fault("metadata_path_missing", "metadata.toml", edit=_text(
        lambda t: _set_key(t, "numbered_file", '"article.md"')), expected=(
        "metadata.toml, key 'article.numbered_file': found 'article.md', but there is no "
        "such file in {data_dir}; expected the name of a file inside the case folder.",)),
    Fault("paragraph_numbering", "article_numbered.md", edit=_sub("\n[3] ", "\n[4] "),
          expected=("article_numbered.md: found paragraph numbers 1, 2, 4, 4, 5, 6, 7, 8; "
                    "expected paragraphs on lines starting [1], [2], ... in order, each number "
                    "once.",)),
)


def _set_key(text: str, key: str, value: str) -> str:
    """metadata.toml with ``key = value`` in place of the key's line."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.split("=")[0].strip() == key)
    lines[index] = f"{key} = {value}"
    return "\n".join(lines)


def read_records(path: Path) -> tuple[list[list[str]], str]:
    """The records of a CSV file and its line ending."""
    text = path.read_bytes().decode("utf-8")
    ending = "\r\n" if "\r\n" in text else "\n"
    return list(csv.reader(io.StringIO(text, newline=""))), ending


def apply(fault: Fault, folder: Path) -> dict[str, str]:
    """Lay the fault over the case copy in ``folder``; return the values its ``expected``
    lines may name (the row's cells before the fault, and a few file facts)."""
    path = folder / fault.file
    values = {"data_dir": str(folder)}
    if fault.file == "metadata.toml":
        lines = path.read_text(encoding="utf-8").split("\n")
        values["title_line"] = str(1 + next(i for i, line in enumerate(lines)
                                            if line.startswith("title =")))
        values["case_line_after"] = str(2 + lines.index("[case]"))
        values["toml_error"] = _toml_error(fault, path)
    if path.suffix == ".csv":
        values["last_row"] = str(len(read_records(path)[0]))
    if fault.edit is not None:
        data = fault.edit(path.read_bytes())
        if data is None:
            path.unlink()
        else:
            path.write_bytes(data)
        return values
    records, ending = read_records(path)
    header, original = records[0], records[fault.row - 1]
    values.update(zip(header, original, strict=True))
    changed = list(original)
    for column, value in fault.cells.items():
        changed[header.index(column)] = value.format(**values)
    if fault.action == "set_matching":
        match = header.index(fault.match)
        for record in records[1:]:
            if record and record[match] == original[match]:
                for column, value in fault.cells.items():
                    record[header.index(column)] = value.format(**values)
    elif fault.action == "delete":
        del records[fault.row - 1]
    elif fault.action == "copy_after":
        records.insert(fault.row, changed)
    else:
        records[fault.row - 1] = changed
    _write_records(path, records, ending)
    return values


def _write_records(path: Path, records: list[list[str]], ending: str) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerows(records)
    path.write_bytes(out.getvalue().encode("utf-8"))


def _toml_error(fault: Fault, path: Path) -> str:
    """The message tomllib itself gives for the broken file (its wording is tomllib's)."""
    import tomllib

    if fault.edit is None:
        return ""
    data = fault.edit(path.read_bytes())
    try:
        tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return str(error)
    return ""
