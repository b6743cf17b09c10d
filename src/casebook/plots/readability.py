"""Is a figure readable where it is shown? Measured from the figure itself.

A lesson's picture is a PNG at ``PNG_DPI`` that JupyterLab shrinks to the width of the
notebook's output area when it is wider, never enlarges. On a laptop window 1366 px wide,
that area is about ``DISPLAY_WIDTH_PX`` wide, so a font's size on screen is its size in
points x dpi / 72 x min(1, display width / picture width). The rules (issue 17):

- no text under ``MIN_TEXT_PX`` as displayed;
- text at least ``MIN_TEXT_CONTRAST`` : 1 against what is behind it (WCAG 1.4.3);
- markers, lines, bars and hatching at least ``MIN_GRAPHIC_CONTRAST`` : 1 against what is
  behind them (WCAG 1.4.11): a marker or bar passes if its edge or its fill does;
- no text cut by the edge of the picture or of its axes, no text over another text or
  over a data marker.

Contrast uses WCAG's relative luminance. What is "behind" is read from the pixels: the
figure is rendered without its texts (for text) or without the artists drawn at or above
an artist's level (for graphics), and the colours that cover at least ``DOMINANT_SHARE``
of the artist's box there are its background (so a hatched area counts both its fill and
its hatch lines, while a thin line passing by does not).

>>> from matplotlib.figure import Figure
>>> figure = Figure(figsize=(4, 2))
>>> ax = figure.add_subplot()
>>> _ = ax.plot([0, 1], [0, 1], color="#999999")
>>> _ = ax.set_title("Small", fontsize=6)
>>> [str(finding) for finding in check_figure(figure, "example")
...  if finding.kind in ("size", "graphic contrast")]  # doctest: +NORMALIZE_WHITESPACE
["example: text 'Small' is 8.3 px as displayed (at least 10 px)",
 'example: line (#999999) has contrast 2.85:1 against #ffffff behind it (at least 3:1)']
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection, PathCollection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

# JupyterLab 4 in a 1366 px wide browser window, file browser closed: the notebook panel
# leaves its output area about 905 px wide, and a wider picture is shrunk to that width.
DISPLAY_WIDTH_PX = 905
PNG_DPI = 100  # the resolution of ``Chart.png`` (and of the widgets' pictures)
MIN_TEXT_PX = 10.0
MIN_TEXT_CONTRAST = 4.5
MIN_GRAPHIC_CONTRAST = 3.0
DOMINANT_SHARE = 0.1  # a colour covering this share of an artist's box is behind it
MIN_EDGE_POINTS = 0.5  # a thinner edge does not outline a marker or a bar
OVERLAP_PX = 1.5  # boxes that overlap by less than this (both ways) only touch


# -- colour -----------------------------------------------------------------------------

def relative_luminance(colour) -> float:
    """WCAG relative luminance of an opaque colour (any matplotlib colour).

    >>> relative_luminance("white"), relative_luminance("black")
    (1.0, 0.0)
    >>> round(relative_luminance("#999999"), 2)
    0.32
    """
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                for c in to_rgba(colour)[:3]]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(foreground, background) -> float:
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white). A
    translucent foreground is first laid over the background.

    >>> round(contrast_ratio("black", "white"), 1), round(contrast_ratio("#767676", "white"), 2)
    (21.0, 4.54)
    >>> round(contrast_ratio((0, 0, 0, 0.5), "white"), 2)
    3.98
    """
    front = composite(foreground, background)
    light, dark = sorted((relative_luminance(front), relative_luminance(background)),
                         reverse=True)
    return (light + 0.05) / (dark + 0.05)


def composite(colour, background) -> tuple[float, float, float]:
    """``colour`` (with its alpha) laid over an opaque ``background``, as RGB.

    >>> composite((0, 0, 0, 0.25), "white")
    (0.75, 0.75, 0.75)
    """
    red, green, blue, alpha = to_rgba(colour)
    under = to_rgba(background)[:3]
    return tuple(float(alpha * c + (1 - alpha) * u)
                 for c, u in zip((red, green, blue), under, strict=True))


def hex_colour(colour) -> str:
    """A colour as ``#rrggbb`` (for messages).

    >>> hex_colour((1, 1, 1)), hex_colour("0.6")
    ('#ffffff', '#999999')
    """
    return to_hex(to_rgba(colour)[:3])


def _opaque(colour) -> bool:
    return colour is not None and not (isinstance(colour, str) and colour.lower() == "none") \
        and to_rgba(colour)[3] > 0


# -- size -------------------------------------------------------------------------------

def display_scale(picture_width_px: float, display_width_px: float = DISPLAY_WIDTH_PX
                  ) -> float:
    """How much a picture is shrunk where it is shown: never enlarged.

    >>> display_scale(1311), display_scale(800)
    (0.6903127383676583, 1.0)
    """
    return min(1.0, display_width_px / picture_width_px)


def displayed_px(fontsize_points: float, scale: float, dpi: float = PNG_DPI) -> float:
    """A font's height in screen pixels: points x dpi / 72 x the display scale.

    >>> round(displayed_px(8, display_scale(1311)), 1)
    7.7
    """
    return fontsize_points * dpi / 72 * scale


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG in pixels.

    >>> import io, PIL.Image
    >>> buffer = io.BytesIO()
    >>> PIL.Image.new("RGB", (30, 20)).save(buffer, format="png")
    >>> png_size(buffer.getvalue())
    (30, 20)
    """
    with PIL.Image.open(io.BytesIO(png)) as image:
        return image.size


# -- what the figure draws ----------------------------------------------------------------

def _visible_tree(artist) -> list:
    """``artist`` and every visible descendant that is drawn: of an axis, only the ticks
    inside its view."""
    from matplotlib.axis import Axis

    if not artist.get_visible():
        return []
    found = [artist]
    if isinstance(artist, Axis):
        low, high = sorted(artist.get_view_interval())
        margin = (high - low) * 1e-9
        children = [tick for tick in [*artist.get_major_ticks(), *artist.get_minor_ticks()]
                    if low - margin <= tick.get_loc() <= high + margin]
        children += [artist.label, artist.offsetText]
    else:
        children = artist.get_children()
    for child in children:
        if child is not artist:
            found += _visible_tree(child)
    return found


def drawn_artists(figure: Figure) -> list:
    """Every visible artist of the figure that is drawn (each once)."""
    seen, unique = set(), []
    for artist in _visible_tree(figure):
        if id(artist) not in seen:
            seen.add(id(artist))
            unique.append(artist)
    return unique


def drawn_texts(figure: Figure) -> list[Text]:
    """The visible, non-empty texts of the figure (titles, labels, tick labels, legends,
    annotations), as it was last drawn (an axis writes its tick labels when drawn).

    >>> figure = Figure()
    >>> ax = figure.add_subplot()
    >>> _ = ax.set_xticks([0, 1], ["a", "b"]), ax.set_title("T")
    >>> figure.draw_without_rendering()
    >>> sorted(t.get_text() for t in drawn_texts(figure))
    ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0', 'T', 'a', 'b']
    """
    return [a for a in drawn_artists(figure)
            if isinstance(a, Text) and a.get_text().strip() and to_rgba(a.get_color())[3] > 0]


def describe_text(text: Text) -> str:
    """A text as a message names it: its first 40 characters on one line.

    >>> describe_text(Text(text="A long label\\nover two lines"))
    "'A long label / over two lines'"
    """
    words = " / ".join(line.strip() for line in text.get_text().splitlines() if line.strip())
    return repr(words if len(words) <= 40 else words[:39] + "…")


# -- rendering ----------------------------------------------------------------------------

class _Rendering:
    """The figure drawn at ``PNG_DPI`` on an Agg canvas of its own; the figure's canvas,
    dpi and the visibility of every artist are put back by ``close``."""

    def __init__(self, figure: Figure, dpi: float = PNG_DPI):
        self.figure, self.dpi = figure, dpi
        self._canvas, self._dpi = figure.canvas, figure.dpi
        self.agg = FigureCanvasAgg(figure)
        figure.set_dpi(dpi)
        self.agg.draw()  # lays out the figure at this dpi
        # Then the layout is kept: without its texts, a constrained layout would grow the
        # axes into the room the labels took, and the pixels would not line up.
        self._engine = figure.get_layout_engine()
        figure.set_layout_engine("none")
        self.renderer = self.agg.get_renderer()
        self.full = self._pixels()
        self.height = self.full.shape[0]

    def _pixels(self) -> np.ndarray:
        return np.asarray(self.agg.buffer_rgba())[:, :, :3].astype(float) / 255

    def without(self, hidden: list) -> np.ndarray:
        """The pixels with the ``hidden`` artists left out."""
        states = [(artist, artist.get_visible()) for artist in hidden]
        for artist, _ in states:
            artist.set_visible(False)
        try:
            self.agg.draw()
            return self._pixels()
        finally:
            for artist, visible in states:
                artist.set_visible(visible)

    def redraw(self) -> None:
        """Draw the whole figure again, so that every artist is where it is shown."""
        self.agg.draw()

    def close(self) -> None:
        self.figure.set_layout_engine(self._engine)
        self.figure.set_dpi(self._dpi)
        self.figure.set_canvas(self._canvas)


def _region(pixels: np.ndarray, box: Bbox, grow: float = 0.0) -> np.ndarray:
    """The pixels inside a display box (origin at the bottom left), grown by ``grow`` px."""
    height, width = pixels.shape[:2]
    if not np.all(np.isfinite(box.get_points())):
        return np.empty((0, 3))
    x0, x1 = int(max(0, np.floor(box.x0 - grow))), int(min(width, np.ceil(box.x1 + grow)))
    y0 = int(max(0, np.floor(height - box.y1 - grow)))
    y1 = int(min(height, np.ceil(height - box.y0 + grow)))
    if x1 <= x0 or y1 <= y0:
        return np.empty((0, 3))
    return pixels[y0:y1, x0:x1].reshape(-1, 3)


def dominant_colours(pixels: np.ndarray, share: float = DOMINANT_SHARE) -> list[tuple]:
    """The colours that cover at least ``share`` of some pixels (RGB rows, 0 to 1), most
    common first; a colour is its pixels rounded to 1/64, then averaged.

    >>> pixels = np.array([[1.0, 1.0, 1.0]] * 8 + [[0.5, 0.5, 0.5]] * 2 + [[0.0, 0.0, 0.0]])
    >>> [hex_colour(c) for c in dominant_colours(pixels)]
    ['#ffffff', '#808080']
    """
    if len(pixels) == 0:
        return []
    keys = [tuple(row) for row in np.round(pixels * 64).astype(int)]
    counts = Counter(keys)
    found = []
    for key, n in counts.most_common():
        if n / len(pixels) < share:
            break
        mask = np.all(np.round(pixels * 64).astype(int) == key, axis=1)
        found.append(tuple(float(c) for c in pixels[mask].mean(axis=0)))
    return found


# -- findings -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One rule a figure breaks: ``kind`` (size, text contrast, graphic contrast, cut,
    overlap), the figure's ``name``, what breaks it and the measured ``value``."""

    kind: str
    name: str
    what: str
    value: float | None = None

    def __str__(self) -> str:
        return f"{self.name}: {self.what}"


@dataclass(frozen=True)
class Measure:
    """The figure's extremes: its smallest text as displayed and lowest contrasts."""

    smallest_text_px: float
    smallest_text: str
    lowest_text_contrast: float
    lowest_graphic_contrast: float


def text_sizes(figure: Figure, picture_width_px: float | None = None,
               display_width_px: float = DISPLAY_WIDTH_PX, dpi: float = PNG_DPI,
               rendering: _Rendering | None = None) -> list[tuple[float, Text]]:
    """(size in px as displayed, text) for every drawn text, smallest first.
    ``picture_width_px`` is the width of the PNG shown (default: the figure's width at
    ``dpi``).

    >>> figure = Figure(figsize=(18.1, 2))
    >>> text = figure.text(0.5, 0.5, "x", fontsize=10)
    >>> [(float(round(px, 2)), t.get_text()) for px, t in text_sizes(figure)]
    [(6.94, 'x')]
    """
    own = rendering is None
    rendering = rendering or _Rendering(figure, dpi)  # drawn, so that ticks have labels
    try:
        width = picture_width_px or figure.get_figwidth() * dpi
        scale = display_scale(width, display_width_px)
        sizes = [(displayed_px(t.get_fontsize(), scale, dpi), t) for t in drawn_texts(figure)]
        return sorted(sizes, key=lambda item: item[0])
    finally:
        if own:
            rendering.close()


def _text_background(text: Text, box: Bbox, pixels: np.ndarray) -> list[tuple]:
    """The colours behind a text (in ``box``): its own box's fill, if it has one, over the
    pixels."""
    behind = dominant_colours(_region(pixels, box))
    patch = text.get_bbox_patch()
    if patch is not None and patch.get_visible() and _opaque(patch.get_facecolor()):
        face = patch.get_facecolor()
        behind = [composite(face, colour) for colour in behind] or [composite(face, "white")]
    return behind


def text_contrasts(figure: Figure, dpi: float = PNG_DPI, rendering: _Rendering | None = None
                   ) -> list[tuple[float, Text, tuple, tuple]]:
    """(lowest contrast, text, its colour, the background colour) for every drawn text,
    lowest first.

    >>> figure = Figure(figsize=(2, 1))
    >>> _ = figure.text(0.1, 0.5, "pale", color="#aaaaaa")
    >>> [(round(r, 2), t.get_text(), hex_colour(bg)) for r, t, _, bg in text_contrasts(figure)]
    [(2.32, 'pale', '#ffffff')]
    """
    own = rendering is None
    rendering = rendering or _Rendering(figure, dpi)
    try:
        texts = drawn_texts(figure)
        # The boxes as the whole figure lays them out: without its texts, an axis would
        # move its label up to where the tick labels were.
        boxes = [text.get_window_extent(rendering.renderer) for text in texts]
        background = rendering.without(texts)
        rendering.redraw()
        found = []
        for text, box in zip(texts, boxes, strict=True):
            colour = to_rgba(text.get_color(), text.get_alpha())
            behind = _text_background(text, box, background)
            if behind:
                ratio, under = min((contrast_ratio(colour, b), b) for b in behind)
                found.append((ratio, text, colour, under))
        return sorted(found, key=lambda item: item[0])
    finally:
        if own:
            rendering.close()


@dataclass(frozen=True)
class _Graphic:
    """A drawn mark to check: the artist, what it is in words, its colours that can set it
    apart (edge, fill or line; each with the box it covers) and the level it is drawn at."""

    artist: object
    kind: str
    colours: tuple
    boxes: tuple
    zorder: float
    hatch: tuple | None = None  # (hatch colour, face colour) of a hatched patch


def _point_boxes(artist, renderer, points: np.ndarray, size_points: np.ndarray) -> list[Bbox]:
    """The boxes of markers of ``size_points`` (diameter) at display ``points``, those
    inside the artist's clip box only."""
    clip = artist.get_clip_box() if artist.get_clip_on() else None
    boxes = []
    for (x, y), size in zip(points, size_points, strict=True):
        half = size * renderer.dpi / 72 / 2
        if clip is not None and not (clip.x0 - 1 <= x <= clip.x1 + 1
                                     and clip.y0 - 1 <= y <= clip.y1 + 1):
            continue
        boxes.append(Bbox([[x - half, y - half], [x + half, y + half]]))
    return boxes


def _outline(colour, width: float, face=None) -> list:
    """The colours of a mark that can set it apart: its edge if thick enough, its fill."""
    colours = []
    if _opaque(colour) and width >= MIN_EDGE_POINTS:
        colours.append(to_rgba(colour))
    if face is not None and _opaque(face):
        colours.append(to_rgba(face))
    return colours


def _graphics(figure: Figure, renderer) -> list[_Graphic]:
    """The marks of a figure whose contrast counts: markers, lines, bars and other patches
    of axes and legends (by their edge, fill or hatching), and the arrows of annotations.
    Axes frames, ticks and grid lines are not marks of the data."""
    from matplotlib.axis import Axis

    skip = set()
    for artist in drawn_artists(figure):
        if isinstance(artist, Axis):
            skip.update(id(a) for a in _visible_tree(artist))
    for ax in figure.axes:
        skip.add(id(ax.patch))
        skip.update(id(spine) for spine in ax.spines.values())
    skip.add(id(figure.patch))
    for legend in [a for a in drawn_artists(figure) if isinstance(a, Legend)]:
        skip.add(id(legend.legendPatch))
    found = []
    for artist in drawn_artists(figure):
        if id(artist) in skip or isinstance(artist, Text):
            continue
        level = float(artist.get_zorder())
        if isinstance(artist, Line2D):
            marker = artist.get_marker()
            xy = artist.get_xydata()
            if marker not in (None, "", " ", "None", "none") and len(xy):
                points = artist.get_transform().transform(xy)
                sizes = np.full(len(points), artist.get_markersize())
                boxes = _point_boxes(artist, renderer, points, sizes)
                colours = _outline(artist.get_markeredgecolor(), artist.get_markeredgewidth(),
                                   artist.get_markerfacecolor())
                if boxes and colours:
                    found.append(_Graphic(artist, f"marker '{marker}'", tuple(colours),
                                          tuple(boxes), level))
            if artist.get_linestyle() not in ("None", "", " ", "none") \
                    and artist.get_linewidth() > 0 and len(xy) > 1 \
                    and _opaque(artist.get_color()):
                found.append(_Graphic(artist, "line", (to_rgba(artist.get_color(),
                                                               artist.get_alpha()),),
                                      (artist.get_window_extent(renderer),), level))
        elif isinstance(artist, PathCollection) and len(artist.get_offsets()):
            points = artist.get_offset_transform().transform(artist.get_offsets())
            sizes = np.sqrt(np.resize(artist.get_sizes(), len(points)))
            faces = artist.get_facecolors()
            edges = artist.get_edgecolors()
            widths = artist.get_linewidths()
            for index, box in enumerate(_point_boxes(artist, renderer, points, sizes)):
                face = faces[index % len(faces)] if len(faces) else None
                edge = edges[index % len(edges)] if len(edges) else None
                width = widths[index % len(widths)] if len(widths) else 0
                colours = _outline(edge, width, face)
                if colours:
                    found.append(_Graphic(artist, "marker", tuple(colours), (box,), level))
        elif isinstance(artist, Collection):
            colours = [c for c in artist.get_edgecolors() if _opaque(c)]
            if colours and max(artist.get_linewidths(), default=0) > 0:
                found.append(_Graphic(artist, "line", (tuple(colours[0]),),
                                      (artist.get_window_extent(renderer),), level))
        elif isinstance(artist, FancyArrowPatch):
            if _opaque(artist.get_edgecolor()) and artist.get_linewidth() > 0:
                found.append(_Graphic(artist, "arrow", (artist.get_edgecolor(),),
                                      (artist.get_window_extent(renderer),), level))
        elif isinstance(artist, Patch):
            box = artist.get_window_extent(renderer)
            if box.width < 1 or box.height < 1:
                continue  # a bar of no length draws nothing
            face = artist.get_facecolor() if artist.get_fill() else None
            colours = _outline(artist.get_edgecolor(), artist.get_linewidth(), face)
            hatch = None
            if artist.get_hatch():
                # Hatching sets a patch apart as well as an edge does (a hatched area has
                # no edge), and must itself stand out from the patch's fill.
                hatch = (artist.get_hatchcolor(), face)
                colours.append(to_rgba(artist.get_hatchcolor()))
            if colours or hatch:
                found.append(_Graphic(artist, "patch", tuple(colours), (box,), level, hatch))
    return found


def _name(graphic: _Graphic) -> str:
    label = getattr(graphic.artist, "get_label", lambda: "")()
    named = f" {label!r}" if label and not label.startswith("_") else ""
    return f"{graphic.kind}{named}"


def graphic_contrasts(figure: Figure, dpi: float = PNG_DPI,
                      rendering: _Rendering | None = None) -> list[tuple[float, str, str]]:
    """(contrast, the mark in words, its colour and the background in words) for every
    mark of the figure, lowest first. A mark's contrast is that of its best colour (edge
    or fill) against the worst of the colours behind it; a hatched patch's hatching is
    measured against the patch's own fill.

    >>> figure = Figure(figsize=(2, 1))
    >>> ax = figure.add_subplot()
    >>> _ = ax.plot([0], [0], marker="o", markerfacecolor="#E69F00", markeredgecolor="black")
    >>> [(round(r, 1), what) for r, what, _ in graphic_contrasts(figure)]
    [(21.0, "marker 'o'")]
    """
    own = rendering is None
    rendering = rendering or _Rendering(figure, dpi)
    try:
        texts = drawn_texts(figure)
        graphics = _graphics(figure, rendering.renderer)
        legends = [a for a in drawn_artists(figure) if isinstance(a, Legend)]
        in_legend = set()
        for legend in legends:
            in_legend.update(id(a) for a in _visible_tree(legend))
        backgrounds: dict[tuple, np.ndarray] = {}
        found = []
        for graphic in graphics:
            boxed = id(graphic.artist) in in_legend
            level = np.inf if boxed else graphic.zorder
            # A marker stands on what is drawn under it but not on other markers: one drawn
            # on purpose inside another (a ring round a dot) is measured against the ring's
            # surroundings, not against the ring.
            key = (level, graphic.kind.startswith("marker"))
            if key not in backgrounds:
                above = [g.artist for g in graphics if id(g.artist) not in in_legend
                         and (g.zorder >= level or (key[1] and g.kind.startswith("marker")))]
                backgrounds[key] = rendering.without([*texts, *legends, *above])
            pixels = np.concatenate([np.empty((0, 3))] + [
                _region(backgrounds[key], box, grow=2) for box in graphic.boxes])
            behind = dominant_colours(pixels)
            if not behind:
                continue
            if graphic.colours:
                ratio, colour, under = max(
                    min((contrast_ratio(c, b), c, b) for b in behind)
                    for c in graphic.colours)
                found.append((ratio, _name(graphic),
                              f"{hex_colour(composite(colour, under))} against "
                              f"{hex_colour(under)} behind it"))
            if graphic.hatch is not None:
                hatch, face = graphic.hatch
                floor = [composite(face, b) for b in behind] if face is not None else behind
                ratio, under = min((contrast_ratio(hatch, f), f) for f in floor)
                found.append((ratio, f"hatching of {_name(graphic)}",
                              f"{hex_colour(composite(hatch, under))} against "
                              f"{hex_colour(under)}, the fill it is drawn on"))
        if backgrounds:
            rendering.redraw()
        return sorted(found, key=lambda item: item[0])
    finally:
        if own:
            rendering.close()


# -- layout -------------------------------------------------------------------------------

def _shrunk(box: Bbox, by: float) -> Bbox:
    return Bbox([[box.x0 + by, box.y0 + by], [box.x1 - by, box.y1 - by]])


def _overlap(a: Bbox, b: Bbox) -> bool:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width > OVERLAP_PX and height > OVERLAP_PX


def _ink_box(text: Text, renderer) -> Bbox:
    """A text's box without the room its font keeps above and below the letters."""
    box = text.get_window_extent(renderer)
    trim = min(box.height, box.width) * 0.12
    return _shrunk(box, trim) if trim * 2 < min(box.width, box.height) else box


def cut_texts(figure: Figure, renderer, picture: Bbox | None = None) -> list[Text]:
    """Texts that reach beyond the picture (``picture``: the area saved, in display units;
    default the figure) or beyond the clip box they are drawn in."""
    picture = picture or figure.bbox
    cut = []
    for text in drawn_texts(figure):
        box = text.get_window_extent(renderer)
        frames = [picture]
        if text.get_clip_on() and text.get_clip_box() is not None:
            frames.append(text.get_clip_box())
        if any(box.x0 < f.x0 - 1 or box.x1 > f.x1 + 1 or box.y0 < f.y0 - 1
               or box.y1 > f.y1 + 1 for f in frames):
            cut.append(text)
    return cut


def overlapping_texts(figure: Figure, renderer) -> list[tuple[Text, Text]]:
    """Pairs of texts whose letters overlap (an annotation's text with its own parts and a
    legend's texts with their legend's title are not pairs)."""
    texts = drawn_texts(figure)
    boxes = [_ink_box(t, renderer) for t in texts]
    pairs = []
    for i, (first, a) in enumerate(zip(texts, boxes, strict=True)):
        for second, b in zip(texts[i + 1:], boxes[i + 1:], strict=True):
            if _overlap(a, b):
                pairs.append((first, second))
    return pairs


def texts_over_markers(figure: Figure, renderer) -> list[tuple[Text, str]]:
    """(text, the marker in words) for texts drawn over a data marker of their axes. A
    marker's box is its middle 70 %, so that a label set just beside it does not count."""
    found = []
    texts = [t for t in drawn_texts(figure) if t.axes is not None]
    markers = [g for g in _graphics(figure, renderer)
               if g.kind.startswith("marker") and getattr(g.artist, "axes", None) is not None]
    for text in texts:
        box = _ink_box(text, renderer)
        for graphic in markers:
            if graphic.artist.axes is not text.axes:
                continue
            for marker in graphic.boxes:
                middle = _shrunk(marker, marker.width * 0.15)
                if _overlap(box, middle):
                    found.append((text, _name(graphic)))
                    break
    return found


# -- all rules -----------------------------------------------------------------------------

def check_figure(figure: Figure, name: str, picture_width_px: float | None = None,
                 display_width_px: float = DISPLAY_WIDTH_PX, tight: bool = True,
                 dpi: float = PNG_DPI) -> list[Finding]:
    """Every rule the figure breaks, as ``Finding``s whose text names the figure, the text
    or mark and the measured size or ratio. ``picture_width_px``: the width of the PNG
    shown; ``tight``: the PNG is saved with ``bbox_inches="tight"`` (so nothing is cut by
    the figure's edge, but what sticks out widens the picture).
    """
    rendering = _Rendering(figure, dpi)
    try:
        findings = []
        for px, text in text_sizes(figure, picture_width_px, display_width_px, dpi,
                                   rendering):
            if px < MIN_TEXT_PX - 1e-9:
                findings.append(Finding("size", name, f"text {describe_text(text)} is "
                                        f"{px:.1f} px as displayed (at least "
                                        f"{MIN_TEXT_PX:g} px)", px))
        for ratio, text, colour, under in text_contrasts(figure, dpi, rendering):
            if ratio < MIN_TEXT_CONTRAST:
                findings.append(Finding(
                    "text contrast", name, f"text {describe_text(text)} "
                    f"({hex_colour(composite(colour, under))}) has contrast {ratio:.2f}:1 "
                    f"against {hex_colour(under)} behind it (at least {MIN_TEXT_CONTRAST:g}:1)",
                    ratio))
        for ratio, what, colours in graphic_contrasts(figure, dpi, rendering):
            if ratio < MIN_GRAPHIC_CONTRAST:
                first, _, rest = colours.partition(" against ")
                findings.append(Finding(
                    "graphic contrast", name, f"{what} ({first}) has contrast {ratio:.2f}:1 "
                    f"against {rest} (at least {MIN_GRAPHIC_CONTRAST:g}:1)", ratio))
        renderer = rendering.renderer
        if not tight:
            for text in cut_texts(figure, renderer):
                findings.append(Finding("cut", name, f"text {describe_text(text)} is cut by "
                                        "the edge of the picture or of its axes"))
        else:
            for text in cut_texts(figure, renderer, Bbox([[-np.inf, -np.inf], [np.inf, np.inf]])):
                findings.append(Finding("cut", name, f"text {describe_text(text)} is cut by "
                                        "the edge of its axes"))
        for first, second in overlapping_texts(figure, renderer):
            findings.append(Finding("overlap", name, f"text {describe_text(first)} overlaps "
                                    f"text {describe_text(second)}"))
        for text, marker in texts_over_markers(figure, renderer):
            findings.append(Finding("overlap", name, f"text {describe_text(text)} covers a "
                                    f"{marker}"))
        return findings
    finally:
        rendering.close()


def measure(figure: Figure, picture_width_px: float | None = None,
            display_width_px: float = DISPLAY_WIDTH_PX, dpi: float = PNG_DPI) -> Measure:
    """The smallest text as displayed and the lowest text and graphic contrasts.

    >>> figure = Figure(figsize=(3, 1))
    >>> _ = figure.text(0.1, 0.5, "note", fontsize=9)
    >>> result = measure(figure)
    >>> round(result.smallest_text_px, 1), result.smallest_text, result.lowest_text_contrast
    (12.5, "'note'", 21.0)
    """
    rendering = _Rendering(figure, dpi)
    try:
        sizes = text_sizes(figure, picture_width_px, display_width_px, dpi, rendering)
        texts = text_contrasts(figure, dpi, rendering)
        graphics = graphic_contrasts(figure, dpi, rendering)
    finally:
        rendering.close()
    px, text = sizes[0] if sizes else (float("inf"), None)
    return Measure(round(px, 2), describe_text(text) if text is not None else "",
                   round(texts[0][0], 2) if texts else float("inf"),
                   round(graphics[0][0], 2) if graphics else float("inf"))
