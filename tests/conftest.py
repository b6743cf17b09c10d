"""Shared fixtures. Tests never depend on the working directory: paths come from here."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # widgets and plots are tested headlessly

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "lessons_data"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="session")
def case():
    from casebook import load_case

    return load_case(DATA)


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch):
    # A CASEBOOK_DATA set in the shell must not steer the tests to another case.
    monkeypatch.delenv("CASEBOOK_DATA", raising=False)


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def cell_text(cell: dict) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source
