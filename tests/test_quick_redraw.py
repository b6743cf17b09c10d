"""The explorers of lessons 01 and 07 redraw their kept figure quickly (issue 17): one draw
per change at a fixed layout, legend and tick labels pasted back when unchanged
(``casebook.plots.redraw``). The picture a reader gets must be the one a full draw of the
same figure makes, pixel for pixel, in every state the controls reach, on both cases."""

from __future__ import annotations

import io

import numpy as np
import PIL.Image
from matplotlib.figure import Figure

from casebook.plots.redraw import QuickCanvas
from casebook.widgets.network import network_explorer
from casebook.widgets.timeline import timeline_explorer


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(PIL.Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def full_draw(quick: QuickCanvas) -> np.ndarray:
    """The figure drawn whole, with nothing pasted."""
    quick.canvas.draw()
    return np.asarray(quick.canvas.buffer_rgba())[:, :, :3].astype(int)


def differing_pixels(chart) -> int:
    shown = pixels(chart.png())
    return int((np.abs(shown - full_draw(chart._canvas)).sum(axis=2) > 0).sum())


def test_timeline_explorer_pictures_are_those_of_a_full_draw(case):
    panel = timeline_explorer(case)
    years, lanes_row, only_known, picture, *_ = panel.children
    boxes = list(lanes_row.children)
    differing = {}
    # Twice round the windows, so that the second time the legend and labels are pasted;
    # lanes and hindsight change on the way, so that legends and lane labels differ.
    for turn in range(2):
        for step, (label, window) in enumerate(years.options):
            boxes[step % len(boxes)].value = (step + turn) % 3 != 0
            only_known.value = step % 2 == 1
            years.value = window
            assert picture.png == panel.chart.png()  # what the reader got, made again
            differing[turn, label] = differing_pixels(panel.chart)
    assert set(differing.values()) == {0}, differing
    assert panel.chart._canvas.kept, "nothing was kept for pasting"
    # The picture fills the figure at its fixed layout, which nothing crops.
    assert pixels(picture.png).shape[:2] == tuple(
        int(round(v)) for v in panel.chart.figure.bbox.size[::-1])


def test_network_explorer_pictures_are_those_of_a_full_draw(case):
    panel = network_explorer(case)
    differing = {}
    boxes = list(panel.tie_boxes.values())
    for _, actor in panel.focus_menu.options[:3]:
        panel.focus_menu.value = actor
        for step, (label, period) in enumerate(panel.period_menu.options):
            boxes[step % len(boxes)].value = step % 2 == 0
            panel.period_menu.value = period
            differing[actor, label] = differing_pixels(panel.chart)
    assert set(differing.values()) == {0}, differing


def test_a_group_with_a_text_reaching_into_it_is_drawn_each_time_not_kept():
    figure = Figure(figsize=(4, 2))
    ax = figure.add_axes((0.1, 0.2, 0.5, 0.7))
    ax.plot([0, 1], [0, 1], label="a line")
    legend = ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
    note = figure.text(0.62, 0.85, "a note over the legend")
    quick = QuickCanvas(figure)
    quick.png({"legend": ([legend], "a line")}, others=[note])
    assert quick.kept == {}
    note.set_visible(False)
    quick.png({"legend": ([legend], "a line")}, others=[note])
    assert list(quick.kept) == [("legend", "a line")]
    # Pasted, the legend is where a full draw puts it, and the rest is drawn anew.
    note.set_text("")
    shown = pixels(quick.png({"legend": ([legend], "a line")}, others=[note]))
    assert (np.abs(shown - full_draw(quick)).sum(axis=2) > 0).sum() == 0
