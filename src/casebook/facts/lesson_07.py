"""Facts of lesson 07 (actor relationships): how many actors, pairs, periods and triads the
case has, the ties of the article's period, of the next and of the last period, structural
balance under each treatment of mixed ties, the two camps, the exercises' answers and what
changed from the article's period to the last, all from the network functions the lesson's
code cells use.

Ties are given in dicts keyed by the case's actor ids (``{tie_now[A][B]}``), so that the
lesson's templates, not this module, name the case.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["pair_count"] == facts["actor_count"] * (facts["actor_count"] - 1) // 2
True
"""

from __future__ import annotations

from math import comb

import networkx as nx

from ..model import network as net


def tie_table(graph: nx.Graph) -> dict:
    """Every tie of a graph as its label ("mixed 2"), by both actor ids in either order.

    >>> tie_table(net.graph_from_ties([("a", "b", "mixed", 2)]))["b"]["a"]
    'mixed 2'
    """
    table: dict = {node: {} for node in graph.nodes}
    for a, b, data in graph.edges(data=True):
        table[a][b] = table[b][a] = net.tie_label(data["sign"], data["strength"])
    return table


def ties_of(graph: nx.Graph, actor: str) -> dict:
    """An actor's partners by sign, each as "Name (strength)", strongest first.

    >>> g = net.graph_from_ties([("a", "b", "mixed", 1), ("a", "c", "mixed", 2)])
    >>> ties_of(g, "a")["mixed"]
    ['c (2)', 'b (1)']
    """
    by_sign: dict = {sign: [] for sign in net.SIGNS}
    partners = sorted(graph.adj[actor].items(), key=lambda item: -item[1]["strength"])
    for partner, data in partners:
        by_sign[data["sign"]].append(f"{net.short_name(graph, partner)} ({data['strength']})")
    return by_sign


def strongest(graph: nx.Graph, actor: str, sign: str) -> list[str]:
    """The partners of ``actor`` whose tie of ``sign`` is strongest, ties kept together.

    >>> g = net.graph_from_ties([("a", "b", "cooperative", 3), ("a", "c", "cooperative", 2)])
    >>> strongest(g, "a", "cooperative")
    ['b']
    """
    ties = {p: d["strength"] for p, d in graph.adj[actor].items() if d["sign"] == sign}
    top = max(ties.values(), default=None)
    return [net.short_name(graph, p) for p, s in ties.items() if s == top]


def named_tie(graph: nx.Graph, a: str, b: str) -> str:
    """A tie with its pair and its coding.

    >>> named_tie(net.graph_from_ties([("a", "b", "mixed", 2)]), "a", "b")
    'a – b (mixed 2)'
    """
    data = graph.edges[a, b]
    return f"{net.pair_name(graph, a, b)} ({net.tie_label(data['sign'], data['strength'])})"


def balance(graph: nx.Graph) -> dict:
    """Balance under each treatment of mixed ties: counts, share (a whole percent) and the
    nearest split into two camps with the ties it needs flipped.

    >>> g = net.graph_from_ties([("a", "b", "cooperative"), ("b", "c", "hostile"),
    ...                          ("a", "c", "hostile")])
    >>> balance(g)["skip"]["percent"], balance(g)["skip"]["flips"]
    (100, 0)
    """
    result = {}
    for mixed in net.MIXED_TREATMENTS:
        summary = net.balance_summary(graph, mixed)
        split = net.nearest_split(graph, mixed)
        share = summary["share_balanced"]
        result[mixed] = {
            **summary, "percent": round(share * 100) if share is not None else 0,
            "camp_1": [net.short_name(graph, a) for a in split["camp_1"]],
            "camp_2": [net.short_name(graph, a) for a in split["camp_2"]],
            "flips": split["ties_to_flip"], "equally_near": split["equally_near"],
            "flip_ties": [named_tie(graph, a, b) for a, b in split["ties"]],
        }
    return result


def unbalanced_triads(graph: nx.Graph, mixed: str) -> dict:
    """The unbalanced triads under ``mixed``: how many, each with its pattern, the ties all of
    them share, and the most strained (with those equally strained).

    >>> g = net.graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...                          ("a", "c", "hostile")])
    >>> unbalanced_triads(g, "skip")["n"], unbalanced_triads(g, "skip")["most_strained"]
    (1, ['a – b – c'])
    """
    table = net.triads(graph, mixed)
    rows = table[table["status"] == "unbalanced"]
    shared = None
    for actors in rows["actors"]:
        pairs = {frozenset(p) for p in ((actors[0], actors[1]), (actors[0], actors[2]),
                                        (actors[1], actors[2]))}
        shared = pairs if shared is None else shared & pairs
    top = rows["strain"].max() if len(rows) else 0
    strained = rows[rows["strain"] == top] if len(rows) else rows
    return {
        "n": len(rows),
        "triads": [f"{t} ({p})" for t, p in zip(rows["triad"], rows["pattern"], strict=True)],
        "shared": [named_tie(graph, *sorted(p, key=list(graph.nodes).index))
                   for p in (shared or [])],
        "most_strained": strained["triad"].tolist(),
        "most_strained_ties": strained["ties"].tolist(),
        "strain": int(top),
    }


def facts(case) -> dict:
    graphs = net.case_graphs(case)
    periods = list(graphs)
    now = case.default_period
    last = periods[-1]
    after_now = periods[periods.index(now) + 1] if now != last else now
    n = len(case.actors)
    focus = case.focus_actor
    relations = case.relations
    signs_now = [d["sign"] for _, _, d in graphs[now].edges(data=True)]
    signs_last = [d["sign"] for _, _, d in graphs[last].edges(data=True)]
    changes = net.tie_changes(graphs[now], graphs[last])
    kinds = {kind: [f"{t} ({b} → {a})" for t, b, a in
                    zip(rows["tie"], rows["before"], rows["after"], strict=True)]
             for kind, rows in ((k, changes[changes["change"] == k]) for k in net.CHANGE_KINDS)}
    next_changes = net.tie_changes(graphs[now], graphs[after_now])
    focus_next = next_changes[(next_changes["actor_a"] == focus)
                              | (next_changes["actor_b"] == focus)]
    moved = focus_next[focus_next["change"] != "unchanged"]
    kept = focus_next[focus_next["change"] == "unchanged"]
    by_period = {p: net.balance_by_period({p: g}, case.periods).iloc[0] for p, g in graphs.items()}
    least = {}
    for mixed in net.MIXED_TREATMENTS:
        shares = {p: net.balance_summary(g, mixed)["share_balanced"] for p, g in graphs.items()}
        judged = {p: s for p, s in shares.items() if s is not None}
        low = min(judged.values(), default=None)
        least[mixed] = {
            "periods": [net.period_heading(case.periods, p) for p, s in judged.items()
                        if s == low],
            "percent": round(low * 100) if low is not None else 0,
            "counted": [net.balance_summary(graphs[p], mixed)["counted"]
                        for p, s in judged.items() if s == low],
        }
    values = {
        "actor_count": n,
        "pair_count": comb(n, 2),
        "triad_count": comb(n, 3),
        "split_count": 2 ** (n - 1),
        "max_split_actors": net.MAX_ACTORS_FOR_SPLIT,
        "period_count": len(periods),
        "relation_rows": len(relations),
        "first_year": int(case.periods["start_year"].min()),
        "last_year": int(case.periods["end_year"].max()),
        "strength_min": int(relations["strength"].min()),
        "strength_max": int(relations["strength"].max()),
        "neutral_count": int(sum(s == "neutral" for _, g in graphs.items()
                                 for _, _, d in g.edges(data=True) for s in [d["sign"]])),
        "now": net.period_heading(case.periods, now),
        "now_years": net.years_of(case.periods, now),
        "next": net.period_heading(case.periods, after_now),
        "next_label": case.periods.loc[after_now, "label"],
        "last": net.period_heading(case.periods, last),
        "last_years": net.years_of(case.periods, last),
        "tie_now": tie_table(graphs[now]),
        "tie_last": tie_table(graphs[last]),
        "focus_now": ties_of(graphs[now], focus),
        "mixed_now": signs_now.count("mixed"),
        "mixed_last": signs_last.count("mixed"),
        "mixed_ties_last": [f"{net.pair_name(graphs[last], a, b)}" for a, b, d
                            in graphs[last].edges(data=True) if d["sign"] == "mixed"],
        "balance_now": balance(graphs[now]),
        "balance_last": balance(graphs[last]),
        "least": least,
        "unbalanced_hostile": unbalanced_triads(graphs[now], "as_negative"),
        "unbalanced_friendly": unbalanced_triads(graphs[now], "as_positive"),
        "changes": kinds,
        "change_n": {kind: len(items) for kind, items in kinds.items()},
        "focus_next_changed": [f"{net.short_name(graphs[now], b if a == focus else a)} "
                               f"({before} to {after})" for a, b, before, after in
                               zip(moved["actor_a"], moved["actor_b"], moved["before"],
                                   moved["after"], strict=True)],
        "focus_next_kept": [f"{net.short_name(graphs[now], b if a == focus else a)} ({before})"
                            for a, b, before in zip(kept["actor_a"], kept["actor_b"],
                                                    kept["before"], strict=True)],
        "focus_cooled": [f"{net.short_name(graphs[now], p)} ({graphs[now].edges[focus, p]['sign']} "
                         f"{graphs[now].edges[focus, p]['strength']} to "
                         f"{graphs[last].edges[focus, p]['sign']} "
                         f"{graphs[last].edges[focus, p]['strength']})"
                         for p in net.partners_by_change(changes, focus, "cooled")],
        "focus_cooled_names": [net.short_name(graphs[now], p)
                               for p in net.partners_by_change(changes, focus, "cooled")],
        "focus_strengthened": [net.short_name(graphs[now], p)
                               for p in net.partners_by_change(changes, focus, "strengthened")],
        "strongest_friends_last": {a: strongest(graphs[last], a, "cooperative")
                                   for a in graphs[last].nodes},
    }
    values["balance_share"] = {p: f"{row['share balanced']:.0%} of {row['counted']}"
                               for p, row in by_period.items()}
    return values
