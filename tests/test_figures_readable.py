"""Every figure a lesson shows is readable where it is shown (issue 17): built as the lessons
build it (``lesson_figures``), on both cases, and measured from the figure itself by
``casebook.plots.readability`` at the width of a notebook's output area on a laptop
(1366 px window): no text under 10 px, text 4.5:1 and marks 3:1 against what is behind
them, nothing cut or covering a marker; and one convention for hindsight in every lesson.

The rules are first shown to catch what they should, on small made-up figures.
"""

from __future__ import annotations

import numpy as np
import pytest
from lesson_figures import lesson_figures
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from casebook.plots import (
    HIGHLIGHT_HATCH,
    HINDSIGHT_FACE,
    HINDSIGHT_HATCH,
    HINDSIGHT_HATCH_COLOUR,
    HINDSIGHT_WORDS,
    HOLLOW,
    HOLLOW_WORDS,
    Chart,
    hindsight_area,
)
from casebook.plots.readability import (
    DISPLAY_WIDTH_PX,
    MIN_GRAPHIC_CONTRAST,
    MIN_TEXT_CONTRAST,
    MIN_TEXT_PX,
    check_figure,
    contrast_ratio,
    png_size,
)

# -- the rules catch what they should ----------------------------------------------------


def kinds(findings) -> list[str]:
    return [finding.kind for finding in findings]


def test_a_small_font_in_a_wide_figure_is_measured_as_displayed():
    figure = Figure(figsize=(13.1, 2))  # 1310 px, shown 905 px wide
    figure.text(0.1, 0.5, "box text", fontsize=8)
    findings = check_figure(figure, "wide map")
    assert kinds(findings) == ["size"]
    assert str(findings[0]) == ("wide map: text 'box text' is 7.7 px as displayed "
                                "(at least 10 px)")
    # The same font in a figure that fits the output area is shown at full size: 11.1 px.
    narrow = Figure(figsize=(8, 2))
    narrow.text(0.1, 0.5, "box text", fontsize=8)
    assert check_figure(narrow, "narrow") == []


def test_pale_text_and_a_pale_line_fail_their_contrast():
    figure = Figure(figsize=(4, 2))
    ax = figure.add_subplot()
    ax.plot([0, 1], [0, 1], color="#999999")
    ax.set_title("pale title", color="#888888")
    found = {f.kind: f for f in check_figure(figure, "pale")}
    assert found["text contrast"].value == pytest.approx(3.54, abs=0.01)
    assert "'pale title' (#888888) has contrast 3.54:1 against #ffffff" in str(
        found["text contrast"])
    assert found["graphic contrast"].value == pytest.approx(2.85, abs=0.01)
    assert "line (#999999) has contrast 2.85:1" in str(found["graphic contrast"])


def test_a_hollow_grey_marker_on_a_grey_hatched_area_fails_and_the_convention_passes():
    def figure_with(edge):
        figure = Figure(figsize=(3, 2))
        ax = figure.add_subplot()
        ax.axvspan(0.5, 2, facecolor="0.93", hatch="//", edgecolor="0.7", linewidth=0)
        ax.plot([1], [0.5], marker="o", markersize=8, markerfacecolor="white",
                markeredgecolor=edge, linestyle="none")
        ax.set_xlim(0, 2)
        return figure

    found = check_figure(figure_with("0.55"), "old hindsight")
    messages = " ".join(str(f) for f in found)
    assert "marker 'o' (#8c8c8c) has contrast 2.8" in messages  # the 2.9:1
    assert "hatching of patch (#b2b2b2) has contrast 1.80:1 against #ededed" in messages
    ok = Figure(figsize=(3, 2))
    ax = ok.add_subplot()
    hindsight_area(ax, 0.5, 2)
    ax.plot([1], [0.5], marker="o", markersize=8, markerfacecolor=HOLLOW["facecolor"],
            markeredgecolor=HOLLOW["edgecolor"], markeredgewidth=HOLLOW["linewidth"],
            linestyle="none")
    ax.set_xlim(0, 2)
    assert check_figure(ok, "hindsight") == []


def test_a_label_over_a_marker_and_labels_over_each_other_are_found():
    figure = Figure(figsize=(4, 2))
    ax = figure.add_subplot()
    ax.plot([0.5], [0.5], marker="s", markersize=10, color="#0072B2",
            markeredgecolor="black", linestyle="none")
    ax.text(0.5, 0.5, "after the article", rotation=90, ha="center", va="center")
    ax.text(0.05, 0.9, "first label", transform=ax.transAxes)
    ax.text(0.07, 0.9, "second label", transform=ax.transAxes)
    found = [str(f) for f in check_figure(figure, "crowded") if f.kind == "overlap"]
    assert "crowded: text 'after the article' covers a marker 's'" in found
    assert "crowded: text 'first label' overlaps text 'second label'" in found


def test_a_text_past_the_edge_is_cut_unless_the_picture_is_saved_tight():
    figure = Figure(figsize=(3, 1))
    figure.text(0.8, 0.5, "a label too long to fit")
    assert kinds(check_figure(figure, "edge", tight=False)) == ["cut"]
    assert check_figure(figure, "edge", tight=True) == []


def test_contrast_follows_wcag():
    assert contrast_ratio("black", "white") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "white") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#999999", "white") == pytest.approx(2.85, abs=0.01)


# -- every figure of every lesson ----------------------------------------------------------

def _saved_tight(chart: Chart) -> bool:
    """Charts that a widget redraws in place keep a fixed canvas; the others are saved with
    ``bbox_inches="tight"`` (``Chart.png``)."""
    return type(chart).png is Chart.png


@pytest.fixture(scope="module")
def figures(case):
    """(name, chart, PNG width, findings) of every figure the lessons show, for one case."""
    measured = []
    for name, chart in lesson_figures(case):
        width, _ = png_size(chart.png())
        findings = check_figure(chart.figure, name, width, tight=_saved_tight(chart))
        measured.append((name, chart, width, findings))
    return measured


def _failures(figures, *kinds_wanted) -> list[str]:
    return [str(f) for _, _, _, findings in figures for f in findings if f.kind in kinds_wanted]


def test_every_lesson_figure_is_built(figures):
    names = [name for name, *_ in figures]
    lessons = {name[:2] for name in names}
    assert lessons == {f"{n:02d}" for n in range(11)}, "a figure of every lesson"
    assert len(names) == len(set(names)) >= 20


def test_no_figure_is_shrunk_where_a_lesson_shows_it(figures):
    wide = [f"{name}: {width} px wide, shown {DISPLAY_WIDTH_PX} px" for name, _, width, _ in
            figures if width > DISPLAY_WIDTH_PX]
    assert not wide, "\n".join(wide)


def test_no_figure_text_under_10_px_as_displayed(figures):
    failures = _failures(figures, "size")
    assert not failures, f"text under {MIN_TEXT_PX:g} px:\n" + "\n".join(failures)


def test_figure_text_stands_out_from_what_is_behind_it(figures):
    failures = _failures(figures, "text contrast")
    assert not failures, (f"text under {MIN_TEXT_CONTRAST:g}:1:\n" + "\n".join(failures))


def test_markers_lines_bars_and_hatching_stand_out_from_what_is_behind_them(figures):
    failures = _failures(figures, "graphic contrast")
    assert not failures, (f"marks under {MIN_GRAPHIC_CONTRAST:g}:1:\n" + "\n".join(failures))


def test_no_label_is_cut_or_covers_a_marker_or_another_label(figures):
    failures = _failures(figures, "cut", "overlap")
    assert not failures, "\n".join(failures)


# -- one convention for hindsight ------------------------------------------------------------

def _drawn(chart: Chart):
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    return canvas.get_renderer()


def _hindsight_areas(ax) -> list:
    return [p for p in ax.patches if p.get_hatch() == HINDSIGHT_HATCH
            and to_hex(p.get_facecolor()) == to_hex(HINDSIGHT_FACE)]


def _markers(ax):
    """(display x, face colour, edge colour) of every data marker drawn on ``ax``."""
    found = []
    for line in ax.lines:
        if line.get_visible() and line.get_marker() not in (None, "None", "", " "):
            for x, _ in line.get_transform().transform(line.get_xydata()):
                found.append((x, to_hex(line.get_markerfacecolor()),
                              to_hex(line.get_markeredgecolor())))
    for collection in ax.collections:
        if collection.get_visible() and hasattr(collection, "get_offsets") and len(
                collection.get_offsets()):
            points = collection.get_offset_transform().transform(collection.get_offsets())
            low, high = ax.bbox.x0, ax.bbox.x1
            for index, (x, _) in enumerate(points):
                if low <= x <= high:
                    faces, edges = collection.get_facecolors(), collection.get_edgecolors()
                    found.append((x, to_hex(faces[index % len(faces)]),
                                  to_hex(edges[index % len(edges)])))
    return found


def test_hindsight_looks_the_same_in_every_lesson(figures):
    """Wherever a figure keeps what came after the article apart, it lays the same hatched
    area, labels it with the same words, and draws every mark inside it hollow (and no
    mark before it hollow); its legend names both."""
    showing, counted = [], 0
    for name, chart, _, _ in figures:
        ax = chart.figure.axes[0]
        renderer = _drawn(chart)
        areas = [a for a in _hindsight_areas(ax)  # those inside the window drawn
                 if a.get_window_extent(renderer).x0 < ax.bbox.x1]
        if not areas:
            continue
        showing.append(name)
        assert len(areas) == 1, name
        area = areas[0]
        assert to_hex(area.get_hatchcolor()) == to_hex(HINDSIGHT_HATCH_COLOUR), name
        texts = [t.get_text() for t in ax.texts]
        assert any(t.startswith(HINDSIGHT_WORDS) for t in texts), (name, texts)
        legends = [ax.get_legend(), *chart.figure.legends]
        entries = [t.get_text() for legend in legends if legend for t in legend.get_texts()]
        start = area.get_window_extent(renderer).x0
        markers = _markers(ax)
        later = [m for m in markers if m[0] > start]
        earlier = [m for m in markers if m[0] < start]
        hollow = (to_hex(HOLLOW["facecolor"]), to_hex(HOLLOW["edgecolor"]))
        assert all(m[1:] == hollow for m in later), name
        assert not any(m[1:] == hollow for m in earlier), name
        counted += len(later)
        assert HINDSIGHT_WORDS in entries, (name, entries)
        assert (HOLLOW_WORDS in entries) == bool(later), (name, entries)
    assert {name[:2] for name in showing} >= {"01", "05"}, showing  # 03 too, if it has them
    assert counted, "some marks after the article were checked"


def test_no_other_chart_uses_the_hindsight_hatch_and_highlights_are_cross_hatched(figures):
    for name, chart, _, _ in figures:
        for ax in chart.figure.axes:
            for patch in ax.patches:
                if to_hex(patch.get_facecolor()) == to_hex(HINDSIGHT_FACE):
                    assert patch in _hindsight_areas(ax), (name, patch)
    by_name = {name: chart for name, chart, _, _ in figures}
    for name in ("00 events per year", "09 named events per year"):
        hatches = [bar.get_hatch() for bar in by_name[name].figure.axes[0].patches
                   if bar.get_hatch()]
        assert hatches in ([], [HIGHLIGHT_HATCH]), (name, hatches)


def test_later_changes_of_ties_are_hollow_like_everything_after_the_article(figures):
    chart = {name: chart for name, chart, _, _ in figures}["07 changes chart"]
    markers = [line for line in chart.figure.axes[0].lines
               if isinstance(line, Line2D) and line.get_marker() not in (None, "None", "")]
    faces = np.array([to_hex(line.get_markerfacecolor()) for line in markers])
    # Per tie: first the period before (filled), then the later one (hollow).
    assert set(faces[1::2]) == {to_hex(HOLLOW["facecolor"])}
    assert to_hex(HOLLOW["facecolor"]) not in set(faces[0::2])
    assert "from the filled marker (before) to the hollow one (after)" in chart.description
