"""The course's JupyterLab settings: defaults that keep JupyterLab's own prompts out of a
student's way (no "Jupyter news" question, no update check that calls a website), and keep
the letters pressed on a slider's handle away from the notebook's shortcuts (each bound, on a
focused handle only, to a command no extension defines: tests/keyboard_in_jupyterlab.md).

They live in ``lab_settings/casebook.json`` at the top of the course folder. JupyterLab reads
every ``*.json`` file in ``{sys.prefix}/share/jupyter/lab/settings/overrides.d/`` as new
defaults for its settings (``overrides.json`` beside that folder stays the user's own), and
a user's own settings still win over them. ``pip install .`` puts the file there (the
``data-files`` of ``pyproject.toml``); an editable install (``pip install -e .``) cannot, so
after one run::

    python -m casebook.lab_settings

which copies it there and says where.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

FILE_NAME = "casebook.json"
# Where pyproject.toml's data-files put it, relative to the environment's prefix.
OVERRIDES_FOLDER = Path("share", "jupyter", "lab", "settings", "overrides.d")
SOURCE = Path(__file__).resolve().parents[2] / "lab_settings" / FILE_NAME


def overrides_path(prefix: str | Path = sys.prefix) -> Path:
    """Where JupyterLab of the environment at ``prefix`` reads the course's settings.

    >>> overrides_path("/env").as_posix()
    '/env/share/jupyter/lab/settings/overrides.d/casebook.json'
    """
    return Path(prefix) / OVERRIDES_FOLDER / FILE_NAME


def read_overrides(path: Path = SOURCE) -> dict:
    """The settings file as {plugin id: {setting: value}}."""
    return json.loads(path.read_text(encoding="utf-8"))


def install(prefix: str | Path = sys.prefix, source: Path = SOURCE) -> str:
    """Copy the settings file into the environment at ``prefix``; say what was done.

    Nothing is written when the same file is already there. A different file of the same
    name is replaced: it is the course's own (the name is the package's)."""
    target = overrides_path(prefix)
    if not source.is_file():
        if target.is_file():
            return f"JupyterLab settings of the course: already in place at {target}"
        raise FileNotFoundError(
            f"{source} is missing: it holds the course's JupyterLab settings. Run this from "
            "a course folder installed with `pip install -e .`, or reinstall with `pip install .`")
    read_overrides(source)  # refuse to install a file JupyterLab could not read
    if target.is_file() and target.read_bytes() == source.read_bytes():
        return f"JupyterLab settings of the course: already in place at {target}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return f"JupyterLab settings of the course: written to {target}"


if __name__ == "__main__":
    print(install())
