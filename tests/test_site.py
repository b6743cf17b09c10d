"""`casebook build site`: the static course site (Jupyter Book 1), built once per test session
into a temporary folder, then read as files and opened in Debian's Chromium with every request
that would leave the machine blocked."""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import io
import json
import re
import subprocess
import sys
import tarfile
import threading
from pathlib import Path

import pytest

from casebook import site
from casebook.build import ready_lessons as course_ready_lessons
from conftest import REPO, needs_browser

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TYPESET_QUOTES = str.maketrans({"“": '"', "”": '"', "’": "'"})
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]*)\"")


def build(out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "casebook", "build", "site", "--out", str(out)],
                          capture_output=True, text=True, cwd=REPO, timeout=900)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"Built the site of {len(ready_lessons())} lessons into {out}" in result.stdout
    return out


def ready_lessons() -> list[dict]:
    return course_ready_lessons(REPO)


def notebook(row: dict) -> dict:
    return json.loads((REPO / "notebooks" / row["notebook"]).read_text(encoding="utf-8"))


def widget_views(row: dict) -> int:
    """How many widget views the lesson's stored outputs show."""
    return sum(WIDGET_VIEW in output.get("data", {})
               for cell in notebook(row)["cells"] for output in cell.get("outputs", []))


def lesson_page(out: Path, row: dict) -> Path:
    return out / "notebooks" / Path(row["notebook"]).with_suffix(".html").name


def test_a_page_per_ready_lesson_each_with_its_binder_button(built):
    lessons = ready_lessons()
    assert len(lessons) >= 10
    pages = sorted(p.name for p in (built / "notebooks").glob("*.html"))
    expected = sorted(Path(row["notebook"]).with_suffix(".html").name for row in lessons)
    assert [p for p in pages if p != "glossary.html"] == expected
    for row in lessons:
        text = lesson_page(built, row).read_text(encoding="utf-8")
        title = html.unescape(re.search(r"<title>(.*?) &#8212;", text).group(1))
        # The lesson's own heading: its number and lessons.csv's title (quotes typeset).
        assert title.translate(TYPESET_QUOTES) == f"{row['lesson_id'][:2]} · {row['title']}"
        binder = (f"https://mybinder.org/v2/gh/OWNER/REPO/main?urlpath=lab/tree/notebooks/"
                  f"{row['notebook']}")
        assert binder in text, f"{row['notebook']}: no Binder button for {binder}"


def test_the_readme_glossary_data_dictionary_and_instructor_notes_are_pages(built):
    assert (built / "README.html").is_file()
    assert "README.html" in (built / "index.html").read_text(encoding="utf-8")  # redirect
    assert (built / "notebooks" / "glossary.html").is_file()
    assert (built / "lessons_data" / "README.html").is_file()
    notes = sorted((REPO / "instructors").glob("*.md"))
    assert len(notes) >= 2
    for note in notes:
        assert (built / "instructors" / note.with_suffix(".html").name).is_file(), note.name


def test_the_outputs_are_the_stored_ones_not_re_executed(built):
    # A stored output's text is in the page; nothing was run (no execution cache, and the
    # state of each lesson's widgets is the one stored in the notebook).
    for row in ready_lessons():
        stored = notebook(row)["metadata"].get("widgets", {}).get(WIDGET_STATE)
        text = lesson_page(built, row).read_text(encoding="utf-8")
        match = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)'
                          r"</script>", text, re.S)
        if stored is None:
            assert match is None, row["notebook"]
            continue
        assert match, f"{row['notebook']}: its stored widget state is not in the page"
        assert json.loads(match.group(1))["state"].keys() == stored["state"].keys()


def test_no_page_loads_a_script_from_the_network(built):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= len(ready_lessons()) + 4
    remote = [f"{page.relative_to(built)}: {src}" for page in pages
              for src in SCRIPT_SRC.findall(page.read_text(encoding="utf-8"))
              if re.match(r"(https?:)?//", src)]
    assert not remote, "scripts from the network:\n" + "\n".join(remote)


def test_pages_with_widgets_load_the_vendored_scripts_in_order(built):
    for row in ready_lessons():
        sources = SCRIPT_SRC.findall(lesson_page(built, row).read_text(encoding="utf-8"))
        vendored = [s.split("?")[0].rsplit("/", 1)[1] for s in sources
                    if f"_static/{site.VENDOR}/" in s]
        assert vendored == (list(site.WIDGET_SCRIPTS) if widget_views(row) else []), \
            row["notebook"]


def test_the_vendored_files_are_those_of_the_pinned_tarballs(built):
    # The build keeps each tarball in build/npm only when its hash is the pinned one; the
    # files the site serves are byte for byte those of the tarball.
    for package in site.VENDORED:
        tarball = (REPO / site.CACHE_FOLDER / package.cache_name).read_bytes()
        assert site.integrity_of(tarball) == package.integrity
        with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
            for member in archive.getmembers():
                name = Path(member.name).name
                served = built / "_static" / site.VENDOR / name
                if any(Path(member.name).match(f"package/{p}") for p in package.files):
                    assert served.read_bytes() == archive.extractfile(member).read(), name
    assert (built / "_static" / site.VENDOR / "embed-amd.js").stat().st_size > 1_000_000


def test_a_folder_with_other_files_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    result = build(out)
    assert result.returncode == 1
    assert f"{out} already holds files that are not a casebook site (notes.txt)" in result.stderr
    assert "Nothing was written" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert (out / "notes.txt").read_text() == "keep me"


def test_a_file_as_the_out_folder_is_refused(tmp_path):
    with pytest.raises(site.SiteError, match="is a file, not a folder"):
        (tmp_path / "x").write_text("")
        site.check_out_folder(tmp_path / "x")
    (tmp_path / "earlier").mkdir()
    (tmp_path / "earlier" / site.MARKER).write_text("")
    site.check_out_folder(tmp_path / "earlier")  # an earlier site may be built again


def fake_package(tarball: bytes) -> site.NpmPackage:
    return site.NpmPackage("@demo/pkg", "1.0.0", site.integrity_of(tarball), ("dist/*.js",))


def made_tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def registry(metadata_integrity: str, tarball: bytes):
    """A stand-in for the npm registry: its metadata states ``metadata_integrity``."""
    asked = []

    def download(url: str) -> bytes:
        asked.append(url)
        if url.endswith(".tgz"):
            return tarball
        return json.dumps({"dist": {"integrity": metadata_integrity,
                                    "tarball": "https://registry.example/pkg-1.0.0.tgz"}}).encode()
    return download, asked


def test_a_tarball_is_downloaded_once_checked_and_cached(tmp_path):
    tarball = made_tarball({"dist/a.js": b"a", "dist/b.css": b"b"})
    package = fake_package(tarball)
    download, asked = registry(package.integrity, tarball)
    assert site.fetch_tarball(package, tmp_path, download) == tarball
    assert asked == ["https://registry.npmjs.org/@demo/pkg/1.0.0",
                     "https://registry.example/pkg-1.0.0.tgz"]
    assert site.fetch_tarball(package, tmp_path, download) == tarball
    assert len(asked) == 2  # the second time from the cache
    target = tmp_path / "out"
    target.mkdir()
    assert [p.name for p in site.unpack(package, tarball, target)] == ["a.js"]


def test_a_tarball_whose_hash_differs_from_the_pin_is_refused_and_not_cached(tmp_path):
    tarball = made_tarball({"dist/a.js": b"a"})
    package = fake_package(tarball)
    download, _ = registry(package.integrity, made_tarball({"dist/a.js": b"changed"}))
    with pytest.raises(site.SiteError, match=r"@demo/pkg 1.0.0 from https://registry.npmjs.org "
                                             r"has hash sha512-.*, but the course pins"):
        site.fetch_tarball(package, tmp_path, download)
    assert list(tmp_path.iterdir()) == []
    stated = site.integrity_of(b"other")
    download, asked = registry(stated, tarball)
    with pytest.raises(site.SiteError, match=f"states hash {re.escape(stated[:19])}"):
        site.fetch_tarball(package, tmp_path, download)
    assert len(asked) == 1 and list(tmp_path.iterdir()) == []  # the tarball was not fetched


def test_a_cached_tarball_that_changed_is_downloaded_again(tmp_path):
    tarball = made_tarball({"dist/a.js": b"a"})
    package = fake_package(tarball)
    (tmp_path / package.cache_name).write_bytes(b"damaged")
    download, asked = registry(package.integrity, tarball)
    assert site.fetch_tarball(package, tmp_path, download) == tarball
    assert len(asked) == 2
    assert (tmp_path / package.cache_name).read_bytes() == tarball


@pytest.fixture(scope="module")
def served(built):
    """The built site on a local web server, as a reader would open it."""
    handler = functools.partial(QuietHandler, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test reports what matters
        pass


LESSONS_WITH_WIDGETS = [row for row in ready_lessons() if widget_views(row)]


def test_several_lessons_show_widgets():
    # A guard for the browser test's parametrisation.
    assert len(LESSONS_WITH_WIDGETS) >= 5


@needs_browser
@pytest.mark.parametrize("row", LESSONS_WITH_WIDGETS, ids=lambda row: row["lesson_id"])
def test_each_lesson_shows_its_widgets_from_the_stored_state_with_no_network(
        served, row, tmp_path, chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    left, failed, errors = [], [], []
    # A context of its own: no cache or storage shared with other pages of the session.
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()

        def only_this_machine(route):
            if route.request.url.startswith(served):
                route.continue_()
            else:
                left.append(route.request.url)
                route.abort()

        page.route("**/*", only_this_machine)
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(served + f"notebooks/{lesson_page(Path(), row).name}")
        views = page.locator(".widget-subarea > .jupyter-widgets")
        with contextlib.suppress(sync_api.Error):  # the assertions below say what is missing
            views.nth(widget_views(row) - 1).wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / f"{row['lesson_id']}_site.png"), full_page=False)
        shown = views.count()
        controls = page.locator(".widget-subarea .widget-inline-hbox, .widget-subarea "
                                ".widget-button, .widget-subarea .widget-html").count()
    finally:
        context.close()
    where = f"{row['notebook']} (screenshot in {tmp_path})"
    assert shown == widget_views(row), f"{where}: {shown} of {widget_views(row)} widget views"
    assert controls > 0, f"{where}: the widget views hold no control"
    assert left == [], f"{where}: requests that would leave the machine: {left}"
    assert failed == [], f"{where}: requests that failed: {failed}"
    # The one page error allowed: Jupyter Book 1 writes sphinx-thebe's configuration twice
    # (the second `const` fails); the live-code button is not offered on this site.
    assert [e for e in errors if "THEBE_JS_URL" not in e] == [], f"{where}: {errors}"


def small_course(folder: Path, readme_link: str) -> Path:
    """A course of one ready lesson whose README links ``readme_link``."""
    (folder / "lessons_data").mkdir(parents=True)
    (folder / "notebooks").mkdir()
    (folder / "pyproject.toml").write_text('[project]\nname = "demo"\n'
                                           'authors = [{ name = "Demo authors" }]\n')
    (folder / "README.md").write_text(f"# A demo course\n\nSee [the lesson]({readme_link}).\n")
    (folder / "lessons_data" / "lessons.csv").write_text(
        "lesson_id,title,minutes,status,notebook,summary\n"
        "01_one,One,5,ready,01_one.ipynb,x\n02_two,Two,5,draft,02_two.ipynb,x\n")
    lesson = {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {},
                         "source": "# 01 · One\n\nText."}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (folder / "notebooks" / "01_one.ipynb").write_text(json.dumps(lesson))
    return folder


def build_small(course: Path, out: Path) -> subprocess.CompletedProcess:
    code = ("import sys; from pathlib import Path; from casebook.site import build_site; "
            "sys.exit(build_site(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))")
    return subprocess.run([sys.executable, "-c", code, str(course), str(out),
                           str(REPO / site.CACHE_FOLDER)],
                          capture_output=True, text=True, timeout=600)


def test_a_broken_link_fails_the_build_and_writes_no_site(tmp_path, built):
    # `built` first: the download cache is then filled.
    course = small_course(tmp_path / "course", "notebooks/01_missing.ipynb")
    result = build_small(course, tmp_path / "out")
    assert result.returncode == 1
    assert "README.md:3" in result.stderr and "01_missing" in result.stderr
    assert "The site was not built" in result.stderr
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in course.iterdir()) == [
        "README.md", "lessons_data", "notebooks", "pyproject.toml"]  # nothing written there


def test_a_small_course_builds_only_its_ready_lesson_and_rebuilds_in_place(tmp_path, built):
    course = small_course(tmp_path / "course", "notebooks/01_one.ipynb")
    out = tmp_path / "out"
    for _ in range(2):  # the second time over the first site
        result = build_small(course, out)
        assert result.returncode == 0, result.stderr[-2000:]
    assert "Built the site of 1 lesson into" in result.stdout
    assert sorted(p.name for p in (out / "notebooks").glob("*.html")) == ["01_one.html"]
    assert "A demo course" in (out / "README.html").read_text(encoding="utf-8")
