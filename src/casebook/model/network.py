"""Actor relationships as signed networks, one per period, and their structural balance.

The graph of a period is built with networkx from ``relations.csv``: one node per actor
(with every column of ``actors.csv`` as attributes, including the fixed layout ``x``, ``y``)
and one edge per coded pair, carrying ``sign``, ``strength``, ``basis``, ``event_ids`` and
``source_id``. The relations table is a complete grid, so every period's graph has an edge
for every pair of actors; a ``neutral`` edge means "coded, and found weak".

**Structural balance** ("the enemy of my enemy is my friend", Heider 1946; Cartwright and
Harary 1956). Give each tie a sign, + for friends and - for enemies. A triad (three actors
and their three ties) is *balanced* when the product of its signs is +: three friends
(+ + +), or two friends with a common enemy (+ - -). It is *unbalanced* when the product is
-: two of my friends are enemies (+ + -), or three mutual enemies (- - -). A network whose
every triad is balanced splits into at most two camps, friendly within and hostile between.

Two of the case's four signs have no place in that scheme, so their treatment is a choice,
made explicit by the ``mixed`` parameter of every function here:

- ``neutral`` is always **no tie**: a triad with a neutral tie is not closed, so it is
  neither balanced nor unbalanced, and is left out of the count ("not counted").
- ``mixed`` (cooperation and hostility at once) is, by ``mixed=``:
  ``"skip"`` (the default) treated like neutral, so its triads are not counted;
  ``"as_positive"`` counted as a friendly tie; ``"as_negative"`` counted as a hostile one.

The answer can depend a good deal on that choice; :func:`balance_by_treatment` shows how
much. No maintained Python library computes signed balance for networkx graphs, so it is
written here, small and tested (tests/test_network_model.py).
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd

SIGNS = ("cooperative", "mixed", "neutral", "hostile")
MIXED_TREATMENTS = ("skip", "as_positive", "as_negative")
# What each treatment of mixed ties means, in words for tables and chart descriptions.
TREATMENT_WORDS = {
    "skip": "mixed ties left out, like neutral ones",
    "as_positive": "mixed ties counted as friendly",
    "as_negative": "mixed ties counted as hostile",
}
# The same as a clause: "... when mixed ties count as hostile".
TREATMENT_CLAUSES = {
    "skip": "mixed ties are left out, like neutral ones",
    "as_positive": "mixed ties count as friendly",
    "as_negative": "mixed ties count as hostile",
}
CHANGE_KINDS = ("flipped", "cooled", "warmed", "appeared", "faded", "strengthened",
                "weakened", "unchanged")
# Beyond this many actors, trying every split into two camps (2^(n-1) of them) gets slow.
MAX_ACTORS_FOR_SPLIT = 16
# The reading of each pattern of signs, as "the enemy of my enemy" puts it.
TRIAD_READINGS = {
    "+ + +": "three friends",
    "+ - -": "two friends with a common enemy",
    "+ + -": "two of the friends are enemies",
    "- - -": "three mutual enemies",
}


# -- building the graph ---------------------------------------------------------------------

def period_graph(actors: pd.DataFrame, relations: pd.DataFrame, period_id: str,
                 focus_actor: str | None = None) -> nx.Graph:
    """The signed network of one period: a node per actor, an edge per coded pair.

    Nodes carry every column of ``actors`` (``short_name``, ``x``, ``y`` ...) and ``focus``
    (True for ``focus_actor``); edges carry ``sign``, ``strength``, ``basis``, ``event_ids``
    and ``source_id``. Nodes and edges keep the order of the tables. ``graph.graph`` holds
    the ``period_id`` and ``focus_actor``.

    >>> actors = pd.DataFrame({"short_name": ["A", "B"], "x": [0.0, 1.0], "y": [0.0, 0.0]},
    ...                       index=pd.Index(["a", "b"], name="actor_id"))
    >>> relations = pd.DataFrame({"period_id": ["p"], "actor_a": ["a"], "actor_b": ["b"],
    ...     "sign": ["hostile"], "strength": [2], "basis": ["A dispute"], "event_ids": [()],
    ...     "source_id": ["s"]})
    >>> graph = period_graph(actors, relations, "p", focus_actor="a")
    >>> graph.nodes["a"]["focus"], graph.edges["b", "a"]["sign"], graph.edges["a", "b"]["strength"]
    (True, 'hostile', 2)
    """
    if period_id not in set(relations["period_id"]):
        raise ValueError(f"no relations are coded for the period {period_id!r}; the periods "
                         f"coded are {sorted(set(relations['period_id']))}")
    graph = nx.Graph(period_id=period_id, focus_actor=focus_actor)
    for actor_id, row in actors.iterrows():
        graph.add_node(actor_id, **row.to_dict(), focus=actor_id == focus_actor)
    for row in relations[relations["period_id"] == period_id].itertuples(index=False):
        graph.add_edge(row.actor_a, row.actor_b, sign=row.sign, strength=int(row.strength),
                       basis=row.basis, event_ids=tuple(row.event_ids or ()),
                       source_id=row.source_id)
    return graph


def case_graphs(case) -> dict[str, nx.Graph]:
    """The graph of every period of a case, in the order of ``periods.csv``, with the case's
    focus actor marked.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> list(case_graphs(case)) == list(case.periods.index)
    True
    """
    return {period_id: period_graph(case.actors, case.relations, period_id, case.focus_actor)
            for period_id in case.periods.index}


def graph_from_ties(ties: list[tuple], focus_actor: str | None = None) -> nx.Graph:
    """A small signed graph from (a, b, sign) or (a, b, sign, strength) tuples, with the
    actor ids as short names and the actors on a circle: for examples and tests.

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "hostile", 3)])
    >>> sorted(graph.nodes), graph.edges["b", "c"]["strength"]
    (['a', 'b', 'c'], 3)
    """
    names = list(dict.fromkeys(name for tie in ties for name in tie[:2]))
    angles = np.linspace(np.pi / 2, np.pi / 2 - 2 * np.pi, len(names), endpoint=False)
    actors = pd.DataFrame({"short_name": names, "x": np.cos(angles).round(3),
                           "y": np.sin(angles).round(3)}, index=pd.Index(names, name="actor_id"))
    relations = pd.DataFrame({
        "period_id": "example", "actor_a": [t[0] for t in ties], "actor_b": [t[1] for t in ties],
        "sign": [t[2] for t in ties], "strength": [t[3] if len(t) > 3 else 1 for t in ties],
        "basis": "", "event_ids": [() for _ in ties], "source_id": ""})
    return period_graph(actors, relations, "example", focus_actor)


def short_name(graph: nx.Graph, actor_id: str) -> str:
    """The name an actor has in charts (its id if it has no short name).

    >>> graph = graph_from_ties([("a", "b", "hostile")])
    >>> graph.nodes["a"]["short_name"] = "Alpha"
    >>> short_name(graph, "a"), short_name(graph, "b")
    ('Alpha', 'b')
    """
    return str(graph.nodes[actor_id].get("short_name", actor_id))


def pair_name(graph: nx.Graph, a: str, b: str) -> str:
    """'Ann – Bob': the two actors' short names, in node order.

    >>> pair_name(graph_from_ties([("a", "b", "hostile")]), "b", "a")
    'a – b'
    """
    order = list(graph.nodes)
    first, second = sorted((a, b), key=order.index)
    return f"{short_name(graph, first)} – {short_name(graph, second)}"


# -- ties, the signed matrix and the focus actor's ties -------------------------------------

def tie_label(sign: str, strength: int) -> str:
    """A tie as a reader sees it in a table.

    >>> tie_label("cooperative", 3)
    'cooperative 3'
    """
    return f"{sign} {int(strength)}"


def ties(graph: nx.Graph, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per tie, in the order of the relations table: the pair, its sign and strength,
    the basis, and the source (its title when ``sources`` is given, else its id).

    >>> table = ties(graph_from_ties([("a", "b", "hostile", 2)]))
    >>> table[["tie", "sign", "strength"]].to_dict("records")
    [{'tie': 'a – b', 'sign': 'hostile', 'strength': 2}]
    """
    rows = []
    for a, b, data in graph.edges(data=True):
        source = data["source_id"]
        if sources is not None and source in sources.index:
            source = sources.loc[source, "title"]
        rows.append({"tie": pair_name(graph, a, b), "actor_a": a, "actor_b": b,
                     "sign": data["sign"], "strength": data["strength"],
                     "basis": data["basis"], "source": source})
    return pd.DataFrame(rows, columns=["tie", "actor_a", "actor_b", "sign", "strength",
                                       "basis", "source"])


def signed_value(sign: str, strength: int) -> int:
    """A tie as one number: +strength if cooperative, -strength if hostile, 0 if mixed or
    neutral (the signed matrix and the heatmap tell those two apart by their labels).

    >>> [signed_value(s, 2) for s in SIGNS]
    [2, 0, 0, -2]
    """
    return {"cooperative": 1, "hostile": -1}.get(sign, 0) * int(strength)


def signed_matrix(graph: nx.Graph) -> pd.DataFrame:
    """Actors x actors: +strength for a cooperative tie, -strength for a hostile one, 0 for
    mixed and neutral; the diagonal is empty (NaN). Rows and columns are actor ids in node
    order.

    >>> graph = graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2),
    ...                          ("b", "c", "mixed", 1)])
    >>> signed_matrix(graph).loc["a"].tolist()
    [nan, 3.0, -2.0]
    """
    nodes = list(graph.nodes)
    matrix = pd.DataFrame(np.nan, index=pd.Index(nodes, name="actor"),
                          columns=pd.Index(nodes, name="with"))
    for a, b, data in graph.edges(data=True):
        matrix.loc[a, b] = matrix.loc[b, a] = signed_value(data["sign"], data["strength"])
    return matrix


def period_heading(periods: pd.DataFrame, period_id: str) -> str:
    """'The 2016-2017 crisis (2016-2017)': a period's label with its years.

    >>> periods = pd.DataFrame({"label": ["Talks"], "start_year": [2003], "end_year": [2009]},
    ...                        index=["p"])
    >>> period_heading(periods, "p")
    'Talks (2003-2009)'
    """
    row = periods.loc[period_id]
    return f"{row['label']} ({years_of(periods, period_id)})"


def years_of(periods: pd.DataFrame, period_id: str) -> str:
    """'2003-2009', or '2017' for a one-year period.

    >>> periods = pd.DataFrame({"start_year": [2003, 2017], "end_year": [2009, 2017]},
    ...                        index=["talks", "crisis"])
    >>> years_of(periods, "talks"), years_of(periods, "crisis")
    ('2003-2009', '2017')
    """
    start, end = int(periods.loc[period_id, "start_year"]), int(periods.loc[period_id,
                                                                            "end_year"])
    return str(start) if start == end else f"{start}-{end}"


def focus_ties(graphs: dict[str, nx.Graph], periods: pd.DataFrame,
               focus_actor: str) -> pd.DataFrame:
    """The focus actor's tie with every other actor (rows) in every period (columns, headed
    by the period's years), as 'cooperative 3', 'hostile 2' ...

    >>> graph = graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2)])
    >>> periods = pd.DataFrame({"label": ["P"], "start_year": [2000], "end_year": [2002]},
    ...                        index=["example"])
    >>> focus_ties({"example": graph}, periods, "a").to_dict()
    {'2000-2002': {'b': 'cooperative 3', 'c': 'hostile 2'}}
    """
    columns = {}
    for period_id, graph in graphs.items():
        columns[years_of(periods, period_id)] = {
            short_name(graph, other): tie_label(graph.edges[focus_actor, other]["sign"],
                                                graph.edges[focus_actor, other]["strength"])
            for other in graph.nodes if other != focus_actor
            and graph.has_edge(focus_actor, other)}
    table = pd.DataFrame(columns)
    table.index.name = "with"
    return table


# -- what changed between two periods --------------------------------------------------------

def change_kind(before: tuple[str, int], after: tuple[str, int]) -> str:
    """How a tie changed from ``before`` to ``after``, each a (sign, strength):

    - ``flipped``: cooperative to hostile or back;
    - ``cooled`` / ``warmed``: a step towards hostile / cooperative through ``mixed``
      (cooperative -> mixed, mixed -> hostile / hostile -> mixed, mixed -> cooperative);
    - ``appeared`` / ``faded``: from neutral (no tie) to a tie, or from a tie to neutral;
    - ``strengthened`` / ``weakened``: same sign, stronger / weaker;
    - ``unchanged``: same sign, same strength.

    >>> change_kind(("cooperative", 2), ("hostile", 2)), change_kind(("mixed", 1), ("hostile", 2))
    ('flipped', 'cooled')
    >>> change_kind(("neutral", 1), ("cooperative", 1)), change_kind(("hostile", 2), ("hostile", 3))
    ('appeared', 'strengthened')
    """
    (sign_before, strength_before), (sign_after, strength_after) = before, after
    if sign_before == sign_after:
        if strength_after > strength_before:
            return "strengthened"
        return "weakened" if strength_after < strength_before else "unchanged"
    if sign_before == "neutral":
        return "appeared"
    if sign_after == "neutral":
        return "faded"
    if {sign_before, sign_after} == {"cooperative", "hostile"}:
        return "flipped"
    warmth = {"hostile": 0, "mixed": 1, "cooperative": 2}
    return "warmed" if warmth[sign_after] > warmth[sign_before] else "cooled"


def tie_changes(before: nx.Graph, after: nx.Graph) -> pd.DataFrame:
    """Every pair of actors coded in both graphs, with its tie before and after and the kind
    of change (:func:`change_kind`), sorted by kind (in :data:`CHANGE_KINDS` order) and then
    in the order of the relations table. ``shift`` is the change in signed value
    (:func:`signed_value`): above 0 warmer, below 0 cooler. The signs and strengths before
    and after are also given in columns of their own.

    >>> old = graph_from_ties([("a", "b", "cooperative", 2), ("a", "c", "mixed", 1)])
    >>> new = graph_from_ties([("a", "b", "cooperative", 2), ("a", "c", "hostile", 2)])
    >>> table = tie_changes(old, new)[["tie", "before", "after", "change", "shift"]]
    >>> table.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['a – c', 'mixed 1', 'hostile 2', 'cooled', -2], ['a – b', 'cooperative 2', 'cooperative 2',
    'unchanged', 0]]
    """
    rows = []
    for order, (a, b, data) in enumerate(after.edges(data=True)):
        if not before.has_edge(a, b):
            continue
        old = before.edges[a, b]
        was, now = (old["sign"], old["strength"]), (data["sign"], data["strength"])
        rows.append({"tie": pair_name(after, a, b), "actor_a": a, "actor_b": b,
                     "before": tie_label(*was), "after": tie_label(*now),
                     "change": change_kind(was, now),
                     "shift": signed_value(*now) - signed_value(*was),
                     "sign_before": was[0], "strength_before": was[1],
                     "sign_after": now[0], "strength_after": now[1], "_order": order})
    table = pd.DataFrame(rows, columns=["tie", "actor_a", "actor_b", "before", "after",
                                        "change", "shift", "sign_before", "strength_before",
                                        "sign_after", "strength_after", "_order"])
    table["_kind"] = table["change"].map(CHANGE_KINDS.index)
    table = table.sort_values(["_kind", "_order"]).drop(columns=["_kind", "_order"])
    return table.reset_index(drop=True)


def partners_by_change(changes: pd.DataFrame, actor: str, kind: str) -> list[str]:
    """The actors whose tie with ``actor`` changed in the way ``kind`` (a row of
    :data:`CHANGE_KINDS`), in the order of the changes table.

    >>> old = graph_from_ties([("a", "b", "mixed"), ("a", "c", "cooperative")])
    >>> new = graph_from_ties([("a", "b", "hostile"), ("a", "c", "cooperative")])
    >>> partners_by_change(tie_changes(old, new), "a", "cooled")
    ['b']
    """
    if kind not in CHANGE_KINDS:
        raise ValueError(f"{kind!r} is not a kind of change; use one of "
                         f"{', '.join(CHANGE_KINDS)}")
    rows = changes[(changes["change"] == kind)
                   & ((changes["actor_a"] == actor) | (changes["actor_b"] == actor))]
    return [b if a == actor else a for a, b in zip(rows["actor_a"], rows["actor_b"],
                                                    strict=True)]


def change_counts(changes: pd.DataFrame) -> pd.Series:
    """How many ties changed in each way, for every kind in :data:`CHANGE_KINDS` (0 where
    none did).

    >>> counts = change_counts(pd.DataFrame({"change": ["flipped", "unchanged", "unchanged"]}))
    >>> counts.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'flipped': 1, 'cooled': 0, 'warmed': 0, 'appeared': 0, 'faded': 0, 'strengthened': 0,
    'weakened': 0, 'unchanged': 2}
    """
    counts = changes["change"].value_counts().reindex(list(CHANGE_KINDS), fill_value=0)
    counts.name = "ties"
    return counts.astype(int)


# -- structural balance ---------------------------------------------------------------------

def _check_treatment(mixed: str) -> None:
    if mixed not in MIXED_TREATMENTS:
        raise ValueError(f"mixed={mixed!r} is not a treatment of mixed ties; use one of "
                         f"{', '.join(repr(t) for t in MIXED_TREATMENTS)}")


def balance_sign(sign: str, mixed: str = "skip") -> int | None:
    """The sign a tie counts with in structural balance: +1, -1, or None (no tie).

    Neutral is always None; mixed is None, +1 or -1 by ``mixed`` (see the module's text).

    >>> [balance_sign(s) for s in SIGNS]
    [1, None, None, -1]
    >>> balance_sign("mixed", "as_positive"), balance_sign("mixed", "as_negative")
    (1, -1)
    """
    _check_treatment(mixed)
    if sign == "mixed":
        return {"skip": None, "as_positive": 1, "as_negative": -1}[mixed]
    return {"cooperative": 1, "hostile": -1}.get(sign)


def triads(graph: nx.Graph, mixed: str = "skip") -> pd.DataFrame:
    """Every triad of the graph's actors (in node order), classified by the product of its
    three signs: ``balanced`` (+), ``unbalanced`` (-) or ``not counted`` (a tie that counts as
    no tie: neutral always, mixed when ``mixed="skip"``; or a pair with no edge at all).

    ``strength`` is the sum of the three ties' strengths; ``strain`` is that sum for an
    unbalanced triad and 0 otherwise: the stronger the ties that contradict each other, the
    more strained the triad. ``pattern`` sorts the signs (+ first) and ``reading`` says it in
    words (:data:`TRIAD_READINGS`).

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                          ("a", "c", "hostile")])
    >>> triads(graph).loc[0, ["triad", "pattern", "status", "reading"]].tolist()
    ['a – b – c', '+ + -', 'unbalanced', 'two of the friends are enemies']
    """
    _check_treatment(mixed)
    rows = []
    for trio in itertools.combinations(graph.nodes, 3):
        pairs = list(itertools.combinations(trio, 2))
        edges = [graph.edges[p] if graph.has_edge(*p) else None for p in pairs]
        signs = [balance_sign(e["sign"], mixed) if e else None for e in edges]
        strength = sum(e["strength"] for e in edges if e)
        if None in signs:
            status, product, pattern, reading = "not counted", np.nan, "", ""
        else:
            product = int(np.prod(signs))
            status = "balanced" if product > 0 else "unbalanced"
            pattern = " ".join("+" if s > 0 else "-" for s in sorted(signs, reverse=True))
            reading = TRIAD_READINGS[pattern]
        rows.append({
            "triad": " – ".join(short_name(graph, a) for a in trio),
            "actors": trio,
            "ties": ", ".join(tie_label(e["sign"], e["strength"]) if e else "no tie"
                              for e in edges),
            "pattern": pattern, "product": product, "status": status, "reading": reading,
            "strength": strength, "strain": strength if status == "unbalanced" else 0})
    return pd.DataFrame(rows, columns=["triad", "actors", "ties", "pattern", "product",
                                       "status", "reading", "strength", "strain"])


def balance_summary(graph: nx.Graph, mixed: str = "skip") -> dict:
    """Counts of balanced, unbalanced and not-counted triads, and the share balanced among
    those counted (None if no triad is counted).

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "hostile"),
    ...                          ("a", "c", "mixed")])
    >>> balance_summary(graph, "as_negative")["share_balanced"], balance_summary(graph)["counted"]
    (1.0, 0)
    """
    statuses = triads(graph, mixed)["status"].value_counts()
    balanced, unbalanced = int(statuses.get("balanced", 0)), int(statuses.get("unbalanced", 0))
    counted = balanced + unbalanced
    return {"triads": int(statuses.sum()), "counted": counted, "balanced": balanced,
            "unbalanced": unbalanced, "not_counted": int(statuses.get("not counted", 0)),
            "share_balanced": balanced / counted if counted else None}


def balance_sentence(graph: nx.Graph, mixed: str = "skip") -> str:
    """The balance of one graph in a sentence, saying how mixed ties were treated.

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "hostile"),
    ...                          ("a", "c", "mixed")])
    >>> balance_sentence(graph, "as_negative")  # doctest: +NORMALIZE_WHITESPACE
    'When mixed ties count as hostile: 1 of the 1 triads is counted: 1 balanced and 0
    unbalanced, so 100% of the counted triads are balanced.'
    >>> balance_sentence(graph)  # doctest: +NORMALIZE_WHITESPACE
    'When mixed ties are left out, like neutral ones: 0 of the 1 triads are counted (1 has a
    tie that counts as no tie), so balance cannot be judged.'
    """
    summary = balance_summary(graph, mixed)
    counted, left_out = summary["counted"], summary["not_counted"]
    text = (f"When {TREATMENT_CLAUSES[mixed]}: {counted} of the {summary['triads']} triads "
            f"{'is' if counted == 1 else 'are'} counted")
    if left_out:
        text += (f" ({left_out} {'has' if left_out == 1 else 'have'} a tie that counts as "
                 "no tie)")
    if not counted:
        return text + ", so balance cannot be judged."
    return (text + f": {summary['balanced']} balanced and {summary['unbalanced']} unbalanced, "
            f"so {summary['share_balanced']:.0%} of the counted triads are balanced.")


def balance_by_period(graphs: dict[str, nx.Graph], periods: pd.DataFrame,
                      mixed: str = "skip") -> pd.DataFrame:
    """One row per period (in the order of ``graphs``): how many triads are balanced,
    unbalanced and not counted, and the share balanced, under one treatment of mixed ties.

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                          ("a", "c", "hostile")])
    >>> periods = pd.DataFrame({"label": ["P"], "start_year": [2000], "end_year": [2002]},
    ...                        index=["example"])
    >>> row = balance_by_period({"example": graph}, periods).loc["example"]
    >>> row.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'period': 'P (2000-2002)', 'triads': 1, 'counted': 1, 'balanced': 0, 'unbalanced': 1, 'not
    counted': 0, 'share balanced': 0.0}
    """
    rows = {}
    for period_id, graph in graphs.items():
        summary = balance_summary(graph, mixed)
        rows[period_id] = {
            "period": period_heading(periods, period_id), "triads": summary["triads"],
            "counted": summary["counted"], "balanced": summary["balanced"],
            "unbalanced": summary["unbalanced"], "not counted": summary["not_counted"],
            "share balanced": summary["share_balanced"]}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "period_id"
    table["share balanced"] = table["share balanced"].astype(float)
    return table


def balance_by_treatment(graphs: dict[str, nx.Graph], periods: pd.DataFrame) -> pd.DataFrame:
    """The share of balanced triads per period (rows) under each treatment of mixed ties
    (columns), with the number of triads counted in brackets: how much the answer depends on
    the choice.

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                          ("a", "c", "mixed")])
    >>> periods = pd.DataFrame({"label": ["P"], "start_year": [2000], "end_year": [2002]},
    ...                        index=["example"])
    >>> balance_by_treatment({"example": graph}, periods).iloc[0].tolist()
    ['P (2000-2002)', 'none of 0 counted', '100% of 1', '0% of 1']
    """
    table = pd.DataFrame({"period": [period_heading(periods, p) for p in graphs]},
                         index=pd.Index(list(graphs), name="period_id"))
    for mixed in MIXED_TREATMENTS:
        column = []
        for graph in graphs.values():
            summary = balance_summary(graph, mixed)
            share = summary["share_balanced"]
            column.append("none of 0 counted" if share is None
                          else f"{share:.0%} of {summary['counted']}")
        table[TREATMENT_WORDS[mixed]] = column
    return table


def most_strained_triad(graph: nx.Graph, mixed: str = "skip") -> pd.Series | None:
    """The unbalanced triad whose ties are strongest (highest ``strain``; among equals, the
    first in node order, with the others named in ``equally_strained``), or None if no
    triad is unbalanced.

    >>> graph = graph_from_ties([("a", "b", "cooperative", 3), ("b", "c", "cooperative", 2),
    ...     ("a", "c", "hostile", 3), ("a", "d", "hostile"), ("b", "d", "hostile"),
    ...     ("c", "d", "hostile")])
    >>> most_strained_triad(graph)[["triad", "strain", "equally_strained"]].tolist()
    ['a – b – c', 8, ()]
    """
    table = triads(graph, mixed)
    unbalanced = table[table["status"] == "unbalanced"]
    if unbalanced.empty:
        return None
    top = unbalanced["strain"].max()
    first = unbalanced[unbalanced["strain"] == top].index[0]
    # Plain Python numbers: what a learner prints or compares should not read np.int64(8).
    best = {key: int(value) if isinstance(value, np.integer) else value
            for key, value in unbalanced.loc[first].to_dict().items()}
    best["equally_strained"] = tuple(unbalanced.loc[(unbalanced["strain"] == top)
                                                    & (unbalanced.index != first), "triad"])
    return pd.Series(best, name=first)


def two_camp_splits(graph: nx.Graph, mixed: str = "skip") -> pd.DataFrame:
    """Every way to split the actors into two camps, with the ties that go against it: a
    friendly tie between the camps, or a hostile tie inside one. Flipping those ties would
    make the network balanced; the fewest such ties is the network's *frustration index*
    (Harary's line index of balance), 0 for a balanced network.

    Ties that count as no tie (neutral; mixed when ``mixed="skip"``) go against no split.
    Sorted by the number of ties to flip, then by their total strength (weaker ties are
    easier to flip), then by camp. The first actor in node order is always in the first
    camp, so that each split appears once; one camp may be empty (everyone friends).

    It tries all 2^(n-1) splits, which is instant for a handful of actors and refused above
    :data:`MAX_ACTORS_FOR_SPLIT` (the exact problem is hard in general).

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "hostile"),
    ...                          ("a", "c", "hostile")])
    >>> two_camp_splits(graph).loc[0, ["camp_1", "camp_2", "ties_to_flip"]].to_dict()
    {'camp_1': ('a', 'b'), 'camp_2': ('c',), 'ties_to_flip': 0}
    """
    _check_treatment(mixed)
    nodes = list(graph.nodes)
    if len(nodes) > MAX_ACTORS_FOR_SPLIT:
        raise ValueError(f"two_camp_splits tries every split of the actors into two camps "
                         f"(2^(n-1) of them); {len(nodes)} actors are too many for that "
                         f"(at most {MAX_ACTORS_FOR_SPLIT})")
    counted = [(nodes.index(a), nodes.index(b), sign, data["strength"], (a, b))
               for a, b, data in graph.edges(data=True)
               if (sign := balance_sign(data["sign"], mixed)) is not None]
    # Row k of `side` puts actor i in camp 2 when bit i-1 of k is set (actor 0 stays in camp 1).
    count = 2 ** (len(nodes) - 1)
    side = np.zeros((count, len(nodes)), dtype=bool)
    for i in range(1, len(nodes)):
        side[:, i] = (np.arange(count) >> (i - 1)) & 1
    against = np.zeros((count, len(counted)), dtype=bool)
    for column, (i, j, sign, _, _) in enumerate(counted):
        same_camp = side[:, i] == side[:, j]
        against[:, column] = same_camp if sign < 0 else ~same_camp
    strengths = np.array([c[3] for c in counted], dtype=int)
    rows = []
    for k in range(count):
        flips = [counted[c] for c in np.flatnonzero(against[k])]
        rows.append({
            "camp_1": tuple(n for i, n in enumerate(nodes) if not side[k, i]),
            "camp_2": tuple(n for i, n in enumerate(nodes) if side[k, i]),
            "ties_to_flip": len(flips),
            "strength_to_flip": int(strengths[against[k]].sum()),
            "ties": tuple(f[4] for f in flips),
        })
    table = pd.DataFrame(rows)
    table["_size"] = table["camp_2"].map(len)
    table = table.sort_values(["ties_to_flip", "strength_to_flip", "_size"], kind="stable")
    return table.drop(columns="_size").reset_index(drop=True)


def nearest_split(graph: nx.Graph, mixed: str = "skip") -> pd.Series:
    """The split into two camps that needs the fewest ties flipped (see
    :func:`two_camp_splits`), with ``equally_near``: how many other splits need as few.

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                          ("a", "c", "hostile")])
    >>> split = nearest_split(graph)
    >>> split["ties_to_flip"], split["equally_near"]
    (1, 2)
    """
    splits = two_camp_splits(graph, mixed)
    best = {key: int(value) if isinstance(value, np.integer) else value
            for key, value in splits.iloc[0].to_dict().items()}
    best["equally_near"] = int((splits["ties_to_flip"] == best["ties_to_flip"]).sum() - 1)
    return pd.Series(best)


def describe_split(graph: nx.Graph, split: pd.Series) -> str:
    """The split in words.

    >>> graph = graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                          ("a", "c", "hostile")])
    >>> describe_split(graph, nearest_split(graph))  # doctest: +NORMALIZE_WHITESPACE
    'Camp 1: a, b, c. Camp 2: nobody. Ties to flip: 1 (a – c, hostile 1). 2 other splits need as
    few.'
    """
    def names(ids):
        return ", ".join(short_name(graph, a) for a in ids) or "nobody"

    flips = "; ".join(f"{pair_name(graph, a, b)}, "
                      f"{tie_label(graph.edges[a, b]['sign'], graph.edges[a, b]['strength'])}"
                      for a, b in split["ties"])
    text = (f"Camp 1: {names(split['camp_1'])}. Camp 2: {names(split['camp_2'])}. "
            f"Ties to flip: {split['ties_to_flip']}" + (f" ({flips})." if flips else "."))
    others = split.get("equally_near", 0)
    if others:
        text += f" {others} other split{'s' * (others != 1)} need{'s' * (others == 1)} as few."
    return text
