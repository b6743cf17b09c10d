"""The article and its argument as tables: who wrote it, where and when; its paragraphs; its
claims with the course's kind and verdict; and the chains of the argument map
(claims -> factors -> conclusion)."""

from __future__ import annotations

import pandas as pd

from ..case import Article
from ..schema import CLAIM_KIND_MEANINGS
from .timeline import day_text


def article_facts(article: Article, sources: pd.DataFrame) -> pd.DataFrame:
    """Who wrote the article, where and when, as a two-column table; the last row is the
    note of its source row (what the course could and could not check).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> article_facts(case.article, case.sources)["what"].tolist()
    ['Title', 'Author', 'Published in', 'Date', 'Address', 'Note on the source']
    """
    note = sources.loc[article.source_id, "note"] if article.source_id in sources.index else ""
    return pd.DataFrame({
        "what": ["Title", "Author", "Published in", "Date", "Address", "Note on the source"],
        "the article": [article.title, article.author, article.publisher, day_text(article.date),
             article.url, "" if pd.isna(note) else note],
    })


# What each kind of claim means: the course's coding scheme, said in a sentence (the schema's
# words, so that the data dictionary, the lesson and its check agree).
KIND_MEANINGS = dict(CLAIM_KIND_MEANINGS)
KINDS = tuple(KIND_MEANINGS)
# The verdicts in the data dictionary's order: as of 2017, then in hindsight.
VERDICTS = ("accurate", "error", "disputed", "unverified", "borne_out", "partly_borne_out",
            "not_borne_out", "not_testable")
BASIS_TEXT = {"record": "the public record",
              "course_reading": "the course's reading (contested)"}
ROLES = ("factor", "support", "conclusion", "context")


def claim_label(claim_id: str) -> str:
    """A claim id as a reader says it: its number, then its words (with spaces, so that a
    narrow table column can wrap it).

    >>> claim_label("c07_kim_il_sung")
    'c07 kim il sung'
    """
    return claim_id.replace("_", " ")


def second_kind(claims: pd.DataFrame, claim_id: str) -> str | None:
    """The second kind a claim honestly fits (``other_kind``), or None: none given, the
    column absent, or the same as its kind.

    >>> frame = pd.DataFrame({"kind": ["inference", "fact"],
    ...                       "other_kind": ["prediction", None]}, index=["c1", "c2"])
    >>> second_kind(frame, "c1"), second_kind(frame, "c2")
    ('prediction', None)
    """
    if "other_kind" not in claims.columns:
        return None
    other = claims.loc[claim_id, "other_kind"]
    if not isinstance(other, str) or not other or other == claims.loc[claim_id, "kind"]:
        return None
    return other


def kind_label(claims: pd.DataFrame, claim_id: str) -> str:
    """A claim's kind as a table shows it, with the second kind it fits.

    >>> frame = pd.DataFrame({"kind": ["inference"], "other_kind": ["opinion"]}, index=["c1"])
    >>> kind_label(frame, "c1")
    'inference (or opinion)'
    """
    other = second_kind(claims, claim_id)
    kind = claims.loc[claim_id, "kind"]
    return f"{kind} (or {other})" if other else kind


def claims_table(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The claims as a reader checks them: claim, paragraph, quote, kind (with the second kind
    a claim honestly fits, if any), verdict, what the verdict rests on (the record, or the
    course's reading of a contested point) and the title of the source it cites.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> claims_table(case.claims, case.sources).columns.tolist()
    ['claim', '¶', 'quote', 'kind', 'verdict', 'verdict rests on', 'source']
    """
    titles = sources["title"].to_dict()
    return pd.DataFrame({
        "claim": [claim_label(i) for i in claims.index],
        "¶": [int(p) for p in claims["paragraph"]],
        "quote": claims["quote"].to_list(),
        "kind": [kind_label(claims, i) for i in claims.index],
        "verdict": claims["verdict"].str.replace("_", " ").to_list(),
        "verdict rests on": [BASIS_TEXT[b] for b in claims["verdict_basis"]],
        "source": ["" if pd.isna(s) or s is None else titles[s] for s in claims["source_id"]],
    })


def kind_verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each kind (rows) got each verdict (columns), with totals.

    >>> frame = pd.DataFrame({"kind": ["fact", "fact", "opinion"],
    ...                       "verdict": ["accurate", "error", "disputed"]})
    >>> kind_verdict_counts(frame).loc["fact"].to_dict()
    {'accurate': 1, 'error': 1, 'disputed': 0, 'all': 2}
    """
    table = pd.crosstab(claims["kind"], claims["verdict"], margins=True, margins_name="all")
    # Verdicts as of 2017 first, then those in hindsight, then the total: not alphabetical.
    order = [v for v in VERDICTS if v in table.columns] + ["all"]
    table = table[order].rename(columns=lambda v: v.replace("_", " "))
    table.index.name, table.columns.name = "kind", None
    return table


def exercise_claims(claims: pd.DataFrame, per_kind: int = 2) -> pd.DataFrame:
    """Claims to classify: for each kind, the first ``per_kind`` claims in reading order that
    fit it, as their kind or as the second kind they honestly fit (``other_kind``), so that
    the close calls come up too; shown in reading order with their number in the exercise,
    paragraph and quote (no kind).

    >>> frame = pd.DataFrame({"paragraph": [1, 2, 3], "quote": ["a", "b", "c"],
    ...                       "kind": ["fact", "fact", "opinion"]}, index=["x", "y", "z"])
    >>> exercise_claims(frame, per_kind=1)
       n  ¶ quote
    x  1  1     a
    z  2  3     c
    >>> exercise_claims(frame.assign(other_kind=[None, "opinion", None]), per_kind=1)
       n  ¶ quote
    x  1  1     a
    y  2  2     b
    """
    fits = {i: [claims.loc[i, "kind"]] + [k for k in [second_kind(claims, i)] if k]
            for i in claims.index}
    chosen = set()
    for kind in dict.fromkeys(k for ks in fits.values() for k in ks):
        chosen.update([i for i in claims.index if kind in fits[i]][:per_kind])
    chosen = claims.loc[[i for i in claims.index if i in chosen]]
    return pd.DataFrame({"n": range(1, len(chosen) + 1),
                         "¶": [int(p) for p in chosen["paragraph"]],
                         "quote": chosen["quote"].to_list()}, index=chosen.index)


def source_criticism(claims: pd.DataFrame) -> pd.DataFrame:
    """The article's own errors and the claims the record cannot check: claims with the
    verdict ``error`` or ``unverified``, in reading order, with the course's reasons.

    >>> frame = pd.DataFrame({"paragraph": [2, 3], "quote": ["a", "b"],
    ...                       "verdict": ["unverified", "accurate"], "verdict_note": ["n", "m"]},
    ...                      index=["c1", "c2"])
    >>> source_criticism(frame)["claim"].tolist()
    ['c1']
    >>> source_criticism(frame.rename(index={"c1": "c02_four_wars"}))["claim"].tolist()
    ['c02 four wars']
    """
    chosen = claims[claims["verdict"].isin(["error", "unverified"])]
    return pd.DataFrame({"claim": [claim_label(i) for i in chosen.index],
                         "¶": [int(p) for p in chosen["paragraph"]],
                         "quote": chosen["quote"].to_list(),
                         "verdict": chosen["verdict"].to_list(),
                         "why": chosen["verdict_note"].to_list()})


def article_factors(factors: pd.DataFrame) -> pd.DataFrame:
    """The article's own factors (``in_article`` = yes) in the order the article
    states them: by the paragraph that first names each.

    >>> frame = pd.DataFrame({"paragraph": [7, 2, 5], "in_article": ["yes", "yes", "no"]},
    ...                      index=["fourth", "first", "course"])
    >>> article_factors(frame).index.tolist()
    ['first', 'fourth']
    """
    own = factors[factors["in_article"] == "yes"]
    return own.sort_values("paragraph", kind="stable")


def factor_list(factors: pd.DataFrame) -> pd.DataFrame:
    """Every factor as a reader meets it: the article's own in the article's order, then the
    course's additions; with the paragraph and the words that name each.

    >>> frame = pd.DataFrame({"label": ["B", "A", "C"], "paragraph": [7, 2, 5],
    ...                       "quote": ["b", "a", "c"],
    ...                       "in_article": ["yes", "yes", "no"]}, index=["b", "a", "c"])
    >>> factor_list(frame)[["factor", "whose"]].values.tolist()
    [['A', "the article's"], ['B', "the article's"], ['C', "the course's addition"]]
    """
    own = article_factors(factors)
    added = factors.drop(own.index)
    ordered = pd.concat([own, added])
    return pd.DataFrame({
        "factor": ordered["label"].to_list(),
        "¶": [int(p) for p in ordered["paragraph"]],
        "named in the words": ordered["quote"].to_list(),
        "whose": ["the article's" if i in own.index else "the course's addition"
                  for i in ordered.index],
    })


def factor_chains(claims: pd.DataFrame, factors: pd.DataFrame) -> pd.DataFrame:
    """The middle of the argument map: one row per factor that a claim states or backs, the
    article's factors first in the article's order, then the course's. Columns: label,
    short label, paragraph, whether it is the article's, the claims that state it
    (``stated_by``) and those that back it (``backed_by``), as tuples of claim ids.

    >>> claims = pd.DataFrame({"role": ["factor", "support", "support", "context"],
    ...                        "factor_ids": [("a",), ("a", "b"), ("b",), None],
    ...                        "paragraph": [2, 2, 6, 5]}, index=["c1", "c2", "c3", "c4"])
    >>> factors = pd.DataFrame({"label": ["A", "B"], "short_label": ["A", "B"],
    ...                         "paragraph": [2, 7], "in_article": ["yes", "yes"]},
    ...                        index=["a", "b"])
    >>> factor_chains(claims, factors)[["stated_by", "backed_by"]].values.tolist()
    [[('c1',), ('c2',)], [(), ('c2', 'c3')]]
    """
    linked = claims[claims["role"].isin(["factor", "support"])]
    rows = []
    ordered = list(article_factors(factors).index) + [
        f for f in factors.index if f not in article_factors(factors).index]
    for factor_id in ordered:
        holds = [i for i, ids in linked["factor_ids"].items() if ids and factor_id in ids]
        if not holds:
            continue
        row = factors.loc[factor_id]
        rows.append({
            "factor_id": factor_id, "label": row["label"], "short_label": row["short_label"],
            "paragraph": int(row["paragraph"]),
            "article's": row["in_article"] == "yes",
            "stated_by": tuple(i for i in holds if linked.loc[i, "role"] == "factor"),
            "backed_by": tuple(i for i in holds if linked.loc[i, "role"] == "support"),
        })
    return pd.DataFrame(rows).set_index("factor_id")


def claims_with_role(claims: pd.DataFrame, role: str) -> pd.DataFrame:
    """The claims of one role (``factor``, ``support``, ``conclusion``, ``context``), in
    reading order.

    >>> frame = pd.DataFrame({"role": ["context", "conclusion"]}, index=["c1", "c2"])
    >>> claims_with_role(frame, "conclusion").index.tolist()
    ['c2']
    """
    return claims[claims["role"] == role]


def chains_table(chains: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The chains of the argument map in words, one row per factor: the factor, the claims
    that state it and those that back it (each with its verdict), and how many back it.

    >>> claims = pd.DataFrame({"verdict": ["accurate", "error"]}, index=["c1_a", "c2_b"])
    >>> chains = pd.DataFrame({"label": ["A"], "paragraph": [2], "article's": [True],
    ...                        "stated_by": [("c1_a",)], "backed_by": [("c2_b",)]},
    ...                       index=["a"])
    >>> chains_table(chains, claims)[["whose", "stated by", "backed by"]].values.tolist()
    [["the article's", 'c1 (accurate)', 'c2 (error)']]
    """
    def listed(ids):
        return "; ".join(f"{i.split('_')[0]} ({claims.loc[i, 'verdict'].replace('_', ' ')})"
                         for i in ids) or "no claim of its own"

    return pd.DataFrame({
        "¶": chains["paragraph"].to_list(),
        "whose": ["the article's" if own else "the course's addition"
                  for own in chains["article's"]],
        "stated by": [listed(ids) for ids in chains["stated_by"]],
        "backed by": [listed(ids) for ids in chains["backed_by"]],
        "supporting claims": [len(ids) for ids in chains["backed_by"]],
    }, index=pd.Index(chains["label"].to_list(), name="factor"))


def other_readings(hypotheses: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The competing readings of the focus actor's policy, the article's among them: reading, the
    claim in one sentence, who argues it, and the title of the main text.

    >>> hypotheses = pd.DataFrame({"label": ["A"], "statement": ["S."], "proponents": ["P"],
    ...                            "source_id": [None]}, index=["h1"])
    >>> other_readings(hypotheses, pd.DataFrame({"title": []})).iloc[0].tolist()
    ['A', 'S.', 'P', '']
    """
    titles = sources["title"].to_dict()
    return pd.DataFrame({
        "reading": hypotheses["label"].to_list(),
        "in one sentence": hypotheses["statement"].to_list(),
        "who argues it": hypotheses["proponents"].to_list(),
        "main text": ["" if s is None or pd.isna(s) else titles[s]
                      for s in hypotheses["source_id"]],
    })
