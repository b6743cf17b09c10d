"""Quick PNGs of a figure that a widget updates in place: drawn once per change at a fixed
layout, on a canvas of the figure's own, with the parts that change seldom pasted back.

``Chart.png`` saves with ``bbox_inches="tight"``, which draws the figure twice (once to
measure it), and a constrained layout measures it once more; for a figure made again on
every change of a control, that is most of the wait. A ``QuickCanvas`` draws the figure once
at the layout it has, and leaves some groups of artists out of that draw: texts outside
the axes that are slow to draw (a legend, tick labels) and that change seldom. Each group
is drawn after the rest the first time its content (``key``) is seen, and its pixels kept;
the next time, the kept pixels are pasted instead. The picture is the same, pixel for
pixel, as a full draw: a group is kept only when its box holds nothing but the group on
the bare figure (it overlaps no other group and none of the ``others`` texts given, each
with a margin for the box drawn behind it). An axes title in a group must be placed by hand
(``set_title(..., y=1.0)``): matplotlib moves a hidden title it places itself.

>>> from matplotlib.figure import Figure
>>> figure = Figure(figsize=(3, 2))
>>> ax = figure.add_subplot()
>>> _ = ax.plot([0, 1], [0, 1], label="a line")
>>> legend = ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
>>> canvas = QuickCanvas(figure)
>>> first = canvas.png({"legend": ([legend], ("a line",))})
>>> second = canvas.png({"legend": ([legend], ("a line",))})  # pasted this time
>>> first == second, list(canvas.kept)
(True, [('legend', ('a line',))])
"""

from __future__ import annotations

import math
from collections.abc import Hashable

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from .weights import png_of  # the course's quick PNG writer, shared with lessons 06 and 08

DPI = 100  # the resolution of every lesson's PNG
KEPT = 32  # groups' pixels kept for pasting (a legend or a row of labels: under 0.3 MB each)
GROUP_MARGIN = 2  # px around a group's box: the antialiased edges of its glyphs and frame
OTHER_MARGIN = 4  # px around another text: a text's box leaves out its background patch


class QuickCanvas:
    """A figure's own Agg canvas, which makes PNGs with groups of artists pasted back."""

    def __init__(self, figure: Figure, dpi: float = DPI):
        self.figure = figure
        self.canvas = FigureCanvasAgg(figure)
        figure.set_dpi(dpi)
        self.kept: dict = {}

    def png(self, groups: dict[str, tuple[list, Hashable]], others: list | None = None
            ) -> bytes:
        """The figure as PNG. ``groups`` maps a name to (artists, key): artists that stand
        outside the axes, drawn alike whenever their key is the same (their texts and
        anything else that changes them, such as their position); ``others`` are texts that
        might reach into a group's box."""
        groups = {name: (shown, key) for name, (parts, key) in groups.items()
                  if (shown := [part for part in parts if part.get_visible()])}
        every_part = [part for parts, _ in groups.values() for part in parts]
        for part in every_part:  # left out of the full draw; pasted or drawn after it
            _leave_out(part, True)
        try:
            self.canvas.draw()
        finally:
            for part in every_part:
                _leave_out(part, False)
        renderer = self.canvas.get_renderer()
        boxes = {name: _whole_pixels(Bbox.union([part.get_window_extent(renderer)
                                                 for part in parts]).padded(GROUP_MARGIN))
                 for name, (parts, _) in groups.items()}
        # Text's own measure, as just drawn: an annotation's would place it all over again.
        texts = [Text.get_window_extent(text, renderer).padded(OTHER_MARGIN)
                 for text in others or [] if text.get_visible() and text.get_text()]
        for name, (parts, key) in groups.items():
            box = boxes[name]
            near = texts + [other for other_name, other in boxes.items() if other_name != name]
            alone = not any(box.overlaps(other) for other in near)
            self._paste((name, key), parts, box, alone)
        return png_of(self.canvas)

    def _paste(self, key, parts: list, box: Bbox, alone: bool) -> None:
        """Paste the kept pixels of ``parts``, or draw them and keep their pixels; parts not
        ``alone`` in their box are drawn every time (what lies under them may change)."""
        if alone and key in self.kept:
            self.canvas.restore_region(self.kept[key])
            return
        for part in parts:
            self.figure.draw_artist(part)
        if alone:
            if len(self.kept) >= KEPT:
                del self.kept[next(iter(self.kept))]
            self.kept[key] = self.canvas.copy_from_bbox(box)


def _whole_pixels(box: Bbox) -> Bbox:
    """The box grown to whole pixels (a kept region is cut at whole pixels).

    >>> _whole_pixels(Bbox.from_extents(1.2, 3.7, 5.5, 8.0)).extents.tolist()
    [1.0, 3.0, 7.0, 9.0]
    """
    x0, y0, x1, y1 = box.extents
    return Bbox.from_extents(math.floor(x0), math.floor(y0), math.ceil(x1) + 1,
                             math.ceil(y1) + 1)


def _leave_out(part, out: bool) -> None:
    """Leave a legend (animated: its axes skip it) or another artist (hidden) out of a full
    draw, or put it back. A tick label must be hidden: its axis draws it even if animated."""
    if isinstance(part, Legend):
        part.set_animated(out)
    else:
        part.set_visible(not out)
