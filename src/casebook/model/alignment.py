"""Some of the article's factors against the record and against other scholars' readings
(lesson 04 takes the third and fourth).

Every function takes case tables and returns a table. Nothing here names a factor, option,
preset or hypothesis: they are found by what the data says of them (the article's own
factors in file order, the hypothesis whose source is the article, the options a paragraph
cites, the paragraphs that state a factor or that the coding of its effects draws on).

>>> from casebook import load_case
>>> case = load_case()
>>> len(article_factors(case.factors))
4
"""

from __future__ import annotations

import pandas as pd

from ..dates import PartialDate
from .votes import claims_table, is_hindsight

RATING_WORDS = {"II": "very inconsistent", "I": "inconsistent", "N": "neutral",
                "C": "consistent", "CC": "very consistent"}
BASIS_WORDS = {"from_texts": "from the scholar's texts", "illustrative": "illustrative"}


def article_factors(factors: pd.DataFrame) -> pd.DataFrame:
    """The article's own factors (``in_article`` = yes) in file order, numbered as the
    article counts them, with the paragraph that states each and its words.

    >>> factors = pd.DataFrame({"label": ["Calm", "Curb", "Ally"], "short_label": list("CUA"),
    ...     "paragraph": [2, 5, 4], "quote": ["q1", "q2", "q3"],
    ...     "in_article": ["yes", "no", "yes"]}, index=["calm", "curb", "ally"])
    >>> article_factors(factors)[["number", "factor", "¶"]].values.tolist()
    [[1, 'Calm', '¶2'], [2, 'Ally', '¶4']]
    """
    own = factors[factors["in_article"] == "yes"]
    return pd.DataFrame({"number": range(1, len(own) + 1), "factor": own["label"].to_list(),
                         "¶": [f"¶{p}" for p in own["paragraph"]],
                         "in the article's words": own["quote"].to_list()}, index=own.index)


def factor_paragraphs(factors: pd.DataFrame, factor_ids) -> list[int]:
    """The paragraphs that state ``factor_ids`` (factors.csv's ``paragraph``), in order.

    >>> factors = pd.DataFrame({"paragraph": [7, 4, 2]}, index=["shield", "ally", "calm"])
    >>> factor_paragraphs(factors, ["shield", "ally"])
    [4, 7]
    """
    return sorted({int(factors.loc[f, "paragraph"]) for f in factor_ids})


def cited_paragraphs(effects: pd.DataFrame, options: pd.DataFrame, factor_ids) -> list[int]:
    """The paragraphs that cite a stance (options.csv's ``paragraph``) and that the course's
    coding of the effects on ``factor_ids`` draws on (effects.csv's ``paragraph``): where the
    article speaks of the stances that bear on these factors. In order.

    >>> effects = pd.DataFrame({"option_id": ["f", "t", "s"], "factor_id": ["a", "a", "b"],
    ...                         "paragraph": [4, 6, 3]})
    >>> options = pd.DataFrame({"paragraph": [4, 6, 3]}, index=["f", "t", "s"])
    >>> cited_paragraphs(effects, options, ["a"])
    [4, 6]
    """
    drawn_on = set(effects.loc[effects["factor_id"].isin(list(factor_ids)), "paragraph"])
    cited = {int(p) for p in options["paragraph"].dropna()}
    return sorted(cited & {int(p) for p in drawn_on})


def paragraph_list(paragraphs) -> str:
    """'¶4', '¶4 and ¶6', '¶2, ¶4 and ¶6': paragraphs for a caption.

    >>> paragraph_list([4, 6]), paragraph_list([]), paragraph_list([2, 4, 6])
    ('¶4 and ¶6', 'no paragraph', '¶2, ¶4 and ¶6')
    """
    names = [f"¶{p}" for p in paragraphs]
    if not names:
        return "no paragraph"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def claims_of_factor_paragraphs(claims: pd.DataFrame, factors: pd.DataFrame,
                                factor_ids) -> pd.DataFrame:
    """The article's claims in the paragraphs that state ``factor_ids``, in reading order,
    as ``claims_in_paragraphs`` shows them.

    >>> claims = pd.DataFrame({"paragraph": [3, 4], "quote": ["a", "b"], "kind": ["fact"] * 2,
    ...     "verdict": ["accurate"] * 2, "verdict_basis": ["record"] * 2,
    ...     "verdict_note": ["x", "y"]}, index=pd.Index(["c1", "c2"], name="claim_id"))
    >>> factors = pd.DataFrame({"paragraph": [4]}, index=["ally"])
    >>> claims_of_factor_paragraphs(claims, factors, ["ally"])["claim"].to_list()
    ['b']
    """
    return claims_in_paragraphs(claims, factor_paragraphs(factors, factor_ids))


def claims_in_paragraphs(claims: pd.DataFrame, paragraphs: list[int]) -> pd.DataFrame:
    """The article's claims in ``paragraphs``, in reading order, as ``votes.claims_table``
    shows them (quote, kind, verdict, its basis and why).

    >>> claims = pd.DataFrame({"paragraph": [3, 4], "quote": ["a", "b"], "kind": ["fact"] * 2,
    ...     "verdict": ["accurate"] * 2, "verdict_basis": ["record"] * 2,
    ...     "verdict_note": ["x", "y"]}, index=pd.Index(["c1", "c2"], name="claim_id"))
    >>> claims_in_paragraphs(claims, [4])["claim"].to_list()
    ['b']
    """
    return claims_table(claims[claims["paragraph"].isin(paragraphs)])


def stances_record(behaviour: pd.DataFrame, options: pd.DataFrame, sources: pd.DataFrame,
                   paragraphs: list[int], article_date: PartialDate,
                   actor_name: str = "the focus actor") -> pd.DataFrame:
    """What the focus actor (``actor_name``, its short name) did, up to the article, on the
    stances (options) that ``paragraphs`` of the article cite, in date order, with the
    source of each fact. The column named by ``actor_name`` is the course's coding
    (``behaviour.observed``).

    >>> day = PartialDate.parse
    >>> behaviour = pd.DataFrame({"option_id": ["f", "t", "f"], "observed": ["supported"] * 3,
    ...     "date": [day("2017-07-04"), day("2016-07-28"), day("2018-01")],
    ...     "description": ["Joint statement", "Joint stand", "Later"], "source_id": ["s"] * 3})
    >>> options = pd.DataFrame({"short_label": ["Freeze", "Shield"], "paragraph": [4, 6]},
    ...                        index=["f", "t"])
    >>> sources = pd.DataFrame({"title": ["Report"]}, index=["s"])
    >>> stances_record(behaviour, options, sources, [4, 6], day("2017-10-13"), "Ann"
    ...                )["what Ann did"].to_list()
    ['Joint stand', 'Joint statement']
    """
    cited = options.index[options["paragraph"].isin(paragraphs)]
    chosen = behaviour[behaviour["option_id"].isin(cited)
                       & ~behaviour["date"].map(lambda d: is_hindsight(d, article_date))]
    chosen = chosen.sort_values("date", kind="stable")
    return pd.DataFrame({
        "date": chosen["date"].to_list(),
        "stance": options.loc[chosen["option_id"], "short_label"].to_list(),
        "¶": [f"¶{options.loc[o, 'paragraph']}" for o in chosen["option_id"]],
        actor_name: chosen["observed"].to_list(),
        f"what {actor_name} did": chosen["description"].to_list(),
        "source": sources.loc[chosen["source_id"], "title"].to_list(),
    })


def effects_on(effects: pd.DataFrame, options: pd.DataFrame, factors: pd.DataFrame,
               factor_ids: list[str], paragraphs: list[int]) -> pd.DataFrame:
    """The course's coding of how each stance cited in ``paragraphs`` serves (+) or harms (-)
    each factor of ``factor_ids``, with the rationale: one row per stance and factor.

    >>> effects = pd.DataFrame({"option_id": ["f", "f", "t"], "factor_id": ["c", "d", "c"],
    ...     "effect": [2, 1, 0], "rationale": ["joint", "exercises", "none"]})
    >>> options = pd.DataFrame({"short_label": ["Freeze", "Talks"], "paragraph": [4, 3]},
    ...                        index=["f", "t"])
    >>> factors = pd.DataFrame({"short_label": ["Ally", "Shield"]}, index=["c", "d"])
    >>> effects_on(effects, options, factors, ["c"], [4]).values.tolist()
    [['Freeze', '¶4', 'Ally', 2, 'joint']]
    """
    cited = options.index[options["paragraph"].isin(paragraphs)]
    chosen = effects[effects["option_id"].isin(cited) & effects["factor_id"].isin(factor_ids)]
    order = {o: i for i, o in enumerate(options.index)}
    chosen = chosen.assign(_order=chosen["option_id"].map(order)).sort_values(
        ["_order"], kind="stable")
    return pd.DataFrame({
        "stance": options.loc[chosen["option_id"], "short_label"].to_list(),
        "¶": [f"¶{options.loc[o, 'paragraph']}" for o in chosen["option_id"]],
        "factor": factors.loc[chosen["factor_id"], "short_label"].to_list(),
        "effect": [int(e) for e in chosen["effect"]],
        "why (course's coding)": chosen["rationale"].to_list(),
    })


def article_hypothesis(hypotheses: pd.DataFrame, article_source_id: str) -> str:
    """The id of the hypothesis whose source is the article itself: the article's reading.

    >>> hypotheses = pd.DataFrame({"source_id": ["other", "art"]}, index=["h2", "h1"])
    >>> article_hypothesis(hypotheses, "art")
    'h1'
    """
    own = hypotheses.index[hypotheses["source_id"] == article_source_id]
    if len(own) != 1:
        raise ValueError(f"expected one hypothesis citing the article ({article_source_id}) in "
                         f"hypotheses.csv, found {len(own)}")
    return own[0]


def rated_evidence(evidence: pd.DataFrame, ratings: pd.DataFrame, sources: pd.DataFrame,
                   hypothesis_id: str, article_date: PartialDate) -> pd.DataFrame:
    """The evidence a reader could know on the article's date, in date order, with the
    course's reference rating of it against ``hypothesis_id`` (code and words), the rationale
    and the source's title.

    >>> day = PartialDate.parse
    >>> evidence = pd.DataFrame({"date": [day("2017-07-06"), day("2016-07-28"), day("2022")],
    ...     "description": ["Block", "Stand", "Veto"], "source_id": ["s"] * 3},
    ...     index=["e1", "e2", "e3"])
    >>> ratings = pd.DataFrame({"evidence_id": ["e1", "e2", "e3"], "hypothesis_id": ["h"] * 3,
    ...     "rating": ["II", "C", "C"], "rationale": ["alone", "joint", "joint"]})
    >>> sources = pd.DataFrame({"title": ["Report"]}, index=["s"])
    >>> rated_evidence(evidence, ratings, sources, "h", day("2017-10-13"))[
    ...     ["evidence", "rating"]].values.tolist()
    [['Stand', 'C'], ['Block', 'II']]
    """
    known = evidence[~evidence["date"].map(lambda d: is_hindsight(d, article_date))]
    known = known.sort_values("date", kind="stable")
    on = ratings[ratings["hypothesis_id"] == hypothesis_id].set_index("evidence_id")
    codes = [str(on.loc[e, "rating"]) for e in known.index]
    return pd.DataFrame({
        "date": known["date"].to_list(),
        "evidence": known["description"].to_list(),
        "rating": codes,
        "in words": [RATING_WORDS[c] for c in codes],
        "why (course's coding)": [on.loc[e, "rationale"] for e in known.index],
        "source": sources.loc[known["source_id"], "title"].to_list(),
    }, index=known.index)


def inconsistent(rated: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``rated_evidence`` rated inconsistent or very inconsistent (I, II).

    >>> rated = pd.DataFrame({"rating": ["II", "N", "I", "C"]}, index=["a", "b", "c", "d"])
    >>> inconsistent(rated).index.to_list()
    ['a', 'c']
    """
    return rated[rated["rating"].isin(["I", "II"])]


def readings(presets: pd.DataFrame, preset_weights: pd.DataFrame, factors: pd.DataFrame,
             factor_ids: list[str], sources: pd.DataFrame) -> pd.DataFrame:
    """Each preset (a reading of the focus actor's motives) with the weight it gives each factor of
    ``factor_ids`` (columns named by the factors' short labels), how the weights were made,
    and the source's title. Indexed by preset id, in file order.

    >>> presets = pd.DataFrame({"holder": ["A. Author", "none"], "reading": ["r1", "r2"],
    ...     "weights_basis": ["from_texts", "illustrative"], "source_id": ["s", None]},
    ...     index=["a", "eq"])
    >>> weights = pd.DataFrame({"preset_id": ["a", "eq"], "factor_id": ["c", "c"],
    ...                         "weight": [8, 5]})
    >>> factors = pd.DataFrame({"short_label": ["Ally"]}, index=["c"])
    >>> sources = pd.DataFrame({"title": ["Text"]}, index=["s"])
    >>> readings(presets, weights, factors, ["c"], sources)[["holder", "Ally", "source"]
    ...     ].values.tolist()
    [['A. Author', 8, 'Text'], ['none', 5, '']]
    """
    table = pd.DataFrame({"holder": presets["holder"], "reading": presets["reading"],
                          "weights": presets["weights_basis"].map(BASIS_WORDS)},
                         index=presets.index)
    for factor in factor_ids:
        rows = preset_weights[preset_weights["factor_id"] == factor].set_index("preset_id")
        table[factors.loc[factor, "short_label"]] = [int(rows.loc[p, "weight"])
                                                     for p in presets.index]
    table["source"] = [sources.loc[s, "title"] if isinstance(s, str) and s else ""
                       for s in presets["source_id"]]
    return table


def article_preset(presets: pd.DataFrame, article_source_id: str) -> str:
    """The id of the preset whose source is the article: the article's own weights.

    >>> article_preset(pd.DataFrame({"source_id": ["x", "art"]}, index=["p", "a"]), "art")
    'a'
    """
    own = presets.index[presets["source_id"] == article_source_id]
    if len(own) != 1:
        raise ValueError(f"expected one preset citing the article ({article_source_id}) in "
                         f"presets.csv, found {len(own)}")
    return own[0]


def hypotheses_table(hypotheses: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The competing explanations as a reader sees them: label, statement, who argues it and
    the source's title.

    >>> hypotheses = pd.DataFrame({"label": ["L"], "statement": ["S"], "proponents": ["P"],
    ...                            "source_id": ["s"]}, index=["h"])
    >>> hypotheses_table(hypotheses, pd.DataFrame({"title": ["T"]}, index=["s"])
    ...                  ).iloc[0].to_list()
    ['L', 'S', 'P', 'T']
    """
    return pd.DataFrame({
        "explanation": hypotheses["label"].to_list(),
        "statement": hypotheses["statement"].to_list(),
        "who argues it": hypotheses["proponents"].to_list(),
        "source": [sources.loc[s, "title"] if isinstance(s, str) and s else ""
                   for s in hypotheses["source_id"]],
    })
