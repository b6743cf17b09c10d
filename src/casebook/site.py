"""`casebook build site`: the course as a static web site that works offline.

Jupyter Book 1 (Sphinx and myst-nb) renders each ready lesson from its stored outputs (nothing
is re-executed), with the README, the glossary, the data dictionary and the instructor notes
as pages and a Binder launch button on each lesson. Widgets are drawn from the widget state
that `casebook refresh` stores in each notebook (nbclient's ``store_widget_state``) by
ipywidgets' embed script, which this module downloads once from the npm registry, checks
against the hash pinned below, and serves from the site itself: a page needs no network.

Nothing is written outside the output folder and the download cache (``build/npm``); an
output folder that holds anything but an earlier site is refused.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import json
import shutil
import sys
import tarfile
import tempfile
import tomllib
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .build import BuildError, ready_lessons
from .text import count

COURSE_FOLDER = Path(__file__).resolve().parents[2]
DEFAULT_OUT = Path("build") / "site"
CACHE_FOLDER = Path("build") / "npm"
REGISTRY = "https://registry.npmjs.org"
BINDER = "https://mybinder.org"
# The placeholder README.md also uses until the course has a public address.
PLACEHOLDER_REPOSITORY = "https://github.com/OWNER/REPO"
# A built site holds this file; only a folder holding it may be emptied and built again.
MARKER = ".casebook-site"
VENDOR = "vendor"  # the folder under the site's _static/ that holds the npm files


class SiteError(Exception):
    """A site that cannot be built, with a message for the person who asked for it."""


@dataclass(frozen=True)
class NpmPackage:
    """One npm release the site serves: its name, version, the registry's integrity hash of
    its tarball (pinned here, so a changed tarball is refused), and the files to take."""

    name: str
    version: str
    integrity: str
    files: tuple[str, ...]  # patterns of paths inside the tarball's package/ folder

    @property
    def metadata_url(self) -> str:
        """The registry's metadata of this release, which states its tarball and hash.

        >>> NpmPackage("@scope/name", "1.2.3", "", ()).metadata_url
        'https://registry.npmjs.org/@scope/name/1.2.3'
        """
        return f"{REGISTRY}/{self.name}/{self.version}"

    @property
    def cache_name(self) -> str:
        """The tarball's file name in the download cache.

        >>> NpmPackage("@scope/name", "1.2.3", "", ()).cache_name
        'scope-name-1.2.3.tgz'
        """
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"


# The loader the embed script needs, and ipywidgets' embed script of the release that matches
# the ipywidgets pinned in pyproject.toml (8.1.9 ships @jupyter-widgets/controls 5.0.13 and
# base 6.0.12, which html-manager 1.0.15 depends on). The fonts are the icons of the widgets'
# CSS, which the script loads from beside itself.
REQUIREJS = NpmPackage(
    "requirejs", "2.3.8",
    "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKGNehIonFlyQXSowL6Mw==",
    ("require.js",))
HTML_MANAGER = NpmPackage(
    "@jupyter-widgets/html-manager", "1.0.15",
    "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA==",
    ("dist/embed-amd.js", "dist/*.woff2", "dist/*.woff", "dist/*.ttf", "dist/*.eot",
     "dist/*.svg"))
VENDORED = (REQUIREJS, HTML_MANAGER)
# The embed script's modules find their fonts beside the address require.js gives each module
# (by default a folder under the page's own, where there are none): this maps every
# @jupyter-widgets module to the folder of the vendored files, the folder of this script.
PATHS_SCRIPT = "casebook-widgets.js"
PATHS_SCRIPT_TEXT = """\
// Written by `casebook build site`: the widget modules' fonts are beside this script.
(function () {
  var here = document.currentScript.src.replace(/\\/[^\\/]*$/, "");
  require.config({paths: {"@jupyter-widgets": here,
                          "@jupyter-widgets/html-manager/dist": here}});
})();
"""
# The scripts a page with widgets loads, in this order: require.js defines `require`, which
# the other two use.
WIDGET_SCRIPTS = ("require.js", PATHS_SCRIPT, "embed-amd.js")


def integrity_of(data: bytes) -> str:
    """The npm registry's integrity string of ``data`` (Subresource Integrity, sha512), here
    of no bytes at all, whose SHA-512 is the well-known cf83e135...:

    >>> integrity_of(b"")
    'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=='
    """  # noqa: E501
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def check_integrity(data: bytes, package: NpmPackage, source: str) -> None:
    """Raise SiteError unless ``data`` is the tarball whose hash ``package`` pins.

    >>> demo = NpmPackage("demo", "1.0.0", integrity_of(b"y"), ())
    >>> try:
    ...     check_integrity(b"x", demo, "a cache")
    ... except SiteError as error:
    ...     print(error)
    demo 1.0.0 from a cache has hash sha512-pKvURIxJVi2C..., but the course pins sha512-EhtHdKdZkkop... (src/casebook/site.py): it was not used.
    """  # noqa: E501 - the doctest shows the whole message
    found = integrity_of(data)
    if found != package.integrity:
        raise SiteError(f"{package.name} {package.version} from {source} has hash {found[:19]}..., "
                        f"but the course pins {package.integrity[:19]}... (src/casebook/site.py): "
                        "it was not used.")


def _download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def fetch_tarball(package: NpmPackage, cache: Path,
                  download: Callable[[str], bytes] = _download) -> bytes:
    """The package's tarball, from ``cache`` if it holds one with the pinned hash, else from
    the npm registry: the registry's metadata must state the pinned hash and the tarball must
    have it. The checked tarball is kept in ``cache``."""
    cached = cache / package.cache_name
    if cached.is_file():
        data = cached.read_bytes()
        if integrity_of(data) == package.integrity:
            return data
    try:
        metadata = json.loads(download(package.metadata_url))
        stated = metadata["dist"]["integrity"]
        if stated != package.integrity:
            raise SiteError(f"The npm registry states hash {stated[:19]}... for {package.name} "
                            f"{package.version} ({package.metadata_url}), but the course pins "
                            f"{package.integrity[:19]}... (src/casebook/site.py): nothing was "
                            "downloaded.")
        data = download(metadata["dist"]["tarball"])
    except OSError as error:
        raise SiteError(f"Could not download {package.name} {package.version} from the npm "
                        f"registry ({package.metadata_url}): {error}. The site needs it once; "
                        f"it is then kept in {cache}.") from error
    check_integrity(data, package, REGISTRY)
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(cached)
    return data


def unpack(package: NpmPackage, tarball: bytes, target: Path) -> list[Path]:
    """Write the files of ``tarball`` that ``package`` names into ``target`` (flat, by file
    name); return them. Raise SiteError if a pattern matches nothing."""
    written = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        for pattern in package.files:
            matched = [m for m in members
                       if fnmatch.fnmatch(str(PurePosixPath(m.name).relative_to("package")),
                                          pattern)]
            if not matched:
                raise SiteError(f"{package.name} {package.version} has no file {pattern}.")
            for member in matched:
                path = target / PurePosixPath(member.name).name  # the name only: no ../
                path.write_bytes(archive.extractfile(member).read())
                written.append(path)
    return written


def page(path: str) -> str:
    """A table-of-contents entry: the path without its suffix.

    >>> page("notebooks/intro.ipynb")
    'notebooks/intro'
    """
    return str(PurePosixPath(path).with_suffix(""))


def site_toc(lessons: Iterable[str], reference: Iterable[str],
             notes: Iterable[str]) -> dict:
    """The Jupyter Book table of contents: the README as the home page, then the lessons,
    the reference pages and the instructor notes (paths relative to the course folder).

    >>> toc = site_toc(["notebooks/a.ipynb"], ["glossary.md"], [])
    >>> toc["root"], toc["parts"][0]["chapters"]
    ('README', [{'file': 'notebooks/a'}])
    >>> [part["caption"] for part in toc["parts"]]
    ['Lessons', 'Reference']
    """
    parts = [("Lessons", lessons), ("Reference", reference), ("For instructors", notes)]
    return {"format": "jb-book", "root": "README",
            "parts": [{"caption": caption, "chapters": [{"file": page(p)} for p in paths]}
                      for caption, paths in parts if paths]}


def site_config(title: str, author: str, repository: str, static: Path,
                exclude: list[str]) -> dict:
    """Jupyter Book's _config.yml: stored outputs only, a Binder button on each lesson for
    ``repository``, and the widget scripts served from the site's own ``_static/`` folder
    (``static`` is copied there) instead of the CDNs that myst-nb names by default.

    >>> config = site_config("T", "A", "https://github.com/o/r", Path("/s"), [])
    >>> config["execute"], config["repository"]["url"]
    ({'execute_notebooks': 'off'}, 'https://github.com/o/r')
    >>> list(config["sphinx"]["config"]["nb_ipywidgets_js"])
    ['vendor/require.js', 'vendor/casebook-widgets.js', 'vendor/embed-amd.js']
    """
    return {
        "title": title,
        "author": author,
        "only_build_toc_files": True,
        "exclude_patterns": [".*", "**/.ipynb_checkpoints", *exclude],
        "execute": {"execute_notebooks": "off"},
        "repository": {"url": repository, "branch": "main", "path_to_book": ""},
        "launch_buttons": {"notebook_interface": "jupyterlab", "binderhub_url": BINDER},
        "html": {"use_repository_button": False, "use_issues_button": False,
                 "use_edit_page_button": False},
        "sphinx": {"config": {
            "html_static_path": [str(static)],
            # myst-nb adds these (in this order) to each page whose notebook has widget
            # state; a relative path is served from _static/.
            "nb_ipywidgets_js": {f"{VENDOR}/{name}": {} for name in WIDGET_SCRIPTS},
        }},
    }


def course_repository(course: Path) -> str:
    """The course's public repository: ``[project.urls] Repository`` in pyproject.toml (the
    one place to write it), or the README's placeholder while the course has none."""
    project = tomllib.loads((course / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project.get("urls", {}).get("Repository", PLACEHOLDER_REPOSITORY)


def course_title(readme: Path) -> str:
    """The first level-one heading of ``readme``.

    >>> import tempfile
    >>> readme = Path(tempfile.mkdtemp()) / "README.md"
    >>> _ = readme.write_text("<!-- x -->\\n# A course\\n\\nText\\n")
    >>> course_title(readme)
    'A course'
    """
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise SiteError(f"{readme} has no '# ' heading to use as the site's title.")


def check_out_folder(out: Path) -> None:
    """Raise SiteError if ``out`` is a file or a folder with other files than an earlier
    site's (marked by MARKER): a site is built only into a new, empty or earlier site folder."""
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} is a file, not a folder: choose a new or empty folder for the "
                        "site. Nothing was written.")
    if out.is_dir() and not (out / MARKER).is_file():
        others = sorted(p.name for p in out.iterdir())
        if others:
            shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
            raise SiteError(f"{out} already holds files that are not a casebook site "
                            f"({shown}): choose a new or empty folder for the site, so that "
                            "nothing is overwritten. Nothing was written.")


def site_sources(course: Path) -> tuple[list[str], list[str], list[str]]:
    """(lessons, reference pages, instructor notes) of the course, as paths relative to it."""
    try:
        notebooks = [f"notebooks/{row['notebook']}" for row in ready_lessons(course)]
    except BuildError as error:
        raise SiteError(" ".join(error.lines)) from None
    missing = [name for name in notebooks if not (course / name).is_file()]
    if missing:
        raise SiteError(f"lessons_data/lessons.csv lists ready lessons without a notebook: "
                        f"{', '.join(missing)}.")
    reference = [p for p in ("notebooks/glossary.md", "lessons_data/README.md")
                 if (course / p).is_file()]
    notes = sorted(p.relative_to(course).as_posix() for p in (course / "instructors").glob("*.md"))
    notes.sort(key=lambda p: not p.endswith("README.md"))  # the guide first, then by lesson
    return notebooks, reference, notes


def build_site(course: Path = COURSE_FOLDER, out: Path | None = None,
               cache: Path | None = None, quiet: bool = False) -> int:
    """Build the site of ``course`` into ``out`` with Sphinx, warnings as errors; return 0
    when it was built. Prints what it did, or why it could not."""
    out = (out or course / DEFAULT_OUT).resolve()
    cache = (cache or course / CACHE_FOLDER).resolve()
    try:
        check_out_folder(out)
        lessons, reference, notes = site_sources(course)
        tarballs = [(package, fetch_tarball(package, cache)) for package in VENDORED]
    except SiteError as error:
        print(error, file=sys.stderr)
        return 1
    repository = course_repository(course)
    inside = out.relative_to(course).as_posix() if out.is_relative_to(course) else None
    project = tomllib.loads((course / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    author = ", ".join(a["name"] for a in project.get("authors", []))
    with tempfile.TemporaryDirectory(prefix="casebook-site-") as folder:
        # Sphinx and myst-nb write beside their output folder too (doctrees, the images of
        # outputs): everything is built in a temporary folder and moved to ``out`` once built.
        work = Path(folder)
        static = work / "static"
        (static / VENDOR).mkdir(parents=True)
        for package, data in tarballs:
            unpack(package, data, static / VENDOR)
        (static / VENDOR / PATHS_SCRIPT).write_text(PATHS_SCRIPT_TEXT)
        config = site_config(course_title(course / "README.md"), author, repository, static,
                             ["build", *([inside] if inside else [])])
        # JSON is YAML, so the standard library writes both files.
        (work / "_config.yml").write_text(json.dumps(config, indent=2))
        (work / "_toc.yml").write_text(json.dumps(site_toc(lessons, reference, notes),
                                                  indent=2))
        from jupyter_book.sphinx import build_sphinx

        html = work / "html"
        status = build_sphinx(course, html, noconfig=True,
                              path_config=str(work / "_config.yml"),
                              confoverrides={"external_toc_path": (work / "_toc.yml").as_posix(),
                                             "latex_individualpages": False},
                              doctreedir=work / "doctrees", warningiserror=True,
                              keep_going=True, freshenv=True, quiet=quiet)
        if status != 0:
            print(f"The site was not built: Sphinx stopped ({status}); every warning above "
                  "is an error here (a broken link, a missing page). Fix it in the file it "
                  f"names and build again. Nothing was written to {out}.", file=sys.stderr)
            return 1
        (html / MARKER).write_text("Built by `casebook build site`, which may replace it.\n")
        if out.is_dir():
            shutil.rmtree(out)  # an earlier site (check_out_folder said so)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(html, out)
    print(f"Built the site of {count(len(lessons), 'lesson')} into {out}: open "
          f"{out / 'index.html'}.")
    if repository == PLACEHOLDER_REPOSITORY:
        print("Its Binder buttons point at the placeholder OWNER/REPO: write the course's "
              "public address as [project.urls] Repository in pyproject.toml and build again.")
    return 0
