"""Feedback on the exercises of lesson 07 (actor relationships): each check names the actual
values and says where to look."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ..model import network as net
from . import Names, answer_items, feedback_check, find_each, number_answer


@feedback_check
def check_unbalanced_count(answer, graph: nx.Graph, mixed: str = "as_negative") -> str:
    """Feedback on "how many triads are unbalanced?" when mixed ties are treated as
    ``mixed``; an answer right under another treatment is told so.

    >>> graph = net.graph_from_ties([("a", "b", "cooperative"), ("b", "c", "cooperative"),
    ...     ("a", "c", "mixed"), ("a", "d", "hostile"), ("b", "d", "hostile"),
    ...     ("c", "d", "hostile")])
    >>> check_unbalanced_count("2", graph)  # doctest: +NORMALIZE_WHITESPACE
    'Right: 2 of the 4 triads counted are unbalanced when mixed ties count as hostile, so 2 (50%)
    are balanced.'
    >>> check_unbalanced_count(0, graph)  # doctest: +NORMALIZE_WHITESPACE
    'Not quite: 0 is the number of unbalanced triads when mixed ties are left out, like neutral
    ones; the question asks for the number when mixed ties count as hostile.'
    >>> check_unbalanced_count(3, graph)
    "Not quite: 3 is too many. Count the rows of the triad table whose status is 'unbalanced'."
    """
    number, message = number_answer(answer, "a whole number")
    if message:
        return message
    summary = net.balance_summary(graph, mixed)
    clause = net.TREATMENT_CLAUSES[mixed]
    if number == summary["unbalanced"]:
        share = summary["share_balanced"]
        return (f"Right: {number} of the {summary['counted']} triads counted are unbalanced "
                f"when {clause}, so {summary['balanced']} ({share:.0%}) are balanced.")
    for other in net.MIXED_TREATMENTS:
        if other != mixed and number == net.balance_summary(graph, other)["unbalanced"]:
            return (f"Not quite: {number} is the number of unbalanced triads when "
                    f"{net.TREATMENT_CLAUSES[other]}; the question asks for the number when "
                    f"{clause}.")
    if number > summary["counted"]:
        return (f"Not quite: there are only {summary['counted']} triads to count "
                f"(every three of the {graph.number_of_nodes()} actors).")
    direction = "too many" if number > summary["unbalanced"] else "too few"
    return (f"Not quite: {number} is {direction}. Count the rows of the triad table whose "
            "status is 'unbalanced'.")


def actor_names_of(graph: nx.Graph) -> Names:
    """The names of a graph's actors: every column of the actors table its nodes carry
    (short name, name, aliases), shown by short name.

    >>> graph = net.graph_from_ties([("a", "b", "hostile")])
    >>> graph.nodes["a"].update(short_name="Alpha", aliases="The First")
    >>> actor_names_of(graph).find("first"), actor_names_of(graph).shown
    (['a'], {'a': 'Alpha', 'b': 'b'})
    """
    nodes = pd.DataFrame.from_dict(dict(graph.nodes(data=True)), orient="index")
    nodes = nodes.reindex(list(graph.nodes))
    return Names.of(nodes, shown="short_name" if "short_name" in nodes.columns else None)


def _actor_ids(answer, graph: nx.Graph) -> tuple[Names, list[str], list]:
    """The graph's actor names, the actors an answer names (by id, name or alias, any case;
    in a list, a tuple or one string "Ann, Bob, Cy"), and the items that name no single
    actor."""
    names = actor_names_of(graph)
    if isinstance(answer, str):
        answer = answer.replace("–", ",")
    items = answer_items(answer)
    found, unknown = find_each([answer] if items is None else items, names)
    return names, found, unknown


@feedback_check
def check_most_strained(answer, graph: nx.Graph, mixed: str = "as_negative") -> str:
    """Feedback on "which triad is most strained?": the answer names three actors, by id or
    short name, in a list, a tuple or one string ("Ann, Bob, Cy").

    >>> graph = net.graph_from_ties([("a", "b", "cooperative", 3), ("b", "c", "cooperative", 2),
    ...     ("a", "c", "mixed", 2), ("a", "d", "hostile"), ("b", "d", "hostile"),
    ...     ("c", "d", "hostile")])
    >>> check_most_strained(["c", "a", "b"], graph)  # doctest: +NORMALIZE_WHITESPACE
    'Right: a – b – c is the most strained triad when mixed ties count as hostile: its ties
    (cooperative 3, mixed 2, cooperative 2) add up to 7 (two of the friends are enemies).'
    >>> check_most_strained("A – b – D", graph)  # doctest: +NORMALIZE_WHITESPACE
    'Not quite: a – b – d is balanced when mixed ties count as hostile (two friends with a common
    enemy), so it is under no strain. Look at the unbalanced triads.'
    >>> check_most_strained(["a", "b"], graph)
    'Not quite: a triad has three actors, and your answer names 2.'
    """
    if answer is None:
        return ("Replace None with a list of the triad's three actors, by name or id, then run "
                "the cell again.")
    names, actors, unknown = _actor_ids(answer, graph)
    if unknown:
        return f"Not quite: {names.unknown(unknown, 'actor')}."
    if len(actors) != 3:
        return f"Not quite: a triad has three actors, and your answer names {len(actors)}."
    table = net.triads(graph, mixed)
    chosen = table[table["actors"].map(set) == set(actors)].iloc[0]
    words = net.TREATMENT_CLAUSES[mixed]
    best = net.most_strained_triad(graph, mixed)
    if best is None:
        return f"Not quite: no triad is unbalanced when {words}, so none is strained."
    if chosen["status"] != "unbalanced":
        reason = f" ({chosen['reading']})" if chosen["reading"] else (
            f" (its ties: {chosen['ties']})")
        state = "balanced" if chosen["status"] == "balanced" else "not counted"
        return (f"Not quite: {chosen['triad']} is {state} when {words}{reason}, so it is under "
                "no strain. Look at the unbalanced triads.")
    if chosen["strain"] < best["strain"]:
        return (f"Not quite: {chosen['triad']} is unbalanced, but its ties add up to "
                f"{chosen['strain']}; another unbalanced triad's add up to {best['strain']}. "
                "Sort the unbalanced triads by strain.")
    others = [t for t in (best["triad"], *best["equally_strained"]) if t != chosen["triad"]]
    tied = f" It shares the top with {', '.join(others)}." if others else ""
    return (f"Right: {chosen['triad']} is the most strained triad when {words}: its ties "
            f"({chosen['ties']}) add up to {chosen['strain']} ({chosen['reading']}).{tied}")


@feedback_check
def check_partners_by_change(answer, changes: pd.DataFrame, graph: nx.Graph,
                             focus_actor: str, kind: str = "cooled") -> str:
    """Feedback on "with which actors did the focus actor's tie change in this way?" for the
    changes table of ``model.network.tie_changes``; names by id or short name.

    >>> old = net.graph_from_ties([("a", "b", "mixed"), ("a", "c", "cooperative"),
    ...                            ("a", "d", "mixed")])
    >>> new = net.graph_from_ties([("a", "b", "hostile"), ("a", "c", "cooperative"),
    ...                            ("a", "d", "hostile")])
    >>> changes = net.tie_changes(old, new)
    >>> check_partners_by_change(["d", "b"], changes, new, "a")
    "Right: a's ties with b and d cooled (b: mixed 1 → hostile 1; d: mixed 1 → hostile 1)."
    >>> check_partners_by_change(["b"], changes, new, "a")  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: you have 1 of a's 2 cooled ties; one is missing. Read the rows of the changes table
    whose change is 'cooled'."
    >>> check_partners_by_change(["b", "c", "d"], changes, new, "a")
    "Not quite: a's tie with c did not cool (it is unchanged: cooperative 1 → cooperative 1)."
    """
    if answer is None:
        return "Replace None with a list of actors, by name or id, then run the cell again."
    names, named, unknown = _actor_ids(answer, graph)
    if unknown:
        return f"Not quite: {names.unknown(unknown, 'actor')}."
    focus = net.short_name(graph, focus_actor)
    rows = changes[(changes["actor_a"] == focus_actor) | (changes["actor_b"] == focus_actor)]
    partner = {r.Index: r.actor_b if r.actor_a == focus_actor else r.actor_a
               for r in rows.itertuples()}
    changed = {partner[i]: row for i, row in rows.iterrows() if row["change"] == kind}
    verb = {"cooled": "cool", "warmed": "warm", "flipped": "flip", "appeared": "appear",
            "faded": "fade", "strengthened": "strengthen", "weakened": "weaken",
            "unchanged": "stay the same"}[kind]
    wrong = [a for a in named if a not in changed]
    if focus_actor in wrong:
        return f"Not quite: the question asks for {focus}'s partners, not {focus} itself."
    if wrong:
        row = rows.loc[[i for i, p in partner.items() if p == wrong[0]][0]]
        return (f"Not quite: {focus}'s tie with {net.short_name(graph, wrong[0])} did not "
                f"{verb} (it is {row['change']}: {row['before']} → {row['after']}).")
    missing = [a for a in changed if a not in named]
    if missing:
        return (f"Not quite: you have {len(named)} of {focus}'s {len(changed)} {kind} ties; "
                f"{'one is' if len(missing) == 1 else f'{len(missing)} are'} missing. Read "
                f"the rows of the changes table whose change is '{kind}'.")
    if not changed:
        return f"Right: none of {focus}'s ties {kind}."
    order = sorted(changed, key=list(graph.nodes).index)
    names = [net.short_name(graph, a) for a in order]
    details = "; ".join(f"{net.short_name(graph, a)}: {changed[a]['before']} → "
                        f"{changed[a]['after']}" for a in order)
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Right: {focus}'s ties with {listed} {kind} ({details})."
