"""Charts of the signed actor networks (model: ``casebook.model.network``).

- :func:`network_chart`: one period; actors where ``actors.csv`` puts them, so the picture
  stays put from period to period; a :class:`NetworkChart` that can be redrawn in place.
- :func:`network_small_multiples`: every period side by side, in the same layout.
- :func:`changes_chart`: what changed between two periods, tie by tie.
- :func:`signed_heatmap`: the signed matrix of one period, its values written in, in the
  network charts' colours (blue cooperative, vermilion hostile).
- :func:`balance_chart`: the share of balanced triads per period, under each treatment of
  mixed ties.

The four kinds of tie differ in line style *and* in Okabe-Ito colour (cooperative solid
blue, mixed dash-dot reddish purple, neutral dotted grey, hostile dashed vermilion); line
width shows strength; the focus actor (the case's ``focus_actor``) is drawn larger, in
yellow, ringed and in bold. Every chart comes with a description made from the same data,
and its table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ..model import network as net
from . import HOLLOW, NEUTRAL_GREY, OKABE_ITO, Chart
from .redraw import QuickCanvas

SIGN_STYLES = {
    "cooperative": {"color": OKABE_ITO[5], "linestyle": "-"},  # blue, solid
    "mixed": {"color": OKABE_ITO[7], "linestyle": "-."},  # reddish purple, dash-dot
    "neutral": {"color": NEUTRAL_GREY, "linestyle": ":"},  # grey, dotted (4.5:1 on white)
    "hostile": {"color": OKABE_ITO[6], "linestyle": "--"},  # vermilion, dashed
}
# The style in words, for the descriptions (a screen reader hears what the eye sees).
STYLE_WORDS = {
    "cooperative": "solid blue", "mixed": "dash-dot reddish purple", "neutral": "dotted grey",
    "hostile": "dashed vermilion",
}
WIDTH_PER_STRENGTH = 1.8
SMALL_MULTIPLE_WIDTH = 0.7  # line widths in the small multiples, relative to one chart
NODE_SIZE, FOCUS_NODE_SIZE = 260, 520
NODE_FACE, FOCUS_FACE = "white", OKABE_ITO[4]  # yellow, with a ring and bold label besides
MARGIN = 0.45  # room around the actors' positions for their labels
MAX_STRENGTH = 3
# The heatmap's colours run from the hostile vermilion through white (mixed, neutral) to the
# cooperative blue of the network charts, so that a colour means the same in every chart of
# the lesson; blue against orange stays apart for colour-blind readers, and every cell also
# carries its value.
DIVERGING_COLOURMAP = LinearSegmentedColormap.from_list(
    "hostile_to_cooperative", [SIGN_STYLES["hostile"]["color"], "white",
                               SIGN_STYLES["cooperative"]["color"]],
    N=2 * MAX_STRENGTH + 1)  # one colour per value, -3 ... +3
# A tie whose straight line would pass this close to a third actor (in the layout's units,
# -1 to 1) would look like two ties through that actor: it is drawn as a curve that passes
# at least BEND_CLEARANCE from it instead.
NEAR_ACTOR = 0.12
BEND_CLEARANCE = 0.2
CURVE_POINTS = 25
WIDTH_NOTE = "Line width: strength 1 (weak) to 3 (strong)"
HIDDEN_TEXT = "#6e6e6e"  # the legend's word for a hidden kind of tie: greyed, still 5:1
MAX_WIDTH = 8.8  # inches: at 100 dpi no wider than a lesson's output area on a laptop


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _margins(figure: Figure, left: float, right: float, top: float, bottom: float) -> None:
    """Fixed margins in inches. A fixed layout draws faster than a constrained one, and
    these charts know the room their labels need."""
    width, height = figure.get_size_inches()
    figure.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height,
                           bottom=bottom / height)


def _heading(graph: nx.Graph, periods: pd.DataFrame | None) -> str:
    period_id = graph.graph.get("period_id")
    if periods is not None and period_id in periods.index:
        return net.period_heading(periods, period_id)
    return str(period_id)


# -- one period -----------------------------------------------------------------------------

@dataclass
class NetworkChart(Chart):
    """A network chart whose artists can be restyled for another period, focus actor or
    choice of ties with :meth:`update`, without building a new figure."""

    ax: object = None
    edges: dict = field(default_factory=dict)  # (actor_a, actor_b) -> Line2D
    nodes: object = None  # the PathCollection of the actors' markers
    ring: object = None  # the ring around the focus actor
    labels: dict = field(default_factory=dict)  # actor id -> Text
    legend: object = None
    periods: pd.DataFrame | None = None
    graph: nx.Graph | None = None
    shown: tuple = net.SIGNS
    focus_actor: str | None = None
    _canvas: QuickCanvas | None = field(default=None, repr=False)

    def update(self, graph: nx.Graph, focus_actor: str | None = None,
               shown=net.SIGNS) -> None:
        """Restyle the drawn ties and actors for ``graph`` (same actors), and renew the
        description and the table."""
        focus_actor = graph.graph.get("focus_actor") if focus_actor is None else focus_actor
        shown = tuple(s for s in net.SIGNS if s in shown)
        for key in [k for k in self.edges if not graph.has_edge(*k)]:
            self.edges[key].set_visible(False)
        for a, b, data in graph.edges(data=True):
            line = self.edges.get((a, b)) or self.edges.get((b, a))
            if line is None:  # a pair the first graph had no edge for
                line = self._new_edge(graph, a, b)
            _style_edge(line, data, data["sign"] in shown)
        nodes = list(graph.nodes)
        is_focus = [n == focus_actor for n in nodes]
        self.nodes.set_sizes([FOCUS_NODE_SIZE if f else NODE_SIZE for f in is_focus])
        self.nodes.set_facecolors([FOCUS_FACE if f else NODE_FACE for f in is_focus])
        self.nodes.set_linewidths([2.5 if f else 1.2 for f in is_focus])
        if focus_actor in graph.nodes:
            node = graph.nodes[focus_actor]
            self.ring.set_data([node["x"]], [node["y"]])
            self.ring.set_visible(True)
        else:
            self.ring.set_visible(False)
        for actor_id, text in self.labels.items():
            text.set_fontweight("bold" if actor_id == focus_actor else "normal")
        entries = self.legend.get_texts()
        for sign, entry in zip(net.SIGNS, entries, strict=False):
            entry.set_text(sign if sign in shown else f"{sign} (hidden)")
            entry.set_color("black" if sign in shown else HIDDEN_TEXT)
        entries[-1].set_text(_focus_legend_text(graph, focus_actor))
        # At y=1 (where it stands anyway): placed by hand, the title can be left out of a
        # draw and pasted back (``png``); matplotlib would otherwise move a hidden one.
        self.ax.set_title(_heading(graph, self.periods), y=1.0)
        self.graph, self.shown, self.focus_actor = graph, shown, focus_actor
        self.description = describe_network(graph, _heading(graph, self.periods),
                                            focus_actor, shown)
        self.table = network_table(graph)

    def png(self) -> bytes:
        """The figure as PNG at its fixed layout, drawn once on a canvas of its own (the
        "tight" bounding box of ``Chart.png`` would draw it twice); the legend (which a
        change of period leaves as it is), the title and the note on line widths are pasted
        back when unchanged (``plots.redraw``). It is made again on every change of the
        explorer."""
        if self._canvas is None:
            self._canvas = QuickCanvas(self.figure)
        entries = tuple((text.get_text(), text.get_color()) for text in self.legend.get_texts())
        return self._canvas.png({"legend": ([self.legend], entries),
                                 "title": ([self.ax.title], self.ax.title.get_text()),
                                 "note": (self.figure.texts, WIDTH_NOTE)},
                                others=list(self.labels.values()))

    def _new_edge(self, graph: nx.Graph, a: str, b: str) -> Line2D:
        line = _edge_line(self.ax, graph, a, b)
        self.edges[a, b] = line
        return line


def tie_path(positions: dict, a: str, b: str) -> tuple[np.ndarray, np.ndarray]:
    """The points of the line drawn for the tie between actors ``a`` and ``b``
    (``positions``: actor -> (x, y)). Straight, unless it would pass within ``NEAR_ACTOR`` of
    a third actor, where a reader would take it for two ties meeting there: then a gentle
    curve (a quadratic Bézier) that bends away from that actor and passes at least
    ``BEND_CLEARANCE`` from it.

    >>> xs, ys = tie_path({"a": (0, 0), "b": (2, 0), "c": (1, 1)}, "a", "b")
    >>> xs.tolist(), ys.tolist()
    ([0.0, 2.0], [0.0, 0.0])
    >>> xs, ys = tie_path({"a": (0, 0), "b": (2, 0), "c": (1, 0.05)}, "a", "b")
    >>> len(xs), round(float(ys.min()), 2), float(xs[0]), float(xs[-1])  # bends below c
    (25, -0.15, 0.0, 2.0)
    """
    start, end = np.array(positions[a], dtype=float), np.array(positions[b], dtype=float)
    chord = end - start
    length = float(np.hypot(*chord))
    straight = (np.array([start[0], end[0]]), np.array([start[1], end[1]]))
    if length == 0:
        return straight
    normal = np.array([-chord[1], chord[0]]) / length
    bend, side = 0.0, 1.0
    for other, point in positions.items():
        if other in (a, b):
            continue
        offset = np.array(point, dtype=float) - start
        along = float(offset @ chord) / length**2  # 0 at a, 1 at b
        across = float(offset @ normal)  # signed distance from the straight line
        if 0.05 < along < 0.95 and abs(across) < NEAR_ACTOR:
            # The curve's offset from the chord at `along` is 2 t (1 - t) x the bend.
            needed = (BEND_CLEARANCE - abs(across)) / (2 * along * (1 - along))
            if needed > bend:
                bend, side = needed, -1.0 if across > 0 else 1.0
    if bend == 0:
        return straight
    control = (start + end) / 2 + side * bend * normal
    steps = np.linspace(0, 1, CURVE_POINTS)[:, None]
    curve = (1 - steps) ** 2 * start + 2 * steps * (1 - steps) * control + steps**2 * end
    return curve[:, 0], curve[:, 1]


def _edge_line(ax, graph: nx.Graph, a: str, b: str) -> Line2D:
    positions = {n: (graph.nodes[n]["x"], graph.nodes[n]["y"]) for n in graph.nodes}
    (line,) = ax.plot(*tie_path(positions, a, b), solid_capstyle="butt",
                      dash_capstyle="butt", zorder=1)
    line.set_gid(f"tie {a}-{b}")
    return line


def _style_edge(line: Line2D, data: dict, visible: bool) -> None:
    style = SIGN_STYLES[data["sign"]]
    line.set_color(style["color"])
    line.set_linestyle(style["linestyle"])
    line.set_linewidth(WIDTH_PER_STRENGTH * data["strength"])
    line.set_visible(visible)


def _focus_legend_text(graph: nx.Graph, focus_actor: str | None) -> str:
    if focus_actor in graph.nodes:
        return f"focus actor: {net.short_name(graph, focus_actor)}"
    return "focus actor: none"


def _legend_handles(focus_text: str) -> list[Line2D]:
    handles = [Line2D([], [], linewidth=WIDTH_PER_STRENGTH * 2, label=sign,
                      **SIGN_STYLES[sign]) for sign in net.SIGNS]
    handles.append(Line2D([], [], linestyle="none", marker="o", markersize=13,
                          markerfacecolor=FOCUS_FACE, markeredgecolor="black",
                          markeredgewidth=2.5, label=focus_text))
    return handles


def _draw_network(ax, graph: nx.Graph, focus_actor: str | None, shown,
                  fontsize: float = 10) -> tuple[dict, object, object, dict]:
    """Draw ties, actors and labels on ``ax``; return the artists that an update restyles."""
    xs = np.array([graph.nodes[n]["x"] for n in graph.nodes], dtype=float)
    ys = np.array([graph.nodes[n]["y"] for n in graph.nodes], dtype=float)
    edges = {}
    for a, b, data in graph.edges(data=True):
        edges[a, b] = _edge_line(ax, graph, a, b)
        _style_edge(edges[a, b], data, data["sign"] in shown)
    nodes = ax.scatter(xs, ys, s=NODE_SIZE, c=NODE_FACE, edgecolors="black", zorder=3)
    (ring,) = ax.plot([], [], linestyle="none", marker="o", markersize=30,
                      markerfacecolor="none", markeredgecolor="black", markeredgewidth=1.2,
                      zorder=2)
    labels = {}
    centre = np.array([xs.mean(), ys.mean()])
    for actor_id, x, y in zip(graph.nodes, xs, ys, strict=True):
        # Labels sit outside the actor, away from the middle, where the ties cross.
        away = np.array([x, y]) - centre
        away = away / (np.hypot(*away) or 1.0)
        labels[actor_id] = ax.annotate(
            net.short_name(graph, actor_id), (x, y), xytext=tuple(away * 16 + [0, -2]),
            textcoords="offset points", fontsize=fontsize, zorder=4,
            ha="left" if away[0] > 0.35 else "right" if away[0] < -0.35 else "center",
            va="bottom" if away[1] > 0.35 else "top" if away[1] < -0.35 else "center",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                  "alpha": 0.85})
    ax.set_xlim(xs.min() - MARGIN, xs.max() + MARGIN)
    ax.set_ylim(ys.min() - MARGIN * 0.8, ys.max() + MARGIN * 0.8)
    ax.set_aspect("equal")
    # No ticks at all: an axis that is only switched off still lays out its ticks.
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_axis_off()
    return edges, nodes, ring, labels


def network_table(graph: nx.Graph) -> pd.DataFrame:
    """The numbers behind a network chart: each tie with its sign and strength."""
    return net.ties(graph)[["tie", "sign", "strength"]]


def describe_network(graph: nx.Graph, heading: str, focus_actor: str | None = None,
                     shown=net.SIGNS) -> str:
    """The text description of a network chart, from the same graph.

    >>> graph = net.graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2),
    ...                              ("b", "c", "mixed", 1)], focus_actor="a")
    >>> text = describe_network(graph, "Example", "a")
    >>> print(text.replace(". ", ".\\n"))  # doctest: +NORMALIZE_WHITESPACE
    Network chart of 3 actors in Example, each in its fixed place.
    Ties: 1 cooperative (solid blue lines), 1 mixed (dash-dot reddish purple), 0 neutral
    (dotted grey) and 1 hostile (dashed vermilion); line width shows strength, from 1 (weak)
    to 3 (strong).
    Strongest cooperative ties (3): a – b.
    Strongest hostile ties (2): a – c.
    Focus actor a (yellow, ringed, in bold): cooperative with b (3); hostile with c (2).
    """
    counts = {sign: 0 for sign in net.SIGNS}
    for _, _, data in graph.edges(data=True):
        counts[data["sign"]] += 1
    kinds = [f"{counts[s]} {s} ({STYLE_WORDS[s]}{' lines' * (i == 0)})"
             for i, s in enumerate(net.SIGNS)]
    text = (f"Network chart of {graph.number_of_nodes()} actors in {heading}, each in its "
            f"fixed place. Ties: {_list(kinds)}; line width shows strength, from 1 (weak) to "
            f"{MAX_STRENGTH} (strong).")
    hidden = [s for s in net.SIGNS if s not in shown and counts[s]]
    if hidden:
        text += f" Hidden by the toggles: the {_list(hidden)} ties."
    for sign in ("cooperative", "hostile"):
        if sign not in shown or not counts[sign]:
            continue
        top = max(d["strength"] for _, _, d in graph.edges(data=True) if d["sign"] == sign)
        pairs = [net.pair_name(graph, a, b) for a, b, d in graph.edges(data=True)
                 if d["sign"] == sign and d["strength"] == top]
        text += f" Strongest {sign} ties ({top}): {', '.join(pairs)}."
    if focus_actor in graph.nodes:
        parts = []
        for sign in net.SIGNS:
            partners = [f"{net.short_name(graph, other)} ({d['strength']})"
                        for other, d in graph[focus_actor].items() if d["sign"] == sign]
            if partners:
                parts.append(f"{sign} with {_list(partners)}")
        text += (f" Focus actor {net.short_name(graph, focus_actor)} (yellow, ringed, in bold): "
                 f"{'; '.join(parts) or 'no ties'}.")
    return text


def network_chart(graph: nx.Graph, periods: pd.DataFrame | None = None,
                  focus_actor: str | None = None, shown=net.SIGNS) -> NetworkChart:
    """The network of one period, actors at their ``x``, ``y``; ``shown`` names the kinds of
    tie to draw (the others are drawn but hidden, so that an update can show them);
    ``focus_actor`` defaults to the graph's (the case's).

    >>> graph = net.graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2),
    ...                              ("b", "c", "mixed", 1)], focus_actor="a")
    >>> chart = network_chart(graph)
    >>> [(line.get_linestyle(), line.get_linewidth()) for line in chart.edges.values()]
    [('-', 5.4), ('--', 3.6), ('-.', 1.8)]
    >>> [text.get_text() for text in chart.legend.get_texts()]
    ['cooperative', 'mixed', 'neutral', 'hostile', 'focus actor: a']
    """
    focus_actor = graph.graph.get("focus_actor") if focus_actor is None else focus_actor
    shown = tuple(s for s in net.SIGNS if s in shown)
    # A fixed layout (the picture's parts never change size): faster to redraw in a widget
    # than a constrained one.
    figure = Figure(figsize=(7.5, 4.8))
    ax = figure.add_axes((0.01, 0.05, 0.66, 0.88))
    edges, nodes, ring, labels = _draw_network(ax, graph, focus_actor, shown)
    legend = ax.legend(handles=_legend_handles(_focus_legend_text(graph, focus_actor)),
                       loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                       title="Kind of tie", handlelength=3.2, labelspacing=0.9)
    figure.text(0.99, 0.02, WIDTH_NOTE, ha="right", fontsize=8)
    chart = NetworkChart(figure, "", pd.DataFrame(), ax=ax, edges=edges, nodes=nodes,
                         ring=ring, labels=labels, legend=legend, periods=periods)
    chart.update(graph, focus_actor, shown)
    return chart


# -- every period ---------------------------------------------------------------------------

def sign_counts(graphs: dict[str, nx.Graph], periods: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """Periods x kinds of tie: how many ties of each kind each period has.

    >>> graph = net.graph_from_ties([("a", "b", "cooperative"), ("a", "c", "hostile")])
    >>> sign_counts({"example": graph}).loc["example"].tolist()
    [1, 0, 0, 1]
    """
    rows = {}
    for period_id, graph in graphs.items():
        counts = {sign: 0 for sign in net.SIGNS}
        for _, _, data in graph.edges(data=True):
            counts[data["sign"]] += 1
        rows[period_id] = counts
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(net.SIGNS))
    if periods is not None:
        table.index = [net.period_heading(periods, p) for p in table.index]
    table.index.name = "period"
    return table


def network_small_multiples(graphs: dict[str, nx.Graph], periods: pd.DataFrame,
                            focus_actor: str | None = None, columns: int = 3) -> Chart:
    """One small network chart per period, in time order, all in the same layout, with one
    legend; the table counts the kinds of tie per period.

    >>> one = net.graph_from_ties([("a", "b", "cooperative"), ("a", "c", "hostile")])
    >>> periods = pd.DataFrame({"label": ["P"], "start_year": [2000], "end_year": [2002]},
    ...                        index=["example"])
    >>> chart = network_small_multiples({"example": one}, periods)
    >>> len(chart.figure.axes), chart.table.loc["P (2000-2002)", "hostile"]
    (1, np.int64(1))
    """
    count = len(graphs)
    columns = min(columns, count)
    rows = -(-count // columns)
    panel = min(3.4, (MAX_WIDTH - 0.3) / columns)  # labels may reach past the panels
    height = panel * 0.85 + 0.1 + (panel * 0.85 + 0.3) * (rows - 1) + 1.1
    figure = Figure(figsize=(panel * columns, height))
    # A fixed layout: room for two-line titles above each panel and the legend below.
    figure.subplots_adjust(left=0.01, right=0.99, top=1 - 0.45 / height, bottom=0.95 / height,
                           wspace=0.05, hspace=0.3)
    axes = figure.subplots(rows, columns, squeeze=False).ravel()
    focus = None
    for ax, (period_id, graph) in zip(axes, graphs.items(), strict=False):
        focus = graph.graph.get("focus_actor") if focus_actor is None else focus_actor
        edges, nodes, ring, labels = _draw_network(ax, graph, focus, net.SIGNS, fontsize=8)
        for line in edges.values():  # thinner lines for the smaller pictures
            line.set_linewidth(line.get_linewidth() * SMALL_MULTIPLE_WIDTH)
        is_focus = [n == focus for n in graph.nodes]
        nodes.set_sizes([FOCUS_NODE_SIZE * 0.6 if f else NODE_SIZE * 0.6 for f in is_focus])
        nodes.set_facecolors([FOCUS_FACE if f else NODE_FACE for f in is_focus])
        nodes.set_linewidths([2.5 if f else 1.2 for f in is_focus])
        for actor_id, text in labels.items():
            text.set_fontweight("bold" if actor_id == focus else "normal")
        title = net.period_heading(periods, period_id) if period_id in periods.index else (
            str(period_id))
        ax.set_title(_wrap(title, 34), fontsize=9)
    for ax in axes[count:]:
        ax.set_axis_off()
    any_graph = next(iter(graphs.values()))
    figure.legend(handles=_legend_handles(_focus_legend_text(any_graph, focus)),
                  loc="lower center", ncols=5, frameon=False, handlelength=3.2, fontsize=9,
                  title=WIDTH_NOTE, title_fontsize=9)
    table = sign_counts(graphs, periods)
    return Chart(figure, describe_small_multiples(graphs, periods, table, focus), table)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def describe_small_multiples(graphs: dict[str, nx.Graph], periods: pd.DataFrame,
                             table: pd.DataFrame, focus_actor: str | None) -> str:
    """The description of the small multiples: counts per period, and the ties whose sign
    changed from each period to the next."""
    parts = [f"{period}: " + ", ".join(f"{int(row[s])} {s}" for s in net.SIGNS)
             for period, row in table.iterrows()]
    focus = (f" The focus actor, {net.short_name(next(iter(graphs.values())), focus_actor)}, "
             "is yellow, ringed and in bold." if focus_actor in next(iter(graphs.values())).nodes
             else "")
    text = (f"{len(graphs)} network charts, one per period in time order, with every actor "
            f"in the same place in each, so that a change of line is a change of tie.{focus} "
            f"Ties per period: {'; '.join(parts)}.")
    ids = list(graphs)
    for first, second in zip(ids, ids[1:], strict=False):
        changes = net.tie_changes(graphs[first], graphs[second])
        changed = changes[changes["sign_before"] != changes["sign_after"]]
        years = f"{net.years_of(periods, first)} to {net.years_of(periods, second)}"
        if changed.empty:
            text += f" From {years} no tie changed its sign."
        else:
            moves = [f"{r.tie} ({r.sign_before} to {r.sign_after})"
                     for r in changed.itertuples()]
            text += (f" From {years}, {_plural(len(changed), 'tie')} changed sign: "
                     f"{', '.join(moves)}.")
    return text


# -- what changed ---------------------------------------------------------------------------

MARKERS = {"cooperative": "o", "mixed": "D", "neutral": "s", "hostile": "X"}
SHIFT_COLOURS = {"warmer": OKABE_ITO[5], "cooler": OKABE_ITO[6], "same": NEUTRAL_GREY}


def changes_chart(changes: pd.DataFrame, before: str, after: str) -> Chart:
    """What changed between two periods (``model.network.tie_changes``): one row per tie,
    an arrow from its signed value before (filled marker) to after (hollow, as everything
    after the article is in the course's charts: the later period is the hindsight one),
    with the kind of change written beside it. Signed value: +strength cooperative,
    -strength hostile, 0 mixed or neutral (the marker's shape tells those apart). Warmer
    arrows are blue, cooler ones vermilion, but the words beside them carry the same
    information. A tie that did not move shows its filled marker inside the hollow one.

    >>> old = net.graph_from_ties([("a", "b", "cooperative", 2), ("a", "c", "mixed", 1)])
    >>> new = net.graph_from_ties([("a", "b", "cooperative", 2), ("a", "c", "hostile", 2)])
    >>> chart = changes_chart(net.tie_changes(old, new), "then", "now")
    >>> [label.get_text() for label in chart.figure.axes[0].get_yticklabels()]
    ['a – c', 'a – b']
    """
    figure = Figure(figsize=(MAX_WIDTH, 0.34 * len(changes) + 1.9))
    _margins(figure, left=2.0, right=0.1, top=0.6, bottom=1.25)
    ax = figure.add_subplot()
    rows = list(range(len(changes)))[::-1]  # the first row at the top
    for y, row in zip(rows, changes.itertuples(), strict=True):
        start = net.signed_value(row.sign_before, row.strength_before)
        end = net.signed_value(row.sign_after, row.strength_after)
        trend = "warmer" if row.shift > 0 else "cooler" if row.shift < 0 else "same"
        colour = SHIFT_COLOURS[trend]
        ax.plot([start], [y], linestyle="none", marker=MARKERS[row.sign_before], markersize=9,
                color=colour, markeredgecolor="black", markeredgewidth=0.6, zorder=4)
        ax.plot([end], [y], linestyle="none", marker=MARKERS[row.sign_after], markersize=12,
                markerfacecolor=HOLLOW["facecolor"], markeredgecolor=HOLLOW["edgecolor"],
                markeredgewidth=HOLLOW["linewidth"], zorder=3)
        if start != end:
            ax.annotate("", (end, y), xytext=(start, y), zorder=2,
                        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.8,
                                    "shrinkA": 6, "shrinkB": 6})
        ax.text(MAX_STRENGTH + 0.6, y, f"{row.change}: {row.before} → {row.after}",
                va="center", fontsize=8.5)  # a column of its own, right of the +3 mark
    ax.set_yticks(rows, list(changes["tie"]))
    ticks = list(range(-MAX_STRENGTH, MAX_STRENGTH + 1))
    ax.set_xticks(ticks, [f"−{-t}" if t < 0 else f"+{t}" if t > 0 else "0" for t in ticks])
    ax.set_xlabel("Signed tie: − hostile, + cooperative (the number is the strength), "
                  "0 mixed or neutral", loc="left", fontsize=9)
    ax.set_xlim(-MAX_STRENGTH - 0.5, MAX_STRENGTH + 5.6)  # room for the longest words
    ax.set_ylim(-0.7, len(changes) - 0.3)
    ax.axvline(0, color="0.55", linewidth=0.8, zorder=0)
    ax.grid(axis="y", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(f"What changed from {before}\nto {after}", loc="left", fontsize=11)
    handles = [Line2D([], [], linestyle="none", marker=MARKERS[s], color="#555555",
                      markeredgecolor="black", markersize=8, label=s) for s in net.SIGNS]
    handles += [Line2D([], [], color=SHIFT_COLOURS["warmer"], label="warmer (arrow right)"),
                Line2D([], [], color=SHIFT_COLOURS["cooler"], label="cooler (arrow left)")]
    figure.legend(handles=handles, loc="lower center", ncols=6, frameon=False,
                  fontsize=8, title="filled marker: before; hollow marker: after")
    table = changes[["tie", "before", "after", "change"]].reset_index(drop=True)
    return Chart(figure, describe_changes(changes, before, after), table)


def describe_changes(changes: pd.DataFrame, before: str, after: str) -> str:
    """The description of the changes chart.

    >>> frame = pd.DataFrame({"tie": ["a – c", "a – b"], "before": ["mixed 1", "cooperative 2"],
    ...     "after": ["hostile 2", "cooperative 2"], "change": ["cooled", "unchanged"]})
    >>> text = describe_changes(frame, "then", "now")
    >>> print(text.replace(". ", ".\\n"))  # doctest: +NORMALIZE_WHITESPACE
    Arrow chart of what changed in 2 ties from then to now, one row per tie, from the filled marker
    (before) to the hollow one (after).
    Cooled (1): a – c (mixed 1 → hostile 2).
    Unchanged (1): a – b (cooperative 2).
    No tie flipped, warmed, appeared, faded, strengthened or weakened.
    """
    text = (f"Arrow chart of what changed in {len(changes)} ties from {before} to {after}, one "
            "row per tie, from the filled marker (before) to the hollow one (after).")
    absent = []
    for kind in net.CHANGE_KINDS:
        rows = changes[changes["change"] == kind]
        if rows.empty:
            absent.append(kind)
            continue
        if kind == "unchanged":
            items = [f"{r.tie} ({r.before})" for r in rows.itertuples()]
        else:
            items = [f"{r.tie} ({r.before} → {r.after})" for r in rows.itertuples()]
        text += f" {kind.capitalize()} ({len(rows)}): {', '.join(items)}."
    if absent:
        text += f" No tie {_list(absent).replace(' and ', ' or ')}."
    return text


# -- the signed matrix ----------------------------------------------------------------------

def cell_label(sign: str, strength: int) -> str:
    """What a heatmap cell says: '+3', '−2' (a true minus), '±1' for mixed, '0' for neutral.

    >>> [cell_label(s, 2) for s in net.SIGNS]
    ['+2', '±2', '0', '−2']
    """
    return {"cooperative": f"+{strength}", "hostile": f"−{strength}",
            "mixed": f"±{strength}"}.get(sign, "0")


def matrix_labels(graph: nx.Graph) -> pd.DataFrame:
    """The signed matrix as the heatmap writes it, rows and columns by short name, the
    diagonal blank.

    >>> graph = net.graph_from_ties([("a", "b", "mixed", 2)])
    >>> matrix_labels(graph).loc["a"].tolist()
    ['', '±2']
    """
    nodes = list(graph.nodes)
    names = [net.short_name(graph, n) for n in nodes]
    table = pd.DataFrame("", index=pd.Index(names, name="actor"), columns=names)
    for a, b, data in graph.edges(data=True):
        label = cell_label(data["sign"], data["strength"])
        table.iloc[nodes.index(a), nodes.index(b)] = label
        table.iloc[nodes.index(b), nodes.index(a)] = label
    return table


def signed_heatmap(graph: nx.Graph, periods: pd.DataFrame | None = None) -> Chart:
    """The signed matrix of one period as a heatmap with each value written in its cell:
    blue for cooperative (+), vermilion for hostile (-), as in the network charts; mixed
    cells white, hatched and marked ±; neutral 0. The text is black or white, whichever
    stands out more from its cell.

    >>> graph = net.graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2),
    ...                              ("b", "c", "mixed", 1)])
    >>> chart = signed_heatmap(graph)
    >>> sorted(t.get_text() for t in chart.figure.axes[0].texts)
    ['+3', '+3', '±1', '±1', '−2', '−2']
    """
    matrix = net.signed_matrix(graph)
    labels = matrix_labels(graph)
    names = list(labels.index)
    nodes = list(graph.nodes)
    size = len(nodes)
    cell = 0.75  # inches
    width, height = 1.2 + cell * size + 2.3, 1.1 + cell * size + 0.4
    figure = Figure(figsize=(width, height))
    ax = figure.add_axes((1.2 / width, 1.1 / height, cell * size / width, cell * size / height))
    bar_axes = figure.add_axes(((1.4 + cell * size) / width, 1.1 / height, 0.22 / width,
                                cell * size / height))
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap=DIVERGING_COLOURMAP,
                      vmin=-MAX_STRENGTH, vmax=MAX_STRENGTH)
    for a, b, data in graph.edges(data=True):
        value = net.signed_value(data["sign"], data["strength"])
        cell_colour = DIVERGING_COLOURMAP((value + MAX_STRENGTH) / (2 * MAX_STRENGTH))
        for i, j in ((nodes.index(a), nodes.index(b)), (nodes.index(b), nodes.index(a))):
            ax.text(j, i, labels.iloc[i, j], ha="center", va="center", fontsize=11,
                    color=text_colour(cell_colour), fontweight="bold")
            if data["sign"] == "mixed":
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="//",
                                       edgecolor="#888888", linewidth=0))
    ax.set_xticks(range(size), names, rotation=30, ha="right")
    ax.set_yticks(range(size), names)
    ax.set_title(f"Signed ties: {_heading(graph, periods)}", loc="left", fontsize=10)
    bar = figure.colorbar(image, cax=bar_axes, ticks=range(-MAX_STRENGTH, MAX_STRENGTH + 1))
    bar.ax.set_yticklabels([f"hostile {-t}" if t < 0 else f"cooperative {t}" if t > 0
                            else "mixed (±) or neutral" for t in range(-MAX_STRENGTH,
                                                                       MAX_STRENGTH + 1)])
    return Chart(figure, describe_heatmap(graph, _heading(graph, periods)), labels)


def text_colour(background) -> str:
    """Black or white, whichever contrasts more with ``background`` (WCAG relative
    luminance: black wins above about 0.18).

    >>> text_colour("#0072B2"), text_colour("white"), text_colour("#D55E00")
    ('white', 'black', 'black')
    """
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                for c in to_rgb(background)]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return "black" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "white"


def describe_heatmap(graph: nx.Graph, heading: str) -> str:
    """The description of the heatmap.

    >>> graph = net.graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2),
    ...                              ("b", "c", "mixed", 1)])
    >>> text = describe_heatmap(graph, "Example")
    >>> print(text.replace(". ", ".\\n"))  # doctest: +NORMALIZE_WHITESPACE
    Heatmap of the signed ties among 3 actors in Example: each cell holds +strength for a
    cooperative tie (blue), −strength for a hostile one (vermilion), ±strength for a mixed one
    (white, hatched) and 0 for a neutral one; the stronger the tie, the deeper the colour.
    Most cooperative: a – b (+3).
    Most hostile: a – c (−2).
    Mixed: b – c (±1).
    """
    text = (f"Heatmap of the signed ties among {graph.number_of_nodes()} actors in {heading}: "
            "each cell holds +strength for a cooperative tie (blue), −strength for a hostile "
            "one (vermilion), ±strength for a mixed one (white, hatched) and 0 for a neutral "
            "one; the stronger the tie, the deeper the colour.")
    edges = list(graph.edges(data=True))
    for sign, words in (("cooperative", "Most cooperative"), ("hostile", "Most hostile")):
        of_sign = [(a, b, d) for a, b, d in edges if d["sign"] == sign]
        if of_sign:
            top = max(d["strength"] for _, _, d in of_sign)
            pairs = [net.pair_name(graph, a, b) for a, b, d in of_sign if d["strength"] == top]
            text += f" {words}: {', '.join(pairs)} ({cell_label(sign, top)})."
    for sign in ("mixed", "neutral"):
        pairs = [f"{net.pair_name(graph, a, b)} ({cell_label(sign, d['strength'])})"
                 for a, b, d in edges if d["sign"] == sign]
        if pairs:
            text += f" {sign.capitalize()}: {', '.join(pairs)}."
    return text


# -- balance --------------------------------------------------------------------------------

TREATMENT_STYLES = {
    "skip": {"color": OKABE_ITO[2], "hatch": ""},  # sky blue
    "as_positive": {"color": OKABE_ITO[3], "hatch": "//"},  # bluish green
    "as_negative": {"color": OKABE_ITO[1], "hatch": ".."},  # orange
}


def balance_table(graphs: dict[str, nx.Graph], periods: pd.DataFrame) -> pd.DataFrame:
    """Periods x treatments of mixed ties: the share of counted triads that are balanced,
    and how many were counted."""
    rows = []
    for mixed in net.MIXED_TREATMENTS:
        for period_id, row in net.balance_by_period(graphs, periods, mixed).iterrows():
            rows.append({"period": net.years_of(periods, period_id),
                         "mixed ties": net.TREATMENT_WORDS[mixed].removeprefix("mixed ties "),
                         "share balanced": row["share balanced"],
                         "triads counted": int(row["counted"])})
    return pd.DataFrame(rows)


def balance_chart(graphs: dict[str, nx.Graph], periods: pd.DataFrame) -> Chart:
    """Grouped bars: the share of balanced triads in each period, one bar per treatment of
    mixed ties (colour and hatching), each bar labelled with its share and the number of
    triads counted.

    >>> one = net.graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                            ("a", "c", "mixed")])
    >>> periods = pd.DataFrame({"label": ["P"], "start_year": [2000], "end_year": [2002]},
    ...                        index=["example"])
    >>> chart = balance_chart({"example": one}, periods)
    >>> [float(bar.get_height()) for bar in chart.figure.axes[0].patches]
    [0.0, 1.0, 0.0]
    """
    table = balance_table(graphs, periods)
    figure = Figure(figsize=(9, 3.8))
    _margins(figure, left=1.0, right=0.1, top=0.35, bottom=0.75)
    ax = figure.add_subplot()
    period_names = list(dict.fromkeys(table["period"]))
    width = 0.8 / len(net.MIXED_TREATMENTS)
    for k, mixed in enumerate(net.MIXED_TREATMENTS):
        words = net.TREATMENT_WORDS[mixed].removeprefix("mixed ties ")
        rows = table[table["mixed ties"] == words]
        xs = np.arange(len(period_names)) + (k - 1) * width
        shares = rows["share balanced"].fillna(0).to_numpy()
        bars = ax.bar(xs, shares, width, label=f"mixed ties {words}", edgecolor="black",
                      linewidth=0.5, **TREATMENT_STYLES[mixed])
        for bar, share, counted in zip(bars, rows["share balanced"], rows["triads counted"],
                                       strict=True):
            text = "n/a" if pd.isna(share) else f"{share:.0%}"
            ax.annotate(f"{text}\n({counted})", (bar.get_x() + bar.get_width() / 2,
                                                 bar.get_height()),
                        xytext=(0, 2), textcoords="offset points", ha="center",
                        va="bottom", fontsize=8)
    ax.set_xticks(range(len(period_names)), period_names)
    ax.set_ylim(0, 1.3)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_ylabel("Share of counted triads\nthat are balanced")
    ax.set_xlabel("Period (bar labels: share, and in brackets the number of triads counted)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", ncols=3, frameon=False, fontsize=8)
    ax.set_title("Structural balance per period, by how mixed ties are counted "
                 "(neutral ties are never counted)", loc="left", fontsize=10)
    return Chart(figure, describe_balance(table), table)


def describe_balance(table: pd.DataFrame) -> str:
    """The description of the balance chart: each treatment's shares, period by period.

    >>> frame = pd.DataFrame({"period": ["2000-2002", "2000-2002"],
    ...     "mixed ties": ["left out, like neutral ones", "counted as friendly"],
    ...     "share balanced": [None, 0.5], "triads counted": [0, 4]})
    >>> print(describe_balance(frame).replace(". ", ".\\n"))  # doctest: +NORMALIZE_WHITESPACE
    Grouped bar chart of the share of balanced triads in 1 period, one bar for each way of counting
    mixed ties; neutral ties never count.
    Mixed ties left out, like neutral ones: 2000-2002 no triad counted.
    Mixed ties counted as friendly: 2000-2002 50% of 4.
    """
    periods = list(dict.fromkeys(table["period"]))
    text = ("Grouped bar chart of the share of balanced triads in "
            f"{_plural(len(periods), 'period')}, one bar for each way of counting mixed ties; "
            "neutral ties never count.")
    for words, rows in table.groupby("mixed ties", sort=False):
        shares = [f"{period} " + ("no triad counted" if pd.isna(share)
                                  else f"{share:.0%} of {counted}")
                  for period, share, counted in zip(rows["period"], rows["share balanced"],
                                                    rows["triads counted"], strict=True)]
        text += f" Mixed ties {words}: {', '.join(shares)}."
    return text
