"""Helpers for the seminar notebooks that read one article closely (the case: a folder of
tables such as ``lessons_data/``, which names the article, its actors and its factors).

Data flows one way: ``load_case`` (validated tables) -> ``model`` (pure functions returning
DataFrames) -> ``plots`` (figure + text description) -> ``widgets`` (controls wired to both).

The names below are imported when first used, not with the package, so that
``casebook check`` can run, and say what to install, in a Python that lacks pandas.
"""

from importlib import import_module
from importlib.metadata import version

__version__ = version("casebook")

_EXPORTS = {
    "Article": "case", "Case": "case", "PartialDate": "dates", "find_data_dir": "loader",
    "load_case": "loader", "CaseDataError": "problems", "Problem": "problems",
    "validate_table": "validation",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'casebook' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
