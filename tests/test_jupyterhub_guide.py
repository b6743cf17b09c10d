"""instructors/jupyterhub.md: its nbgitpuller link opens a lesson that exists, with the
parameters nbgitpuller documents; its install commands are the ones that put the JupyterLab
settings in place; its memory table covers every ready lesson."""

import csv
import re
from urllib.parse import parse_qs, urlsplit

from conftest import REPO

GUIDE = (REPO / "instructors" / "jupyterhub.md").read_text(encoding="utf-8")


def the_link() -> str:
    links = re.findall(r"^https://HUB/\S+$", GUIDE, re.M)
    assert len(links) == 1, "the guide should give exactly one nbgitpuller link"
    return links[0]


def test_the_link_pulls_the_repository_and_opens_lesson_00_in_jupyterlab():
    link = urlsplit(the_link())
    assert link.path == "/hub/user-redirect/git-pull"
    query = parse_qs(link.query, strict_parsing=True)
    assert sorted(query) == ["branch", "repo", "urlpath"]
    assert query["repo"] == ["https://github.com/OWNER/REPO"]
    assert query["branch"] == ["BRANCH"]
    urlpath = query["urlpath"][0]
    assert urlpath.endswith("?autodecode")
    opened = urlpath.removesuffix("?autodecode")
    assert opened.startswith("lab/tree/REPO/"), "the path must start with the repository folder"
    assert (REPO / opened.removeprefix("lab/tree/REPO/")).is_file(), opened


def test_the_guide_installs_normally_and_checks_the_jupyterlab_settings():
    block = re.search(r"```bash\n(.+?)```", GUIDE, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert commands[:2] == ["pip install .", "python -m casebook.lab_settings"]
    assert "pip install -e" not in block


def test_the_memory_table_has_every_ready_lesson():
    with open(REPO / "lessons_data" / "lessons.csv", newline="", encoding="utf-8") as file:
        ready = [row["notebook"] for row in csv.DictReader(file) if row["status"] == "ready"]
    rows = re.findall(r"^\| `(\d\d_\w+\.ipynb)` \| \d+ \| \d\.\d\d \|$", GUIDE, re.M)
    assert rows == ready, "rerun benchmarks/memory.py and update the table"
