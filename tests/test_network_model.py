"""The signed networks of lesson 07: built from the case's tables, and structural balance on
small hand-made graphs whose answers are known."""

import shutil

import networkx as nx
import pandas as pd
import pytest

from casebook import load_case
from casebook.model import network as net
from conftest import DATA

tie = net.graph_from_ties


# -- the graph built from the data ----------------------------------------------------------

def test_every_actor_is_a_node_with_its_attributes_and_layout(case):
    graph = net.period_graph(case.actors, case.relations, case.default_period,
                             case.focus_actor)
    assert list(graph.nodes) == list(case.actors.index)
    for actor_id, row in case.actors.iterrows():
        node = graph.nodes[actor_id]
        assert (node["x"], node["y"]) == (row["x"], row["y"])
        assert node["short_name"] == row["short_name"] and node["name"] == row["name"]
        assert node["focus"] is (actor_id == case.focus_actor)
    assert graph.graph == {"period_id": case.default_period, "focus_actor": case.focus_actor}


def test_every_coded_pair_of_the_period_is_an_edge_with_its_coding(case):
    graph = net.period_graph(case.actors, case.relations, case.default_period)
    rows = case.relations[case.relations["period_id"] == case.default_period]
    pairs = len(case.actors) * (len(case.actors) - 1) // 2  # every pair is coded
    assert graph.number_of_edges() == len(rows) == pairs
    for row in rows.itertuples():
        edge = graph.edges[row.actor_b, row.actor_a]  # either order finds it
        assert edge == {"sign": row.sign, "strength": int(row.strength), "basis": row.basis,
                        "event_ids": tuple(row.event_ids or ()), "source_id": row.source_id}


def test_case_graphs_follow_the_periods_table(case):
    graphs = net.case_graphs(case)
    assert list(graphs) == list(case.periods.index)
    assert all(isinstance(g, nx.Graph) and g.number_of_nodes() == len(case.actors)
               for g in graphs.values())


def test_a_period_without_relations_is_refused_with_the_periods_there_are(case):
    with pytest.raises(ValueError, match="no relations are coded for the period 'p1999'"):
        net.period_graph(case.actors, case.relations, "p1999")


def test_an_actor_added_to_the_data_appears_as_a_node_without_code_changes(tmp_path):
    folder = tmp_path / "lessons_data"
    shutil.copytree(DATA, folder)
    header = (folder / "actors.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    added = {"actor_id": "TST", "name": "Republic of Testland", "short_name": "Testland",
             "x": "0.9", "y": "0.9", "description": "An actor added by a test."}
    with open(folder / "actors.csv", "a", encoding="utf-8", newline="") as actors:
        # One cell per column of the header, optional columns (aliases) left blank.
        actors.write(",".join(added.get(column, "") for column in header) + "\r\n")
    case = load_case(DATA)
    partners = list(case.actors.index)
    source = case.relations["source_id"].iloc[0]
    with open(folder / "relations.csv", "a", encoding="utf-8", newline="") as relations:
        for period_id in case.periods.index:
            for other in partners:
                relations.write(f"{period_id},TST,{other},neutral,1,A test tie,,{source}\r\n")
    grown = load_case(folder)
    graphs = net.case_graphs(grown)
    for graph in graphs.values():
        assert graph.nodes["TST"]["short_name"] == "Testland"
        assert (graph.nodes["TST"]["x"], graph.nodes["TST"]["y"]) == (0.9, 0.9)
        assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 21
        assert {graph.edges["TST", o]["sign"] for o in partners} == {"neutral"}
    # Neutral ties are no ties: the new actor's 15 triads in each period are not counted.
    summary = net.balance_summary(graphs[grown.default_period])
    assert summary["triads"] == 35
    assert summary["not_counted"] == net.balance_summary(
        net.case_graphs(case)[case.default_period])["not_counted"] + 15
    assert "Testland" in net.focus_ties(graphs, grown.periods, grown.focus_actor).index


# -- ties, matrix, focus table ---------------------------------------------------------------

def test_signed_matrix_is_symmetric_with_an_empty_diagonal():
    graph = tie([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2),
                 ("b", "c", "mixed", 1), ("c", "d", "neutral", 2)])
    matrix = net.signed_matrix(graph)
    assert matrix.loc["a", "b"] == matrix.loc["b", "a"] == 3
    assert matrix.loc["a", "c"] == -2
    assert matrix.loc["b", "c"] == matrix.loc["c", "d"] == 0
    assert matrix.isna().sum().sum() == 4 + 2 * 2  # the diagonal, and a - d, b - d (no edge)
    assert (matrix.fillna(99) == matrix.T.fillna(99)).all().all()


def test_focus_ties_has_a_row_per_partner_and_a_column_per_period():
    first = tie([("a", "b", "cooperative", 3), ("a", "c", "mixed", 1)])
    second = tie([("a", "b", "hostile", 2), ("a", "c", "mixed", 2)])
    periods = pd.DataFrame({"label": ["One", "Two"], "start_year": [2000, 2003],
                            "end_year": [2002, 2003]}, index=["one", "two"])
    table = net.focus_ties({"one": first, "two": second}, periods, "a")
    assert table.to_dict() == {"2000-2002": {"b": "cooperative 3", "c": "mixed 1"},
                               "2003": {"b": "hostile 2", "c": "mixed 2"}}


def test_ties_give_the_source_title_when_sources_are_given(case):
    graph = net.case_graphs(case)[case.default_period]
    table = net.ties(graph, case.sources)
    first = case.relations[case.relations["period_id"] == case.default_period].iloc[0]
    assert table.loc[0, "source"] == case.sources.loc[first["source_id"], "title"]
    assert table.loc[0, "basis"] == first["basis"]


# -- changes between two periods -------------------------------------------------------------

@pytest.mark.parametrize(("before", "after", "kind"), [
    (("cooperative", 2), ("hostile", 2), "flipped"),
    (("hostile", 3), ("cooperative", 1), "flipped"),
    (("cooperative", 2), ("mixed", 2), "cooled"),
    (("mixed", 1), ("hostile", 1), "cooled"),
    (("hostile", 2), ("mixed", 1), "warmed"),
    (("mixed", 2), ("cooperative", 3), "warmed"),
    (("neutral", 1), ("hostile", 2), "appeared"),
    (("mixed", 2), ("neutral", 2), "faded"),
    (("hostile", 2), ("hostile", 3), "strengthened"),
    (("cooperative", 3), ("cooperative", 2), "weakened"),
    (("mixed", 1), ("mixed", 1), "unchanged"),
])
def test_change_kinds(before, after, kind):
    assert net.change_kind(before, after) == kind


def test_tie_changes_sorted_by_kind_with_signed_shift():
    old = tie([("a", "b", "cooperative", 2), ("a", "c", "mixed", 1), ("b", "c", "hostile", 1)])
    new = tie([("a", "b", "cooperative", 2), ("a", "c", "hostile", 2),
               ("b", "c", "cooperative", 1)])
    changes = net.tie_changes(old, new)
    assert changes[["tie", "change", "shift"]].values.tolist() == [
        ["b – c", "flipped", 2], ["a – c", "cooled", -2], ["a – b", "unchanged", 0]]
    assert net.change_counts(changes).to_dict() == {
        "flipped": 1, "cooled": 1, "warmed": 0, "appeared": 0, "faded": 0,
        "strengthened": 0, "weakened": 0, "unchanged": 1}
    assert net.partners_by_change(changes, "c", "flipped") == ["b"]
    with pytest.raises(ValueError, match="'colder' is not a kind of change"):
        net.partners_by_change(changes, "c", "colder")


# -- structural balance on hand-made graphs -------------------------------------------------

@pytest.mark.parametrize(("signs", "status", "reading"), [
    (("cooperative", "cooperative", "cooperative"), "balanced", "three friends"),
    (("cooperative", "hostile", "hostile"), "balanced", "two friends with a common enemy"),
    (("hostile", "cooperative", "cooperative"), "unbalanced", "two of the friends are enemies"),
    (("hostile", "hostile", "hostile"), "unbalanced", "three mutual enemies"),
])
def test_a_triad_is_balanced_when_the_product_of_its_signs_is_positive(signs, status, reading):
    graph = tie([("a", "b", signs[0]), ("a", "c", signs[1]), ("b", "c", signs[2])])
    row = net.triads(graph).iloc[0]
    assert (row["status"], row["reading"]) == (status, reading)
    assert row["product"] == (1 if status == "balanced" else -1)


@pytest.mark.parametrize(("mixed", "status"), [
    ("skip", "not counted"), ("as_positive", "balanced"), ("as_negative", "unbalanced")])
def test_a_mixed_tie_counts_as_the_treatment_says(mixed, status):
    graph = tie([("a", "b", "cooperative"), ("b", "c", "cooperative"), ("a", "c", "mixed")])
    assert net.triads(graph, mixed)["status"].tolist() == [status]


@pytest.mark.parametrize("mixed", net.MIXED_TREATMENTS)
def test_a_neutral_tie_is_no_tie_whatever_the_treatment(mixed):
    graph = tie([("a", "b", "hostile"), ("b", "c", "hostile"), ("a", "c", "neutral")])
    assert net.triads(graph, mixed)["status"].tolist() == ["not counted"]
    assert net.balance_summary(graph, mixed)["share_balanced"] is None


def test_an_unknown_treatment_is_refused_with_the_choices():
    graph = tie([("a", "b", "mixed")])
    with pytest.raises(ValueError, match="mixed='half' is not a treatment of mixed ties; use "
                                         "one of 'skip', 'as_positive', 'as_negative'"):
        net.triads(graph, "half")


def two_camps():
    """{a, b} against {c, d}: friendly inside, hostile between, so every triad is balanced."""
    return tie([("a", "b", "cooperative", 3), ("c", "d", "cooperative", 2),
                ("a", "c", "hostile"), ("a", "d", "hostile"), ("b", "c", "hostile"),
                ("b", "d", "hostile", 2)])


def test_two_camps_are_balanced_and_split_with_no_tie_to_flip():
    graph = two_camps()
    assert net.balance_summary(graph) == {"triads": 4, "counted": 4, "balanced": 4,
                                          "unbalanced": 0, "not_counted": 0,
                                          "share_balanced": 1.0}
    split = net.nearest_split(graph)
    assert (split["camp_1"], split["camp_2"], split["ties_to_flip"]) == (("a", "b"),
                                                                         ("c", "d"), 0)
    assert split["equally_near"] == 0
    assert net.most_strained_triad(graph) is None


def test_three_mutual_enemies_need_one_flip_in_any_of_three_ways():
    graph = tie([("a", "b", "hostile"), ("b", "c", "hostile"), ("a", "c", "hostile")])
    split = net.nearest_split(graph)
    assert split["ties_to_flip"] == 1 and split["equally_near"] == 2
    assert net.two_camp_splits(graph)["ties_to_flip"].tolist() == [1, 1, 1, 3]


def test_five_mutual_enemies_need_four_flips():
    # The best split of five enemies is 2 + 3: one tie inside the pair, three in the trio.
    names = "abcde"
    graph = tie([(x, y, "hostile") for i, x in enumerate(names) for y in names[i + 1:]])
    assert net.nearest_split(graph)["ties_to_flip"] == 4
    assert len(net.two_camp_splits(graph)) == 2 ** 4


def test_among_equally_near_splits_the_weaker_ties_are_flipped():
    # A triangle "two friends are enemies": flipping any one tie balances it; the weakest
    # tie (b - c, strength 1) is the one to flip.
    graph = tie([("a", "b", "cooperative", 3), ("a", "c", "cooperative", 2),
                 ("b", "c", "hostile", 1)])
    split = net.nearest_split(graph)
    assert split["ties"] == (("b", "c"),) and split["strength_to_flip"] == 1
    assert net.describe_split(graph, split) == (
        "Camp 1: a, b, c. Camp 2: nobody. Ties to flip: 1 (b – c, hostile 1). "
        "2 other splits need as few.")


def test_skipped_mixed_ties_go_against_no_split():
    graph = tie([("a", "b", "mixed", 3), ("b", "c", "hostile"), ("a", "c", "hostile")])
    assert net.nearest_split(graph, "skip")["ties_to_flip"] == 0
    assert net.nearest_split(graph, "as_positive")["ties_to_flip"] == 0
    assert net.nearest_split(graph, "as_negative")["ties_to_flip"] == 1


def test_splitting_too_many_actors_is_refused_with_the_limit():
    names = [f"n{i}" for i in range(net.MAX_ACTORS_FOR_SPLIT + 1)]
    graph = tie([(names[i], names[i + 1], "hostile") for i in range(len(names) - 1)])
    with pytest.raises(ValueError, match="17 actors are too many for that \\(at most 16\\)"):
        net.two_camp_splits(graph)


def test_the_most_strained_triad_has_the_strongest_contradicting_ties():
    graph = tie([("a", "b", "cooperative", 3), ("b", "c", "cooperative", 3),
                 ("a", "c", "hostile", 3), ("a", "d", "cooperative", 1),
                 ("b", "d", "hostile", 1), ("c", "d", "cooperative", 1)])
    table = net.triads(graph)
    assert dict(zip(table["triad"], table["strain"], strict=True)) == {
        "a – b – c": 9, "a – b – d": 5, "a – c – d": 5, "b – c – d": 5}
    best = net.most_strained_triad(graph)
    assert (best["triad"], best["strain"], best["equally_strained"]) == ("a – b – c", 9, ())


def test_equally_strained_triads_are_named():
    graph = tie([("a", "b", "hostile"), ("b", "c", "hostile"), ("a", "c", "hostile"),
                 ("a", "d", "hostile"), ("b", "d", "hostile"), ("c", "d", "hostile")])
    best = net.most_strained_triad(graph)
    assert best["triad"] == "a – b – c"
    assert best["equally_strained"] == ("a – b – d", "a – c – d", "b – c – d")


def test_balance_by_treatment_shows_how_much_the_answer_depends_on_mixed_ties():
    graph = tie([("a", "b", "cooperative"), ("b", "c", "cooperative"), ("a", "c", "mixed"),
                 ("a", "d", "hostile"), ("b", "d", "hostile"), ("c", "d", "hostile")])
    periods = pd.DataFrame({"label": ["P"], "start_year": [2000], "end_year": [2002]},
                           index=["p"])
    table = net.balance_by_treatment({"p": graph}, periods)
    assert table.iloc[0].tolist() == ["P (2000-2002)", "100% of 2", "100% of 4", "50% of 4"]
    by_period = net.balance_by_period({"p": graph}, periods, "as_negative")
    assert by_period.loc["p", ["balanced", "unbalanced", "not counted"]].tolist() == [2, 2, 0]
    assert net.balance_sentence(graph, "as_negative") == (
        "When mixed ties count as hostile: 4 of the 4 triads are counted: 2 balanced and 2 "
        "unbalanced, so 50% of the counted triads are balanced.")
