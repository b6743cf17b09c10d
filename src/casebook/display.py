"""Showing tables in a lesson: whole cells, never cut short with "...".

pandas shortens long cells by default (display.max_colwidth = 50), which hides half of a
lesson summary or a quote. ``show`` lifts that limit for one display only, so no global
option is changed behind the learner's back.
"""

from __future__ import annotations

import pandas as pd


def show(frame: pd.DataFrame) -> None:
    """Display ``frame`` in full (every character of every cell)."""
    from IPython.display import display

    with pd.option_context("display.max_colwidth", None, "display.width", 120,
                           "display.max_rows", 200):
        display(frame)
