"""Helpers for the seminar notebooks on Stephen Blank, "What drives Russia's Korea policy?".

Data flows one way: ``load_case`` (validated tables) -> ``model`` (pure functions returning
DataFrames) -> ``plots`` (figure + text description) -> ``widgets`` (controls wired to both).
"""

from .case import Article, Case
from .dates import PartialDate
from .loader import find_data_dir, load_case
from .problems import CaseDataError, Problem
from .validation import validate_table

__all__ = ["Article", "Case", "CaseDataError", "PartialDate", "Problem", "find_data_dir",
           "load_case", "validate_table"]
__version__ = __import__("importlib.metadata").metadata.version("casebook")
