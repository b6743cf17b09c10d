"""What a self-learner needs at the end of every lesson: a reminder to save (and on Binder to
download), and a "Next" that names a lesson that exists; and the copy of the data that
lessons 07 and 08 invite a reader to edit is explained where they say it is (lesson 00)."""

import json
import re

import pytest

from casebook.facts import common_facts
from conftest import REPO

pytestmark = pytest.mark.pins_shipped_case("the course's own lessons")


def rendered(cell: dict) -> str:
    """What a reader sees of a cell: a text cell's stored Markdown, else its source."""
    outputs = [o.get("data", {}).get("text/markdown") for o in cell.get("outputs", [])]
    shown = [("".join(o) if isinstance(o, list) else o) for o in outputs if o]
    return "\n".join(shown) if shown else "".join(cell["source"])


def ready_lessons(case) -> dict[str, list[dict]]:
    ready = case.lessons[case.lessons["status"] == "ready"]
    return {str(i)[:2]: json.loads((REPO / "notebooks" / row["notebook"]).read_text(
        encoding="utf-8"))["cells"] for i, row in ready.iterrows()}


def test_every_lesson_ends_with_the_reminder_to_save_and_download(case):
    reminder = common_facts(case, "01")["save_reminder"]
    for number, cells in ready_lessons(case).items():
        last = rendered(cells[-1])
        if number == "00":  # its key points say it in their own words
            assert "download your work" in last
            continue
        assert last.rstrip().endswith(reminder), f"lesson {number} does not end with it"


def test_every_next_lesson_named_at_the_end_exists_and_is_ready(case):
    ready = set(ready_lessons(case))
    named_any = False
    for number, cells in ready_lessons(case).items():
        closing = "\n".join(rendered(c) for c in cells[-2:])
        for named in re.findall(r"(?:Next:\*\*|Next\*\*:?|## Next\s+Lesson)\s*\**\[?lesson\s+"
                                r"(\d\d)|## Next\s+Lesson \*\*(\d\d)", closing, flags=re.I):
            found = next(n for n in named if n)
            named_any = True
            assert found in ready and found > number, (
                f"lesson {number} sends the reader to lesson {found}, which is not a later "
                "ready lesson")
    assert named_any


def test_lesson_00_explains_how_to_work_on_a_copy_of_the_data():
    cells = json.loads((REPO / "notebooks" / "00_start_here.ipynb").read_text("utf-8"))["cells"]
    text = "\n".join(rendered(c) for c in cells)
    assert "cp -r lessons_data my_data" in text and "%env CASEBOOK_DATA=../my_data" in text
    assert "casebook validate my_data" in text


def test_a_source_named_in_a_lesson_table_links_to_its_document(case):
    """Tables link source titles to their documents: the lessons hold such links, each to
    the address sources.csv gives for that title, and no source without an address is
    linked."""
    import html
    import re

    address = {html.escape(str(t)): u for t, u in zip(case.sources["title"],
                                                      case.sources["url"], strict=True)}
    links = []
    for cells in ready_lessons(case).values():
        for cell in cells:
            for output in cell.get("outputs", []):
                page = "".join(output.get("data", {}).get("text/html", ""))
                if "<table" in page:
                    links += re.findall(r'<td[^>]*><a href="([^"]+)">([^<]+)</a></td>', page)
    assert len(links) > 10
    for url, title in links:
        assert title in address, f"a link on {title!r}, which is no source's title"
        assert html.unescape(url) == address[title], f"{title!r} links to {url}"
