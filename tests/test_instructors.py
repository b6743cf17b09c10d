"""The instructor notes: every ready lesson has its own notes page, linked from the index."""

import re

from conftest import REPO

INDEX = (REPO / "instructors" / "README.md").read_text(encoding="utf-8")


def test_every_ready_lesson_has_linked_notes(case):
    ready = case.lessons[case.lessons["status"] == "ready"]
    for lesson_id in ready.index:
        number = lesson_id[:2]
        pages = list((REPO / "instructors").glob(f"{number}_*.md"))
        assert len(pages) == 1, f"lesson {number}: expected one instructors/{number}_*.md"
        assert f"]({pages[0].name})" in INDEX, f"instructors/README.md does not link {pages[0]}"


def test_every_linked_page_exists():
    for target in re.findall(r"\]\(([^)#]+\.md)\)", INDEX):
        assert (REPO / "instructors" / target).is_file(), target
