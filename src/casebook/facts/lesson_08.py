"""Facts of lesson 08 (competing explanations, Heuer's analysis of competing hypotheses):
the explanations and the evidence a reader could know on the article's date, the course's
reference ranking with and without the weights of credibility and relevance, the items that
tell the explanations apart and those the ranking hangs on, and how the ranking moves when
the later items are added. The tables the lesson shows are made here too, from the same
``model.ach`` functions, so the text and the tables cannot disagree.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["known_count"] + facts["hindsight_count"] == facts["evidence_count"]
True
"""

from __future__ import annotations

import pandas as pd

from ..model import ach
from ..model.alignment import article_hypothesis
from ..text import ORDINALS, count, in_words, joined, plain_number


def grid_table(grid: pd.DataFrame) -> pd.DataFrame:
    """The grid as readers see it: one row per item (its date and short label), one column
    per hypothesis (its label), the rating codes in the cells.

    >>> grid = pd.DataFrame({"h1": ["C"]}, index=["e1"])
    >>> grid.attrs = {"labels": {"h1": "One"}, "item_labels": {"e1": "Drills"}}
    >>> grid_table(grid).columns.to_list()
    ['item', 'One']
    """
    labels = grid.attrs.get("labels", {})
    items = grid.attrs.get("item_labels", {})
    table = grid.rename(columns=lambda h: labels.get(h, h))
    table.insert(0, "item", [items.get(e, e) for e in grid.index])
    return table.reset_index(drop=True)


def evidence_table(case, grid: pd.DataFrame) -> pd.DataFrame:
    """The items of ``grid`` with their date, label, description, credibility, relevance,
    the weight these give (``model.ach.evidence_weights``) and their source's title.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> table = evidence_table(case, ach.rating_grid(case))
    >>> bool(table["weight"].between(0.5, 2).all())
    True
    """
    evidence = case.evidence.loc[list(grid.index)]
    weights = ach.evidence_weights(evidence)
    items = grid.attrs.get("item_labels", {})
    return pd.DataFrame({
        "date": [str(d) for d in evidence["date"]],
        "item": [items.get(e, e) for e in evidence.index],
        "what it is": evidence["description"].to_list(),
        "credibility": evidence["credibility"].astype(str).to_list(),
        "relevance": evidence["relevance"].astype(str).to_list(),
        "weight": [round(float(w), 2) for w in weights],
        "source": [case.sources.loc[s, "title"] if s in case.sources.index else s
                   for s in evidence["source_id"]],
    })


def diagnosticity_table(grid: pd.DataFrame) -> pd.DataFrame:
    """Each item with its ratings in one line and how far apart they are (Heuer's
    diagnosticity: 0 = rated alike for all, not diagnostic), most diagnostic first.

    >>> grid = pd.DataFrame({"h1": ["C", "II"], "h2": ["C", "CC"]}, index=["same", "apart"])
    >>> grid.attrs = {"labels": {"h1": "One", "h2": "Two"}, "item_labels": {}}
    >>> diagnosticity_table(grid).values.tolist()
    [['apart', 'One II, Two CC', 4], ['same', 'One C, Two C', 0]]
    """
    labels = grid.attrs.get("labels", {})
    items = grid.attrs.get("item_labels", {})
    spread = ach.diagnosticity(grid)
    table = pd.DataFrame({
        "item": [items.get(e, e) for e in grid.index],
        "ratings": [", ".join(f"{labels.get(h, h)} {grid.loc[e, h] or '-'}"
                              for h in grid.columns) for e in grid.index],
        "diagnosticity": [int(s) if pd.notna(s) else pd.NA for s in spread],
    }, index=grid.index)
    return table.sort_values("diagnosticity", ascending=False, kind="stable").reset_index(
        drop=True)


def sensitivity_table(grid: pd.DataFrame, weights: pd.Series | None = None) -> pd.DataFrame:
    """Each item, who leads without it, and whether the lead or the order changes.

    >>> grid = pd.DataFrame({"a": ["I", "N"], "b": ["N", "N"]}, index=["key", "other"])
    >>> grid.attrs = {"labels": {}, "item_labels": {"key": "Key item"}}
    >>> sensitivity_table(grid)["item"].to_list()
    ['Key item', 'other']
    """
    items = grid.attrs.get("item_labels", {})
    table = ach.sensitivity(grid, weights)
    table.insert(0, "item", [items.get(e, e) for e in table.index])
    return table.reset_index(drop=True)


def _scores(ranked: pd.DataFrame) -> list[str]:
    return [f"{row.hypothesis} ({plain_number(row.inconsistency)})" for row in ranked.itertuples()]


def _labels(grid: pd.DataFrame, ids) -> list[str]:
    return [grid.attrs["labels"].get(h, h) for h in ids]


def _items(grid: pd.DataFrame, ids) -> list[str]:
    return [grid.attrs["item_labels"].get(e, e) for e in ids]


def _leader_sentence(ranked: pd.DataFrame) -> str:
    """Who ranks first, tie or not, in words.

    >>> ranked = pd.DataFrame({"hypothesis": ["A", "B"], "inconsistency": [1.0, 1.0],
    ...                        "rank": [1, 1]})
    >>> _leader_sentence(ranked)
    'A and B tie for first place (1 each)'
    """
    top = ranked[ranked["rank"] == 1]
    score = plain_number(top["inconsistency"].iloc[0])
    if len(top) == 1:
        return f"{top['hypothesis'].iloc[0]} ranks first ({score})"
    return f"{joined(top['hypothesis'])} tie for first place ({score} each)"


def _rank_words(ranked: pd.DataFrame, hypothesis: str) -> str:
    """'first', 'third of six', with 'tied' where the rank is shared."""
    rank = int(ranked.loc[hypothesis, "rank"])
    shared = (ranked["rank"] == rank).sum() > 1
    place = ORDINALS[rank] if rank < len(ORDINALS) else f"{rank}th"
    return f"{'tied ' if shared else ''}{place} of {in_words(len(ranked))}"


def _alike_sentence(number: int) -> str:
    """How many items are rated alike for every hypothesis, as a sentence.

    >>> _alike_sentence(0), _alike_sentence(1)
    ('No items are rated alike for every explanation.', 'One item is rated alike for every explanation.')
    """  # noqa: E501
    words = count(number, "item", words=True)
    return f"{words[:1].upper()}{words[1:]} {'is' if number == 1 else 'are'} rated alike for " \
           "every explanation."


def _items_do(number: int, verb: str) -> str:
    """'one item changes', 'three items change', 'no items change'.

    >>> _items_do(1, "change"), _items_do(3, "change")
    ('one item changes', 'three items change')
    """
    return f"{count(number, 'item', words=True)} {verb}{'s' if number == 1 else ''}"


def _unbeaten_sentence(labels: list[str]) -> str:
    """Which explanations have no item against them, as a sentence.

    >>> _unbeaten_sentence([])
    'Every explanation has at least one item against it, so each could lose.'
    >>> _unbeaten_sentence(["A"])[:50]
    'A has no item against it: nothing in this evidence'
    """
    if not labels:
        return "Every explanation has at least one item against it, so each could lose."
    verb, them = ("has", "it") if len(labels) == 1 else ("have", "them")
    return (f"{joined(labels)} {verb} no item against {them}: nothing in this evidence could "
            f"make {them} lose, so a lead says as much about how the explanation is stated as "
            "about the evidence.")


def _hinge_sentence(items: list[str]) -> str:
    """What the lead hangs on, as a sentence.

    >>> _hinge_sentence([])
    'No single item decides the lead: dropping any one leaves the same explanation first.'
    >>> _hinge_sentence(["A vote"])
    'The lead hangs on A vote: check that item before relying on the ranking.'
    """
    if not items:
        return ("No single item decides the lead: dropping any one leaves the same "
                "explanation first.")
    noun = "that item" if len(items) == 1 else "those items"
    return f"The lead hangs on {joined(items)}: check {noun} before relying on the ranking."


def facts(case) -> dict:
    known = ach.rating_grid(case)
    full = ach.rating_grid(case, known_only=False)
    weights = ach.evidence_weights(case.evidence)
    article = article_hypothesis(case.hypotheses, case.article.source_id)
    weighted, plain = ach.ranking(known, weights), ach.ranking(known)
    weighted_full = ach.ranking(full, weights)
    spread = ach.diagnosticity(known)
    sens = ach.sensitivity(known, weights)
    unbeaten = weighted.index[weighted["inconsistency"] == 0]
    known_weights = weights.loc[list(known.index)]
    moved_up = [h for h in weighted_full.index
                if weighted_full.loc[h, "rank"] < weighted.loc[h, "rank"]]
    moved_down = [h for h in weighted_full.index
                  if weighted_full.loc[h, "rank"] > weighted.loc[h, "rank"]]
    return {
        "hypothesis_count": len(case.hypotheses),
        "hypothesis_labels": case.hypotheses["label"].to_list(),
        "article_label": case.hypotheses.loc[article, "label"],
        "evidence_count": len(case.evidence),
        "known_count": len(known),
        "hindsight_count": len(full.attrs["hindsight"]),
        "hindsight_items": _items(full, full.attrs["hindsight"]),
        # The method's own numbers, from the model, so that the text states what it computes.
        "i_counts": plain_number(ach.INCONSISTENCY["I"]),
        "diagnosticity_max": plain_number(max(ach.SCORE.values()) - min(ach.SCORE.values())),
        "ii_counts": plain_number(ach.INCONSISTENCY["II"]),
        "weight_h": plain_number(ach.QUALITY_WEIGHT["H"]),
        "weight_m": plain_number(ach.QUALITY_WEIGHT["M"]),
        "weight_l": plain_number(ach.QUALITY_WEIGHT["L"]),
        "lightest": plain_number(known_weights.min()),
        "heaviest": plain_number(known_weights.max()),
        # Step 1: what a reader could know on the article's date.
        "leader_sentence": _leader_sentence(weighted),
        "leaders": _labels(known, ach.leaders(weighted)),
        "leader_count": len(ach.leaders(weighted)),
        "weighted_scores": _scores(weighted),
        "plain_leader_sentence": _leader_sentence(plain),
        "plain_leaders": _labels(known, ach.leaders(plain)),
        "plain_leader_count": len(ach.leaders(plain)),
        "weights_change_leader": ach.leaders(weighted) != ach.leaders(plain),
        "article_plain_score": plain_number(plain.loc[article, "inconsistency"]),
        "article_score": plain_number(weighted.loc[article, "inconsistency"]),
        "article_rank": _rank_words(weighted, article),
        "unbeaten": _labels(known, unbeaten),
        "unbeaten_count": len(unbeaten),
        # What tells the explanations apart.
        "most_diagnostic": _items(known, spread.index[spread == spread.max()]),
        "most_diagnostic_value": plain_number(spread.max()),
        "least_diagnostic": _items(known, spread.index[spread == spread.min()]),
        "least_diagnostic_value": plain_number(spread.min()),
        "not_diagnostic_count": int((spread == 0).sum()),
        "not_diagnostic_sentence": _alike_sentence(int((spread == 0).sum())),
        # What the ranking hangs on.
        "hinges": _items(known, sens.index[sens["top changes"]]),
        "hinge_count": int(sens["top changes"].sum()),
        "hinge_verb": "s" if int(sens["top changes"].sum()) == 1 else "",
        "hinges_or_any": joined(_items(known, sens.index[sens["top changes"]]), "or",
                                empty="any item"),
        "hinge_sentence": _hinge_sentence(_items(known, sens.index[sens["top changes"]])),
        "order_hinge_count": int(sens["order changes"].sum()),
        "order_hinge_phrase": _items_do(int(sens["order changes"].sum()), "change"),
        "unbeaten_sentence": _unbeaten_sentence(_labels(known, unbeaten)),
        # Step 2: the later items added.
        "full_leader_sentence": _leader_sentence(weighted_full),
        "full_leaders": _labels(full, ach.leaders(weighted_full)),
        "full_scores": _scores(weighted_full),
        "article_rank_full": _rank_words(weighted_full, article),
        "moved_up": _labels(full, moved_up),
        "moved_down": _labels(full, moved_down),
        "lead_changes_with_hindsight": ach.leaders(weighted_full) != ach.leaders(weighted),
    }
