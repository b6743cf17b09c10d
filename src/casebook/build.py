"""Student and instructor copies of the course: ``casebook build student|instructor``.

A build folder mirrors the course folder, so that a copy opened in JupyterLab runs as the
lessons do: ``notebooks/`` (every ready lesson of ``lessons.csv``, with the pages the lessons
link: the glossary, the position memo template), ``lessons_data/`` (the case) and ``seeds/``
(the article as given, which the lessons cite); an instructor build adds ``instructors/``.

- **Student copies** leave out every cell tagged ``solution`` (the answer blocks, which are
  ``<details>`` blocks: a test checks that every cell holding one carries the tag), put a
  line saying so (tagged ``answers-withheld``) where they were, and clear
  the outputs of cells tagged ``answer-output`` (an output that would give an answer away);
  the exercises, their checks and every other output stay.
- **Instructor copies** keep every cell and open with the lesson's teaching notes
  (``instructors/NN_*.md``) as a first markdown cell tagged ``teaching-notes``.

Nothing is written until every lesson has been read and checked, and only inside the build
folder: a folder that holds anything but a previous build of the same kind (recorded in
the stamp file ``.casebook-build.json``, with a fingerprint of every file it wrote) is
refused, and so is a previous build whose files someone changed since.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbconvert.preprocessors import TagRemovePreprocessor

SOLUTION_TAG = "solution"  # an answer block: left out of student copies
ANSWER_OUTPUT_TAG = "answer-output"  # an output that gives an answer away: cleared for students
NOTES_TAG = "teaching-notes"  # the first cell of an instructor copy
WITHHELD_TAG = "answers-withheld"  # where a student copy left answers out, a line saying so
# The lessons say "open the block below": a student copy says where the block went instead.
WITHHELD_TEXT = ("*The answers are left out of this copy of the lesson: your teacher goes "
                 "through them with you.*")
KINDS = ("student", "instructor")
STAMP = ".casebook-build.json"
ANSWER_MARK = "<details"  # how the course writes an answer block
# Folders copied as they are, beside notebooks/ (the lessons find lessons_data/ above them).
SUPPORT_FOLDERS = ("lessons_data", "seeds")
NOTES_FOLDER = "instructors"
LESSON_COLUMNS = ("lesson_id", "title", "status", "notebook")  # what a build reads of lessons.csv


class BuildError(Exception):
    """Bad input to ``casebook build``; its lines say what and where. Nothing was written."""

    def __init__(self, lines: list[str]):
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


@dataclass
class Build:
    """What a build will write: file contents by path inside the build folder."""

    kind: str
    files: dict[str, bytes] = field(default_factory=dict)
    lessons: list[str] = field(default_factory=list)
    left_out: int = 0  # answer cells left out of student copies


def fingerprint(content: bytes) -> str:
    """A short hash of a file's bytes.

    >>> fingerprint(b"abc")
    'ba7816bf8f01'
    """
    return hashlib.sha256(content).hexdigest()[:12]


def holds_answer(cell) -> bool:
    """Whether a cell's source or stored output holds an answer block.

    >>> holds_answer({"source": "<details><summary>Solution</summary>42</details>"})
    True
    >>> holds_answer({"source": "show(x)", "outputs": [{"text": "<details>..."}]})
    True
    >>> holds_answer({"source": "Which year?", "outputs": []})
    False
    """
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    return ANSWER_MARK in source or ANSWER_MARK in json.dumps(cell.get("outputs", []))


def untagged_answers(notebook) -> list[int]:
    """The numbers (from 1) of the cells that hold an answer block but lack the tag.

    >>> untagged_answers({"cells": [{"source": "Q?"}, {"source": "<details>A</details>"},
    ...     {"source": "<details>B</details>", "metadata": {"tags": ["solution"]}}]})
    [2]
    """
    return [number for number, cell in enumerate(notebook["cells"], start=1)
            if holds_answer(cell) and SOLUTION_TAG not in cell.get("metadata", {}).get("tags", [])]


def with_withheld_notes(notebook):
    """``notebook`` with a short cell tagged ``answers-withheld`` after each run of answer
    cells, saying that the answers are left out (the answer cells are still there).

    >>> book = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("Q", id="q"),
    ...     nbformat.v4.new_markdown_cell("<details>A</details>", id="a",
    ...                                   metadata={"tags": ["solution"]})])
    >>> [c.id for c in with_withheld_notes(book).cells]
    ['q', 'a', 'a-withheld']
    """
    cells = []
    for index, cell in enumerate(notebook.cells):
        cells.append(cell)
        following = notebook.cells[index + 1] if index + 1 < len(notebook.cells) else None
        if (SOLUTION_TAG in cell.metadata.get("tags", [])
                and (following is None or SOLUTION_TAG not in following.metadata.get("tags", []))):
            cells.append(nbformat.v4.new_markdown_cell(
                WITHHELD_TEXT, id=f"{cell.id}-withheld"[:64], metadata={"tags": [WITHHELD_TAG]}))
    notebook.cells = cells
    return notebook


def student_copy(notebook):
    """A copy of ``notebook`` without its answer cells, a line saying so where they were, and
    with the outputs that give an answer away cleared (nbconvert's TagRemovePreprocessor)."""
    remover = TagRemovePreprocessor(remove_cell_tags={SOLUTION_TAG},
                                    remove_all_outputs_tags={ANSWER_OUTPUT_TAG}, enabled=True)
    copy, _ = remover.preprocess(
        with_withheld_notes(nbformat.from_dict(json.loads(json.dumps(notebook)))), {})
    for cell in copy.cells:
        if ANSWER_OUTPUT_TAG in cell.metadata.get("tags", []) and cell.cell_type == "code":
            cell.execution_count = None
    return copy


def instructor_copy(notebook, notes: str):
    """A copy of ``notebook`` that opens with the lesson's teaching notes."""
    copy = nbformat.from_dict(json.loads(json.dumps(notebook)))
    cell = nbformat.v4.new_markdown_cell(notes.strip("\n"), id="casebook-teaching-notes",
                                         metadata={"tags": [NOTES_TAG]})
    copy.cells.insert(0, cell)
    return copy


def ready_lessons(root: Path) -> list[dict]:
    """The rows of lessons.csv whose status is ready, in their order."""
    table = root / "lessons_data" / "lessons.csv"
    if not table.is_file():
        raise BuildError([f"{table}: not found; run this in the course's folder."])
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        lacking = [c for c in LESSON_COLUMNS if c not in (reader.fieldnames or [])]
        if lacking:
            raise BuildError([f"lessons_data/lessons.csv, row 1: the columns "
                              f"{', '.join(lacking)} are missing; expected a header with "
                              f"{', '.join(LESSON_COLUMNS)} (`casebook validate` checks it)."])
        return [row for row in reader if row["status"].strip() == "ready"]


def notes_pages(root: Path, number: str) -> list[Path]:
    """The teaching notes of lesson ``number``: instructors/NN_*.md (there should be one)."""
    return sorted((root / NOTES_FOLDER).glob(f"{number}_*.md"))


def _folder_files(folder: Path, inside: str) -> dict[str, bytes]:
    return {f"{inside}/{path.relative_to(folder).as_posix()}": path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and not any(part.startswith(".") or part == "__pycache__"
                        for part in path.relative_to(folder).parts)}


def plan_build(kind: str, root: Path) -> Build:
    """Read and check every ready lesson of the course in ``root`` and return what the
    build writes; BuildError listing every problem found (nothing is written)."""
    if kind not in KINDS:
        raise BuildError([f"unknown kind of build {kind!r}: expected one of {', '.join(KINDS)}."])
    build = Build(kind)
    problems = []
    for row in ready_lessons(root):
        number, name = row["lesson_id"][:2], row.get("notebook", "")
        path = root / "notebooks" / name
        shown = f"notebooks/{name}"
        if not name or not path.is_file():
            problems.append(f"lesson {number} ({row['title']}): lessons.csv names the notebook "
                            f"{name!r}, which is not in notebooks/.")
            continue
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception as error:  # noqa: BLE001 - nbformat raises several kinds for one meaning
            problems.append(f"{shown}: not a readable notebook ({type(error).__name__}).")
            continue
        missing_tags = untagged_answers(notebook)
        if missing_tags:
            cells = ", ".join(str(n) for n in missing_tags)
            which = f"cell {cells} holds" if len(missing_tags) == 1 else f"cells {cells} hold"
            problems.append(f"{shown}: {which} an answer block (<details>) without the tag "
                            f"'{SOLUTION_TAG}'; tag it (View > Property inspector > Cell tags) "
                            "so that student copies leave it out.")
            continue
        if kind == "student":
            copy = student_copy(notebook)
            build.left_out += sum(SOLUTION_TAG in cell.metadata.get("tags", [])
                                  for cell in notebook.cells)
        else:
            notes = notes_pages(root, number)
            if len(notes) > 1:
                problems.append(f"lesson {number} ({row['title']}): {len(notes)} notes pages, "
                                f"{' and '.join(f'{NOTES_FOLDER}/{n.name}' for n in notes)}; "
                                "expected one: merge them.")
                continue
            if not notes:
                expected = f"{NOTES_FOLDER}/{Path(name).stem}.md"
                problems.append(f"lesson {number} ({row['title']}): no teaching notes; expected "
                                f"one file {NOTES_FOLDER}/{number}_*.md, such as {expected} "
                                f"(`casebook text --render` writes it from "
                                f"{NOTES_FOLDER}/source/).")
                continue
            copy = instructor_copy(notebook, notes[0].read_text(encoding="utf-8"))
        build.files[shown] = (nbformat.writes(copy) + "\n").encode("utf-8")
        build.lessons.append(number)
    if problems:
        raise BuildError(problems)
    for page in sorted((root / "notebooks").iterdir()):
        if page.is_file() and page.suffix != ".ipynb" and not page.name.startswith("."):
            build.files[f"notebooks/{page.name}"] = page.read_bytes()
    for folder in SUPPORT_FOLDERS:
        if (root / folder).is_dir():
            build.files.update(_folder_files(root / folder, folder))
    if kind == "instructor":
        for page in sorted((root / NOTES_FOLDER).glob("*.md")):
            build.files[f"{NOTES_FOLDER}/{page.name}"] = page.read_bytes()
    return build


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory if inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_stamp(out: Path) -> dict | None:
    """The stamp of a previous build in ``out``, or None."""
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) and isinstance(stamp.get("files"), dict) else None


def check_target(out: Path, kind: str, root: Path) -> dict:
    """The files of the previous build of this kind in ``out`` (empty if none); BuildError
    when ``out`` may not be written: it is a file, it lies in the course's own folders, it
    holds other files, or a previous build's files were changed since."""
    sources = [root / "notebooks", root / NOTES_FOLDER, *(root / f for f in SUPPORT_FOLDERS)]
    for source in sources:
        if out == source or source in out.parents:
            raise BuildError([f"{shown(out)} is the course's {source.name}/ folder or inside "
                              "it: choose a build folder outside it (default: build/<kind>)."])
    if out == root or out in root.parents:
        raise BuildError([f"{shown(out)} holds the course itself: choose an empty folder or a "
                          "previous build's folder."])
    for folder in (out, *out.parents):
        if folder.exists() and not folder.is_dir():
            raise BuildError([f"{shown(folder)} is a file, not a folder: choose another --out."])
    if not out.exists():
        return {}
    present = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    if not present:
        return {}
    stamp = read_stamp(out)
    if stamp is None or stamp.get("kind") != kind:
        other = str(stamp.get("kind")) if stamp else ""
        what = (f"{'an' if other[:1] in 'aeiou' else 'a'} {other} build" if stamp else
                f"{len(present)} file(s) that no {kind} build wrote (such as {present[0]})")
        raise BuildError([f"{shown(out)} holds {what}: a build writes only into an empty folder or "
                          f"over a previous {kind} build. Choose another --out, or empty it."])
    written = stamp["files"]
    foreign = [p for p in present if p != STAMP and p not in written]
    changed = [p for p in present if p in written
               and fingerprint((out / p).read_bytes()) != written[p]]
    if foreign or changed:
        lines = [f"{shown(out)} holds a previous {kind} build, and files that it did not write or "
                 "that were changed since; move them elsewhere, then build again:"]
        lines += [f"  - {p} (not written by the build)" for p in foreign]
        lines += [f"  - {p} (changed since the build)" for p in changed]
        raise BuildError(lines)
    return written


def write_build(build: Build, out: Path, previous: dict) -> None:
    """Replace the previous build's files in ``out`` by ``build``'s, then write the stamp."""
    for name in previous:
        (out / name).unlink(missing_ok=True)
    for folder in sorted({(out / n).parent for n in previous}, key=lambda p: -len(p.parts)):
        if folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    for name, content in build.files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    stamp = {"kind": build.kind, "lessons": build.lessons,
             "files": {name: fingerprint(c) for name, c in sorted(build.files.items())}}
    (out / STAMP).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")


def course_root(start: Path | None = None) -> Path | None:
    """The course folder (holding notebooks/ and pyproject.toml) at or above ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    return None


def build_course(kind: str, out: str | Path | None = None, root: Path | None = None) -> list[str]:
    """Write the ``kind`` build of the course in ``root`` (default: the one at or above the
    working directory) into ``out`` (default: ``build/<kind>`` in the course folder); return
    the lines to print. BuildError, with nothing written, on bad input."""
    root = (root or course_root() or Path.cwd()).resolve()
    if not (root / "notebooks").is_dir():
        raise BuildError([f"No notebooks/ folder in {root}: run this in the course's folder."])
    target = Path(out).expanduser().resolve() if out else root / "build" / kind
    build = plan_build(kind, root)
    previous = check_target(target, kind, root)
    write_build(build, target, previous)
    count = len(build.lessons)
    what = (f"{build.left_out} answer cell(s) left out" if kind == "student"
            else "each opens with its teaching notes")
    first = sorted(n for n in build.files if n.endswith(".ipynb"))[:1]
    lines = [f"{kind.capitalize()} copies of {count} ready lesson(s) written to {shown(target)} "
             f"({what}); {shown(root / 'notebooks')}/ was not touched."]
    if first:
        lines.append(f"Open {shown(target / first[0])} in JupyterLab to start.")
    return lines

