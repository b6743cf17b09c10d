"""Helpers for the seminar notebooks on Stephen Blank, "What drives Russia's Korea policy?".

Data flows one way: ``load_case`` (validated tables) -> ``model`` (pure functions returning
DataFrames) -> ``plots`` (figure + text description) -> ``widgets`` (controls wired to both).
"""

from .loader import Case, find_data_dir, load_case
from .problems import CaseDataError, Problem

__all__ = ["Case", "CaseDataError", "Problem", "find_data_dir", "load_case"]
__version__ = __import__("importlib.metadata").metadata.version("casebook")
