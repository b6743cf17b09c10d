"""What every file a student saves has in common (a weighting, lesson 06; a rating grid,
lesson 08) and what ``casebook collect`` writes: problems listed one sentence each, the file
read with a clear sentence for each way it can fail, a file of another kind never replaced,
and a file written whole or not at all.

>>> shown("x" * 50), shown(True), shown(None)
('"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."', 'true', 'null')
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class SavedFileError(ValueError):
    """A saved file that cannot be read or written; ``problems`` lists each problem as one
    sentence naming the file, the key or cell, the value and what was expected."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = Path(path)
        self.problems = problems
        lines = "\n".join(f"- {p}" for p in problems)
        super().__init__(f"{self.path.name}: {len(problems)} problem"
                         f"{'s' * (len(problems) != 1)}\n{lines}")


def shown(value) -> str:
    """A value as the file holds it, short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + '..."'


def read_text(path: Path, error: type[SavedFileError], what: str) -> str:
    """The file's text, or ``error`` with one sentence saying why it cannot be read;
    ``what`` names the kind of file expected ("a saved grid")."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(path, [f"{path.name}: no such file in {path.parent}: check the file "
                           "name"]) from None
    except IsADirectoryError:
        raise error(path, [f"{path.name}: a folder, not a file: expected {what}"]) from None
    except UnicodeDecodeError:
        raise error(path, [f"{path.name}: not text in UTF-8: expected {what}"]) from None
    except OSError as problem:  # e.g. no permission to read it
        raise error(path, [f"{path.name}: cannot be read ({problem.strerror or problem}): "
                           f"expected {what} you may read"]) from None


def check_json_name(path: Path, error: type[SavedFileError]) -> None:
    """Refuse a file name that does not end .json."""
    if path.suffix.lower() != ".json":
        ending = f"ends {path.suffix}" if path.suffix else "has no extension"
        raise error(path, [f"{path.name}: the file name {ending}: expected a name ending "
                           ".json"])


def check_replaceable(path: Path, kind: str, overwrite: bool, error: type[SavedFileError],
                      what: str) -> None:
    """Refuse to replace an existing file unless ``overwrite``, and never replace a file
    whose ``kind`` is not ``kind`` (a notebook, another program's JSON)."""
    if not path.exists():
        return
    if not overwrite:
        raise error(path, [f"{path.name} exists already in {path.parent}: choose another "
                           "name, or save with overwrite=True to replace it"])
    try:
        found = json.loads(path.read_text(encoding="utf-8")).get("kind")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        found = None
    if found != kind:
        raise error(path, [f"{path.name} exists and is not {what}: it is never replaced; "
                           "choose another name"])


def write_whole(path: Path, write: Callable, prefix: str, newline: str | None = None) -> None:
    """Write through ``write(stream)`` to a temporary file beside ``path``, then rename it:
    never half a file. On failure the temporary file is removed and the OSError raised."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            write(stream)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None and os.path.exists(temporary):
            os.remove(temporary)
        raise


def write_json(path: Path, document: dict, prefix: str, error: type[SavedFileError]) -> Path:
    """``document`` as indented JSON at ``path``, whole or not at all; ``error`` with one
    sentence when the folder cannot be written."""

    def dump(stream) -> None:
        json.dump(document, stream, indent=2, ensure_ascii=False)
        stream.write("\n")

    try:
        write_whole(path, dump, prefix)
    except OSError as problem:  # e.g. a read-only folder: say so, leave nothing behind
        raise error(path, [f"{path.name}: cannot be written in {path.parent} "
                           f"({problem.strerror or problem}): choose a folder you may write "
                           "in"]) from None
    return path
