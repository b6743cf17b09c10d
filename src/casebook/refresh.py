"""Regenerate the stored outputs of the lessons: the reference that strict nbval compares.

Each notebook runs top to bottom in a fresh kernel of *this* Python environment (not a
kernel found elsewhere on the machine), so the outputs come from the pinned packages.

Three promises to the instructor:

- **Another case never overwrites the shipped lessons.** When the case being run (``--data``
  or ``$CASEBOOK_DATA``) is not the one the notebooks find by themselves, the refreshed
  copies go to a separate folder (default ``build/<case folder>/notebooks/``) unless
  ``--in-place`` is given.
- **The same data gives the same bytes.** Widget model ids, random in every kernel, are
  renamed to ids derived from where each widget sits in the notebook, and a cell's pieces
  of printed text are merged, so a second refresh gives no diff and an edited row changes
  only the outputs that depend on it.
- **Only what is stale is rerun** (``--stale``): each notebook stores, in
  ``metadata.casebook``, the case it was run on and a fingerprint of every case file, of
  ``metadata.toml``, of the article and of its own cells.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import os
import re
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import nbformat
import zmq
from ipykernel.kernelspec import RESOURCES, get_kernel_dict
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_core.paths import jupyter_runtime_dir
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets import default

from . import schema
from .loader import DATA_ENV, find_data_dir, load_case
from .problems import CaseDataError

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_REFERENCE = "IPY_MODEL_"
# A kernel names each widget model by uuid4().hex: 32 lowercase hex digits.
MODEL_ID = re.compile(r"[0-9a-f]{32}")
# Fixed, so that the same place in a notebook gets the same id on every machine.
WIDGET_NAMESPACE = uuid.UUID("6f1d8a52-3c0e-4d4b-9a57-c45ebf0c2a10")
METADATA_KEY = "casebook"
BUILD_FOLDER = "build"


class RefreshError(Exception):
    """Bad input to ``casebook refresh``: the message is one line for the terminal."""


# -- the kernel -----------------------------------------------------------------------------
class _CurrentEnvironmentSpecs(KernelSpecManager):
    """Every kernel name resolves to ipykernel in the running interpreter."""

    def get_kernel_spec(self, kernel_name):
        return self.kernel_spec_class(resource_dir=RESOURCES, **get_kernel_dict())


class CurrentEnvironmentKernel(KernelManager):
    """A kernel manager that always starts ipykernel of the running interpreter, talking to
    it over an encrypted or a local channel (a plain TCP channel makes ipykernel print a
    warning on the terminal at every start, and rightly so)."""

    @default("kernel_spec_manager")
    def _current_environment_specs(self) -> KernelSpecManager:
        return _CurrentEnvironmentSpecs(data_dir=self.data_dir)

    @default("transport_encryption")
    def _encrypt_when_possible(self) -> str:
        # ipykernel's spec declares CurveZMQ support; pyzmq's wheels ship libsodium.
        return "auto" if zmq.has("curve") else "disabled"

    @default("transport")
    def _local_sockets_without_curve(self) -> str:
        return "tcp" if zmq.has("curve") or os.name == "nt" else "ipc"

    @default("ip")
    def _sockets_in_the_runtime_folder(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        # Not in the working directory (jupyter_client's default), which is the lessons'.
        runtime = Path(jupyter_runtime_dir())
        runtime.mkdir(parents=True, exist_ok=True)
        return str(runtime / f"casebook-{uuid.uuid4().hex[:12]}-ipc")


# -- deterministic outputs ------------------------------------------------------------------
def _widget_references(value, path: str, known: set[str]):
    """(path, model id) of every model that ``value`` (a widget's state) refers to, in a
    fixed order: by ``IPY_MODEL_<id>``, or by a bare id in an Output widget's outputs."""
    if isinstance(value, dict):
        for key in sorted(value):
            yield from _widget_references(value[key], f"{path}.{key}", known)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _widget_references(item, f"{path}[{index}]", known)
    elif isinstance(value, str):
        bare = value.removeprefix(MODEL_REFERENCE)
        if bare in known:
            yield path, bare


def _rename_strings(value, names: dict[str, str]):
    """``value`` with every old model id inside a string replaced by its new name."""
    if isinstance(value, dict):
        return {names.get(k, k): _rename_strings(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename_strings(item, names) for item in value]
    if isinstance(value, str):
        return MODEL_ID.sub(lambda m: names.get(m.group(), m.group()), value)
    return value


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def stable_widget_ids(notebook: dict) -> dict:
    """A copy of ``notebook`` whose widget models have ids that depend only on where each
    widget sits, not on the kernel run: a widget shown by a cell is named after the cell's
    id and the output's position, a widget inside it after its parent and the attribute
    holding it. The saved widget state is ordered by these ids.

    >>> view = {"output_type": "display_data", "metadata": {},
    ...         "data": {WIDGET_VIEW: {"model_id": "ab" * 16}}}
    >>> state = {"ab" * 16: {"state": {"children": ["IPY_MODEL_" + "cd" * 16]}},
    ...          "cd" * 16: {"state": {"value": 3}}}
    >>> notebook = {"cells": [{"id": "c1", "cell_type": "code", "outputs": [view]}],
    ...             "metadata": {"widgets": {WIDGET_STATE: {"state": state}}}}
    >>> renamed = stable_widget_ids(notebook)
    >>> box = renamed["cells"][0]["outputs"][0]["data"][WIDGET_VIEW]["model_id"]
    >>> new_state = renamed["metadata"]["widgets"][WIDGET_STATE]["state"]
    >>> child = new_state[box]["state"]["children"][0].removeprefix("IPY_MODEL_")
    >>> new_state[child]["state"]
    {'value': 3}
    >>> box == stable_widget_ids(notebook)["cells"][0]["outputs"][0]["data"][WIDGET_VIEW][
    ...     "model_id"] != "ab" * 16
    True
    """
    saved = notebook.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {})
    state: dict = saved.get("state", {})
    names: dict[str, str] = {}

    def name(model_id: str, path: str) -> None:
        # First appearance wins; then the widget's children are named after it.
        pending = [(model_id, path)]
        while pending:
            current, where = pending.pop(0)
            if current in names:
                continue
            names[current] = uuid.uuid5(WIDGET_NAMESPACE, where).hex
            entry = state.get(current, {})
            pending += [(child, f"{where}/{attribute}") for attribute, child
                        in _widget_references(entry.get("state", {}), "", set(state))]

    for index, cell in enumerate(notebook.get("cells", [])):
        for position, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if isinstance(view, dict) and isinstance(view.get("model_id"), str):
                name(view["model_id"], f"cell {cell.get('id', index)} output {position}")
    # Models no output shows (links between widgets, say): named after their own content,
    # with ids not yet named blanked out so that the order of naming cannot matter.
    while unnamed := [m for m in state if m not in names]:
        blank = {m: "?" for m in unnamed}
        keyed = sorted((json.dumps(_rename_strings(state[m], names | blank), sort_keys=True), m)
                       for m in unnamed)
        content, first = keyed[0]
        seen = sum(1 for c, _ in keyed if c == content) - 1
        name(first, f"unshown {_digest(content, 16)} {seen}")
    renamed = _rename_strings(copy.deepcopy(notebook), names)
    if state:
        new_state = renamed["metadata"]["widgets"][WIDGET_STATE]["state"]
        renamed["metadata"]["widgets"][WIDGET_STATE]["state"] = dict(sorted(new_state.items()))
    return renamed


def merge_streams(notebook: dict) -> dict:
    """A copy of ``notebook`` in which consecutive stream outputs of a cell to the same
    stream are one output. ``print`` writes its text and its line end separately, and the
    kernel may send them in one message or in two depending on timing: merged, the stored
    outputs are the same on every run (and are what a reader sees anyway).

    >>> out = [{"output_type": "stream", "name": "stdout", "text": "done."},
    ...        {"output_type": "stream", "name": "stdout", "text": "\\n"},
    ...        {"output_type": "stream", "name": "stderr", "text": "careful\\n"}]
    >>> merged = merge_streams({"cells": [{"cell_type": "code", "outputs": out}]})
    >>> [(o["name"], o["text"]) for o in merged["cells"][0]["outputs"]]
    [('stdout', 'done.\\n'), ('stderr', 'careful\\n')]
    """
    merged = copy.deepcopy(notebook)
    for cell in merged.get("cells", []):
        outputs = []
        for output in cell.get("outputs", []):
            previous = outputs[-1] if outputs else None
            if (output.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream"
                    and previous.get("name") == output.get("name")):
                previous["text"] = "".join(previous["text"]) + "".join(output["text"])
            else:
                outputs.append(output)
        if "outputs" in cell:
            cell["outputs"] = outputs
    return merged


# -- fingerprints and staleness -------------------------------------------------------------
def file_fingerprint(path: Path) -> str:
    """A short hash of a file's bytes, the same for Windows and Unix line ends.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.csv").write_bytes(b"id,name\\r\\nx,Ex\\r\\n") and None
    >>> (folder / "b.csv").write_bytes(b"id,name\\nx,Ex\\n") and None
    >>> file_fingerprint(folder / "a.csv") == file_fingerprint(folder / "b.csv")
    True
    >>> len(file_fingerprint(folder / "a.csv"))
    12
    """
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()[:12]


def case_files(data_dir: Path, article_file: str) -> list[str]:
    """The files of a case that the lessons read, as names inside its folder: every table
    present, metadata.toml and the numbered article."""
    tables = [t.file for t in schema.TABLES.values() if (data_dir / t.file).is_file()]
    return sorted({*tables, schema.METADATA_FILE, article_file})


def cells_fingerprint(notebook: dict) -> str:
    """A short hash of what the lesson's author wrote: every cell's type and source.

    >>> cell = {"cell_type": "code", "source": "x = 1", "outputs": [1]}
    >>> cells_fingerprint({"cells": [cell]}) == cells_fingerprint(
    ...     {"cells": [dict(cell, outputs=[])]})
    True
    """
    written = [(c["cell_type"], "".join(c["source"])) for c in notebook.get("cells", [])]
    return _digest(json.dumps(written), 12)


def case_stamp(data_dir: Path, title: str, article_file: str, notebook: dict,
               files: set[str] | None = None) -> dict:
    """What ``metadata.casebook`` records of the run: which case, the fingerprints of its
    files (only ``files``, those the lesson uses, when given: so that an edit elsewhere
    leaves the notebook's bytes alone), and the fingerprint of the notebook's own cells."""
    return {"case_title": title, "case_folder": data_dir.name,
            "fingerprints": {name: file_fingerprint(data_dir / name)
                             for name in case_files(data_dir, article_file)
                             if files is None or name in files},
            "cells": cells_fingerprint(notebook)}


def lesson_files(notebook_name: str, article_file: str) -> set[str] | None:
    """The case files a lesson depends on, from ``casebook.requirements.tables_used`` (the
    lesson number is the first two characters of the file name), with metadata.toml, the
    article and lessons.csv always (every lesson's first cell prints its title and minutes
    from it, and its text names the next lesson), and glossary.csv (every lesson's text links
    its terms); None (every file) when the lesson declares nothing usable."""
    try:
        from .requirements import tables_used
    except ImportError:
        return None
    try:
        tables = tables_used(notebook_name[:2])
    except (LookupError, ValueError):
        return None
    if not tables or any(name not in schema.TABLES for name in tables):
        return None  # a name we cannot map to a file: safer to compare them all
    always = {schema.METADATA_FILE, article_file, schema.TABLES["lessons"].file,
              schema.TABLES["glossary"].file}
    return {schema.TABLES[name].file for name in tables} | always


def stale_reasons(stored: dict | None, current: dict, files: set[str] | None) -> list[str]:
    """Why a notebook whose ``metadata.casebook`` is ``stored`` must be rerun on data whose
    stamp is ``current`` (empty: it is up to date). ``files`` limits the comparison to the
    files the lesson uses (None: all).

    >>> now = {"case_title": "T", "case_folder": "d", "cells": "c1",
    ...        "fingerprints": {"a.csv": "1", "b.csv": "2"}}
    >>> stale_reasons(now, now, None)
    []
    >>> stale_reasons(now, dict(now, fingerprints={"a.csv": "1", "b.csv": "9"}), None)
    ['b.csv changed']
    >>> stale_reasons(now, dict(now, fingerprints={"a.csv": "1", "b.csv": "9"}), {"a.csv"})
    []
    >>> stale_reasons(None, now, None)
    ['it has no record of the data it was run on']
    """
    if not stored:
        return ["it has no record of the data it was run on"]
    if (stored.get("case_folder"), stored.get("case_title")) != (
            current["case_folder"], current["case_title"]):
        return [f"it was run on another case ({stored.get('case_folder')})"]
    reasons = [] if stored.get("cells") == current["cells"] else ["its cells changed"]
    before, now = stored.get("fingerprints", {}), current["fingerprints"]
    for name in sorted(set(before) | set(now)):
        if files is not None and name not in files:
            continue
        if name not in now:
            reasons.append(f"{name} is gone")
        elif name not in before:
            reasons.append(f"{name} is new")
        elif before[name] != now[name]:
            reasons.append(f"{name} changed")
    return reasons


# -- one notebook ---------------------------------------------------------------------------
def run_notebook(notebook, folder: Path, data_dir: Path, timeout: int):
    """Execute ``notebook`` in ``folder`` on the case in ``data_dir``; return it executed."""
    # nbclient creates, and so also shuts down and closes, the kernel it runs.
    client = NotebookClient(notebook, kernel_manager_class=CurrentEnvironmentKernel,
                            kernel_name="python3", timeout=timeout,
                            # No run times in cell metadata: they change on every run, and
                            # the pre-commit hook would strip them again.
                            record_timing=False,
                            resources={"metadata": {"path": str(folder)}})
    # The kernel reads the case named here, wherever the notebook is written.
    return client.execute(env={**os.environ, DATA_ENV: str(data_dir)})


def write_atomically(notebook, target: Path) -> None:
    """Write the notebook whole, so that a failed write never leaves half a notebook."""
    temporary = target.with_suffix(".ipynb.tmp")
    nbformat.write(notebook, temporary)
    temporary.replace(target)


def refresh_notebook(source: Path, target: Path, data_dir: Path, stamp: dict,
                     timeout: int = 600) -> None:
    """Run ``source`` on the case in ``data_dir`` and write it, with stable widget ids and
    ``stamp`` in ``metadata.casebook``, to ``target`` (which may be ``source``). Raises
    CellExecutionError, and writes nothing, if a cell fails."""
    notebook = run_notebook(nbformat.read(source, as_version=4), target.parent, data_dir,
                            timeout)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)",
                                       "language": "python", "name": "python3"}
    notebook.metadata[METADATA_KEY] = stamp
    write_atomically(nbformat.from_dict(stable_widget_ids(merge_streams(notebook))), target)


# -- the command ----------------------------------------------------------------------------
def find_notebooks(start: Path | None = None) -> list[Path]:
    """The lessons in the nearest ``notebooks/`` folder at or above ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks").is_dir() and (folder / "pyproject.toml").is_file():
            return sorted((folder / "notebooks").glob("*.ipynb"))
    return []


@contextlib.contextmanager
def _without_data_override():
    saved = os.environ.pop(DATA_ENV, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[DATA_ENV] = saved


def own_case(notebook: Path) -> Path | None:
    """The case a notebook finds by itself (with no ``$CASEBOOK_DATA``): for the lessons in
    the repository, the shipped ``lessons_data``."""
    with _without_data_override(), contextlib.suppress(CaseDataError):
        return find_data_dir(notebook.parent)
    return None


def project_root(notebook: Path) -> Path:
    """The folder holding the notebook's ``notebooks/`` folder and pyproject.toml, else the
    working directory: where the default output folder goes."""
    for folder in notebook.resolve().parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    return Path.cwd()


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the working directory if inside it."""
    with contextlib.suppress(ValueError):
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    return str(path)


def check_notebooks(paths: list[Path]) -> list[Path]:
    """The notebooks to refresh, resolved; RefreshError for any that cannot be one."""
    for path in paths:
        if not path.exists():
            raise RefreshError(f"{path}: no such file")
        if path.is_dir() or path.suffix != ".ipynb":
            raise RefreshError(f"{path}: not a notebook (expected a .ipynb file)")
        try:
            nbformat.read(path, as_version=4)
        except Exception as error:  # nbformat raises several kinds for one meaning
            raise RefreshError(f"{path}: not a readable notebook ({type(error).__name__}: "
                               f"{str(error).splitlines()[0] if str(error) else ''})") from None
    names = [p.name for p in paths]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise RefreshError(f"two notebooks named {doubled[0]}: their copies would overwrite "
                           "each other in one output folder")
    return [p.resolve() for p in paths]


def choose_case(data: str | None) -> Path | None:
    """The case asked for by ``--data`` or ``$CASEBOOK_DATA`` (None: each notebook's own)."""
    chosen = data or os.environ.get(DATA_ENV, "").strip() or None
    if chosen is None:
        return None
    folder = Path(chosen).expanduser().resolve()
    origin = "--data" if data else DATA_ENV
    if not folder.is_dir():
        raise RefreshError(f"{origin} names {chosen}, which is not a folder: give the folder "
                           f"holding the case's {schema.METADATA_FILE}")
    return folder


@dataclass(frozen=True)
class Job:
    """One notebook to refresh: read from ``source``, run on ``data_dir``, written to
    ``target``."""

    source: Path
    target: Path
    data_dir: Path


def plan(paths: list[Path], data: str | None, out: str | None, in_place: bool) -> list[Job]:
    """Where each notebook is read, run and written; RefreshError when the request would
    overwrite lessons with another case's outputs, or cannot be carried out."""
    chosen = choose_case(data)
    out_dir = Path(out).expanduser().resolve() if out else None
    jobs = []
    for source in check_notebooks(paths):
        natural = own_case(source)
        data_dir = chosen or natural
        if data_dir is None:
            raise RefreshError(f"{source}: no case data found for it: give --data DIR")
        target_dir = out_dir
        if target_dir is None and not in_place and data_dir != natural:
            target_dir = project_root(source) / BUILD_FOLDER / data_dir.name / "notebooks"
        if target_dir is not None and target_dir == source.parent and data_dir != natural:
            raise RefreshError(f"{_shown(target_dir)} holds the notebooks themselves: the "
                               "case is not theirs, so overwrite them only with --in-place")
        jobs.append(Job(source, (target_dir or source.parent) / source.name, data_dir))
    for job in jobs:
        for folder in (job.target.parent, *job.target.parent.parents):
            if folder.exists() and not folder.is_dir():
                raise RefreshError(f"{_shown(folder)} is a file, not a folder: choose another "
                                   "--out")
        if job.target.is_dir():
            raise RefreshError(f"{_shown(job.target)} is a folder: the notebook cannot be "
                               "written there")
    return jobs


def _load_stamp_inputs(data_dir: Path) -> tuple[str, str]:
    """The case's title and article file, after checking that the case loads."""
    try:
        case = load_case(data_dir)
    except CaseDataError as error:
        count = len(error.problems)
        noun = "problem" if count == 1 else "problems"
        raise RefreshError(f"{_shown(data_dir)}: the case data has {count} {noun}; run "
                           f"`casebook validate {_shown(data_dir)}` to see them. Nothing was "
                           "refreshed.") from None
    return case.title, case.article.numbered_file


def refresh_notebooks(paths: list[Path], timeout: int = 600, data: str | None = None,
                      out: str | None = None, in_place: bool = False,
                      stale: bool = False) -> int:
    """Refresh the given notebooks (default: all lessons); return a process exit code:
    0 all went well, 1 a notebook failed (and was left as it was), 2 bad input (nothing
    was written)."""
    paths = paths or find_notebooks()
    if not paths:
        print("No notebooks found: run this in the repository or name the notebooks.",
              file=sys.stderr)
        return 2
    try:
        jobs = plan(paths, data, out, in_place)
        cases = {d: _load_stamp_inputs(d) for d in dict.fromkeys(j.data_dir for j in jobs)}
    except RefreshError as error:
        print(f"casebook refresh: {error}", file=sys.stderr)
        return 2
    for data_dir, (title, _) in cases.items():
        elsewhere = [j for j in jobs if j.data_dir == data_dir and j.target != j.source]
        if elsewhere:
            print(f"Case '{title}' ({_shown(data_dir)}) is not the notebooks' own case: "
                  f"refreshed copies go to {_shown(elsewhere[0].target.parent)}; the "
                  "notebooks themselves are not touched.")
    failed = 0
    for job in jobs:
        title, article_file = cases[job.data_dir]
        notebook = nbformat.read(job.source, as_version=4)
        used = lesson_files(job.source.name, article_file)
        stamp = case_stamp(job.data_dir, title, article_file, notebook, used)
        shown = _shown(job.source)
        if stale:
            previous = (nbformat.read(job.target, as_version=4).metadata.get(METADATA_KEY)
                        if job.target.exists() else None)
            reasons = stale_reasons(previous, stamp, used)
            if not reasons:
                print(f"{shown}: up to date, skipped")
                continue
            shown += f" ({'; '.join(reasons)})"
        job.target.parent.mkdir(parents=True, exist_ok=True)
        try:
            refresh_notebook(job.source, job.target, job.data_dir, stamp, timeout)
        except CellExecutionError as error:
            failed += 1
            kept = ("the notebook was left unchanged" if job.target == job.source
                    else f"{_shown(job.target)} was not written")
            print(f"{shown}: a cell failed, {kept}.\n{error}", file=sys.stderr)
            continue
        where = "" if job.target == job.source else f" -> {_shown(job.target)}"
        print(f"{shown}: outputs refreshed{where}")
    _write_glossary_pages(jobs)
    return 1 if failed else 0


def _write_glossary_pages(jobs: list[Job]) -> None:
    """Beside lessons refreshed into another folder, the glossary page of their case, so
    that their links reach it (the lessons' own page is written by ``casebook text
    --render``)."""
    from .glossary import write_page

    for folder, data_dir in dict.fromkeys((j.target.parent, j.data_dir) for j in jobs
                                          if j.target != j.source):
        if folder.is_dir():
            page = write_page(folder, load_case(data_dir))
            if page:
                print(f"{_shown(page)}: the glossary of case {data_dir.name}/")
