"""Regenerate the stored outputs of the lessons: the reference that strict nbval compares.

Each notebook runs top to bottom in a fresh kernel of *this* Python environment (not a
kernel found elsewhere on the machine), so the outputs come from the pinned packages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from ipykernel.kernelspec import RESOURCES, get_kernel_dict
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from traitlets import default


class _CurrentEnvironmentSpecs(KernelSpecManager):
    """Every kernel name resolves to ipykernel in the running interpreter."""

    def get_kernel_spec(self, kernel_name):
        return self.kernel_spec_class(resource_dir=RESOURCES, **get_kernel_dict())


class CurrentEnvironmentKernel(KernelManager):
    """A kernel manager that always starts ipykernel of the running interpreter."""

    @default("kernel_spec_manager")
    def _current_environment_specs(self) -> KernelSpecManager:
        return _CurrentEnvironmentSpecs(data_dir=self.data_dir)


def find_notebooks(start: Path | None = None) -> list[Path]:
    """The lessons in the nearest ``notebooks/`` folder at or above ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks").is_dir() and (folder / "pyproject.toml").is_file():
            return sorted((folder / "notebooks").glob("*.ipynb"))
    return []


def refresh_notebook(path: Path, timeout: int = 600) -> None:
    """Execute one notebook in its own folder and write it back only if every cell ran."""
    notebook = nbformat.read(path, as_version=4)
    # nbclient creates, and so also shuts down and closes, the kernel it runs.
    client = NotebookClient(notebook, kernel_manager_class=CurrentEnvironmentKernel,
                            kernel_name="python3", timeout=timeout,
                            # No run times in cell metadata: they change on every run, and
                            # the pre-commit hook would strip them again.
                            record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)",
                                       "language": "python", "name": "python3"}
    temporary = path.with_suffix(".ipynb.tmp")
    nbformat.write(notebook, temporary)
    temporary.replace(path)  # replaced whole, so a failed write never leaves half a notebook


def refresh_notebooks(paths: list[Path], timeout: int = 600) -> int:
    """Refresh the given notebooks (default: all lessons); return a process exit code."""
    paths = paths or find_notebooks()
    if not paths:
        print("No notebooks found: run this in the repository or name the notebooks.",
              file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            refresh_notebook(path, timeout)
        except CellExecutionError as error:
            failed += 1
            print(f"{path}: a cell failed, the notebook was left unchanged.\n{error}",
                  file=sys.stderr)
            continue
        print(f"{path}: outputs refreshed")
    return 1 if failed else 0
