"""Lesson 02: the article's claims as tables, the argument map, the paragraph reader and the
exercise feedback, on a small made-up argument (the reader also on the real case)."""

import numpy as np
import pandas as pd
import pytest
from matplotlib.patches import FancyBboxPatch

from casebook.feedback.argument import (
    check_claim_kinds,
    check_fourth_factor_paragraph,
    check_thinnest_factor,
)
from casebook.model.argument import (
    article_factors,
    chains_table,
    claims_table,
    exercise_claims,
    factor_chains,
    factor_list,
    kind_verdict_counts,
    source_criticism,
)
from casebook.plots.argument import argument_map, support_rows
from casebook.widgets.reading import (
    article_html,
    marked_paragraph,
    paragraph_reader,
    quote_spans,
)


@pytest.fixture
def argument():
    """Seven claims in four paragraphs: two factors of the article, one of the course's,
    one claim backing two factors, one conclusion, one context claim."""
    claims = pd.DataFrame({
        "paragraph": [2, 2, 3, 3, 5, 5, 8],
        "quote": ["peace is vital", "four wars", "a seat is vital", "Kim II-sung",
                  "proliferation is not vital", "the US is to blame", "coordination is slender"],
        "kind": ["inference", "fact", "inference", "fact", "inference", "inference",
                 "prediction"],
        "verdict": ["accurate", "unverified", "disputed", "error", "disputed", "accurate",
                    "borne_out"],
        "verdict_basis": ["course_reading", "record", "course_reading", "record",
                          "course_reading", "record", "record"],
        "verdict_note": ["n1", "n2", "n3", "n4", "n5", "n6", "n7"],
        "role": ["factor", "support", "factor", "support", "factor", "support", "conclusion"],
        "factor_ids": [("peace",), ("peace",), ("seat",), ("seat",), ("nonpro",),
                       ("peace", "seat"), None],
        "source_id": ["s1", "s1", None, "s2", "s1", "s2", "s2"],
    }, index=pd.Index(["c01_peace", "c02_wars", "c05_seat", "c07_kim", "c16_nonpro",
                       "c18_blame", "c26_slender"], name="claim_id"))
    context = pd.DataFrame({"paragraph": [4], "quote": ["a minority opinion"],
                            "kind": ["fact"], "verdict": ["accurate"],
                            "verdict_basis": ["record"], "verdict_note": ["n8"],
                            "role": ["context"], "factor_ids": [None], "source_id": ["s1"]},
                           index=pd.Index(["c10_minority"], name="claim_id"))
    claims = pd.concat([claims, context]).sort_values("paragraph", kind="stable")
    factors = pd.DataFrame({
        "label": ["Peace on the peninsula", "A seat at the table", "Nonproliferation",
                  "Defence"],
        "short_label": ["Peace", "Seat", "Nonproliferation", "Defence"],
        "paragraph": [2, 3, 5, 7],
        "quote": ["peace is vital", "a seat is vital", "proliferation is not vital", "defence"],
        "in_article": ["yes", "yes", "no", "yes"],
    }, index=pd.Index(["peace", "seat", "nonpro", "defence"], name="factor_id"))
    sources = pd.DataFrame({"title": ["Source one", "Source two"]}, index=["s1", "s2"])
    return claims, factors, sources


# -- model --------------------------------------------------------------------------------

def test_claims_table_labels_the_course_readings_and_names_sources(argument):
    claims, _, sources = argument
    table = claims_table(claims, sources)
    assert table.loc[0, "verdict rests on"] == "the course's reading (contested)"
    assert table.loc[1, "verdict rests on"] == "the public record"
    assert table["source"].tolist()[:4] == ["Source one", "Source one", "", "Source two"]
    assert table.loc[table["claim"] == "c26 slender", "verdict"].item() == "borne out"


def test_kind_verdict_counts_total_every_claim(argument):
    counts = kind_verdict_counts(argument[0])
    assert counts.loc["all", "all"] == 8
    assert counts.loc["inference", "disputed"] == 2
    assert counts.loc["fact", "all"] == 3
    # Verdicts as of 2017 come before those in hindsight, whatever the alphabet says.
    assert counts.columns.tolist() == ["accurate", "error", "disputed", "unverified",
                                       "borne out", "all"]


def test_exercise_claims_takes_the_first_of_each_kind_in_reading_order(argument):
    shown = exercise_claims(argument[0], per_kind=1)
    assert shown.index.tolist() == ["c01_peace", "c02_wars", "c26_slender"]
    assert shown["n"].tolist() == [1, 2, 3]
    assert "kind" not in shown.columns


def test_source_criticism_keeps_errors_and_unverified_claims(argument):
    table = source_criticism(argument[0])
    assert table["claim"].tolist() == ["c02 wars", "c07 kim"]  # wraps in a narrow column
    assert table["why"].tolist() == ["n2", "n4"]


def test_article_factors_and_factor_list_put_the_articles_own_first(argument):
    _, factors, _ = argument
    assert article_factors(factors).index.tolist() == ["peace", "seat", "defence"]
    listed = factor_list(factors)
    assert listed["factor"].tolist()[-1] == "Nonproliferation"
    assert listed["whose"].tolist() == ["the article's"] * 3 + ["the course's addition"]


def test_factor_chains_link_stating_and_supporting_claims(argument):
    claims, factors, _ = argument
    chains = factor_chains(claims, factors)
    # Defence has no claim at all, so it is not in the map.
    assert chains.index.tolist() == ["peace", "seat", "nonpro"]
    assert chains.loc["peace", "stated_by"] == ("c01_peace",)
    assert chains.loc["peace", "backed_by"] == ("c02_wars", "c18_blame")
    assert chains.loc["seat", "backed_by"] == ("c07_kim", "c18_blame")
    assert chains["article's"].tolist() == [True, True, False]
    table = chains_table(chains, claims)
    assert table.loc["Peace on the peninsula", "backed by"] == "c02 (unverified); c18 (accurate)"
    assert table.loc["Nonproliferation", "backed by"] == "no claim of its own"
    assert table["supporting claims"].tolist() == [2, 2, 0]


# -- the map ------------------------------------------------------------------------------

def test_argument_map_draws_a_box_per_claim_and_factor_and_an_arrow_per_link(argument):
    claims, factors, _ = argument
    chains = factor_chains(claims, factors)
    chart = argument_map(claims, chains)
    ax = chart.figure.axes[0]
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    # 3 supports + 3 factors + 1 conclusion + the frame round the conclusions
    assert len(boxes) == 8
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    # c02 -> peace, c07 -> seat, c18 -> peace and seat, and each of 3 factors -> conclusions
    assert len(arrows) == 7
    dashed_arrows = [a for a in arrows if a.arrow_patch.get_linestyle() == "--"]
    assert len(dashed_arrows) == 1  # from the course's factor
    texts = [t.get_text() for t in ax.texts]
    assert "c07 kim  [¶3]\nfact · error" in texts
    assert "Seat  [¶3]\nstated by c05 (disputed)" in texts
    assert any(t.startswith("Nonproliferation  [¶5]") and "course's addition" in t
               for t in texts)
    assert any(t.startswith("c26 [¶8]\n“coordination is slender”") for t in texts)
    hatched = [p for p in boxes if p.get_hatch()]
    assert len(hatched) == 1  # the one error
    headings = {"Supporting claims", "Factors", "The article concludes"}
    assert headings <= set(texts)
    assert chart.figure.legends, "the fills and edges are explained in a legend"


def test_argument_map_description_lists_every_chain(argument):
    claims, factors, _ = argument
    chart = argument_map(claims, factor_chains(claims, factors))
    text = chart.description
    assert text.startswith("Argument map in three columns: 3 supporting claims (left) -> "
                           "3 factors (middle) -> 1 conclusion (right).")
    assert ("Peace on the peninsula [¶2], stated by c01 (inference, accurate, the course's "
            "reading), backed by c02 (fact, unverified), c18 (inference, accurate).") in text
    assert ("Nonproliferation [¶5] (the course's addition, not one of the article's), stated "
            "by c16 (inference, disputed, the course's reading), backed by no claim.") in text
    assert ("Every factor leads (Nonproliferation, the course's addition, by a dashed arrow) "
            'to the conclusion: c26 [¶8] "coordination is slender" (prediction, borne out).'
            ) in text
    assert text.endswith("Left out of the map as context: c10.")


def test_support_rows_place_a_claim_once_under_its_first_factor():
    chains = pd.DataFrame({"backed_by": [("c3", "c2"), ("c3",)]}, index=["a", "b"])
    assert support_rows(chains) == [("c2", "a"), ("c3", "a")]


# -- reading --------------------------------------------------------------------------------

def test_quote_spans_find_quotes_despite_curly_apostrophes_and_merge_overlaps():
    text = "Russia’s pilots flew and fought."
    spans = quote_spans(text, {"a": "Russia's pilots", "b": "pilots flew", "c": "missing"})
    assert spans == [(0, 20, ["a", "b"])]


def test_marked_paragraph_labels_each_mark_with_claim_numbers():
    html = marked_paragraph(3, "Kim II-sung and the DPRK.", {"c07_kim": "Kim II-sung"})
    assert html.startswith("<p><b>[¶3]</b> <mark")
    assert "Kim II-sung</mark><sup>[c07]</sup> and the DPRK.</p>" in html


def test_article_html_numbers_every_paragraph(argument):
    claims = argument[0]
    html = article_html({1: "Opening.", 2: "Yes, peace is vital."}, claims)
    assert html.count("<p><b>[¶") == 2
    assert "<sup>[c01]</sup>" in html


def test_paragraph_reader_opens_on_a_paragraph_with_claims_and_follows_the_slider(case):
    panel = paragraph_reader(case)
    slider, view = panel.slider, panel.children[-1]
    first_with_claims = int(case.claims["paragraph"].min())
    assert slider.value == first_with_claims
    assert (slider.min, slider.max) == (min(case.paragraphs), max(case.paragraphs))
    mine = case.claims[case.claims["paragraph"] == first_with_claims]
    noun = "claim" if len(mine) == 1 else "claims"
    assert f"{len(mine)} {noun}</b> of paragraph {first_with_claims}" in view.value
    slider.value = slider.max
    last = case.claims[case.claims["paragraph"] == slider.max]
    assert f"[¶{slider.max}]" in view.value
    assert all(claim_id.replace("_", " ") in view.value for claim_id in last.index)
    page, words = panel._static_view()
    assert page.startswith(f"<p>Paragraph: <b>{slider.max}</b>")
    assert words.startswith(f"Paragraph slider at {slider.max}")


def test_a_paragraph_without_claims_says_so(case):
    empty = [n for n in case.paragraphs if not (case.claims["paragraph"] == n).any()]
    if not empty:
        pytest.skip("every paragraph of this case holds a claim")
    panel = paragraph_reader(case)
    panel.slider.value = empty[0]
    assert "No sentence of this paragraph is in the claims table." in panel.children[-1].value


# -- feedback -------------------------------------------------------------------------------

@pytest.fixture
def to_classify(argument):
    return exercise_claims(argument[0], per_kind=1)


def test_check_claim_kinds_messages(argument, to_classify):
    claims = argument[0]
    assert check_claim_kinds(None, to_classify, claims).startswith(
        "Replace None with a list of 3 kinds")
    assert check_claim_kinds(["Inference", "fact ", "prediction"], to_classify, claims) == (
        "Right: all 3 agree with the course's coding (1 fact, 1 inference and 1 prediction). "
        "The coding is the course's: the claims table gives its reasons, and you may argue "
        "with them.")
    assert check_claim_kinds(["inference", "opinion", "prediction"], to_classify, claims) == (
        "Not quite: 2 of 3 agree with the course's coding. Claim 2 (\"four wars\", ¶2): you "
        "wrote 'opinion'; the course codes it 'fact', a statement of what happened, was said "
        "or is the case, which the record can confirm or refute.")
    assert check_claim_kinds(["fact"], to_classify, claims) == (
        "Not quite: the table has 3 claims, and your list has 1 kind: give one kind per claim, "
        "in the table's order.")
    assert check_claim_kinds(["fact"] * 4, to_classify, claims).startswith(
        "Not quite: the table has 3 claims, and your list has 4 kinds:")
    assert check_claim_kinds(["fakt", "fact", "fact"], to_classify, claims).startswith(
        "Not quite: 'fakt' is not a kind")
    assert check_claim_kinds("fact", to_classify, claims).startswith("Not quite: give a list")


def test_a_claim_that_fits_two_kinds_comes_up_in_the_exercise_and_accepts_both(argument):
    claims = argument[0].assign(
        other_kind=[None] * 7 + ["prediction"],
        kind_note=[None] * 7 + ["Present tense, but its point is the prospect."])
    claims.loc["c18_blame", "other_kind"] = "fact"  # the second inference: not among the first
    shown = exercise_claims(claims, per_kind=1)
    # The slender claim is the first to fit 'prediction' and the first inference is c01.
    assert shown.index.tolist() == ["c01_peace", "c02_wars", "c26_slender"]
    claims.loc["c26_slender", "kind"] = "inference"
    shown = exercise_claims(claims, per_kind=1)
    assert shown.index.tolist() == ["c01_peace", "c02_wars", "c26_slender"]
    for answer in ("inference", "prediction"):
        message = check_claim_kinds(["inference", "fact", answer], shown, claims)
        assert message.startswith("Right: all 3 agree with the course's coding (")
        assert ("Claim 3 (¶8) fits two kinds, inference and prediction, and either is right: "
                "Present tense, but its point is the prospect.") in message
    wrong = check_claim_kinds(["inference", "fact", "opinion"], shown, claims)
    assert wrong.startswith("Not quite: 2 of 3 agree with the course's coding. Claim 3 (")
    assert "the course codes it 'inference'" in wrong
    assert "; it accepts 'prediction' too, a statement of what will or would happen" in wrong
    table = claims_table(claims, argument[2])
    assert table.loc[table["claim"] == "c26 slender", "kind"].item() == "inference (or prediction)"
    assert table.loc[table["claim"] == "c01 peace", "kind"].item() == "inference"


def test_every_claim_of_both_cases_has_a_second_kind_only_with_a_reason(case):
    claims = case.claims
    if "other_kind" not in claims.columns:
        pytest.skip("this case gives no second kinds")
    two = claims[claims["other_kind"].notna()]
    assert (two["other_kind"] != two["kind"]).all()
    assert two["kind_note"].map(lambda n: isinstance(n, str) and len(n) > 20).all()
    shown = exercise_claims(claims)
    message = check_claim_kinds([claims.loc[i, "other_kind"] if i in two.index
                                 else claims.loc[i, "kind"] for i in shown.index],
                                shown, claims)
    assert message.startswith(f"Right: all {len(shown)} agree")
    assert message.count("fits two kinds") == len(two.index.intersection(shown.index))


def test_check_fourth_factor_paragraph_messages(argument):
    _, factors, _ = argument
    four = pd.concat([factors, pd.DataFrame(
        {"label": ["China"], "short_label": ["China"], "paragraph": [4], "quote": ["x"],
         "in_article": ["yes"]}, index=["china"])])
    paragraphs = {n: "" for n in range(1, 9)}
    assert check_fourth_factor_paragraph(7, four, paragraphs).startswith(
        "Right: the fourth factor, Defence, is first named in ¶7. The factors before it are "
        "announced in ¶2, ¶3 and ¶4")
    assert check_fourth_factor_paragraph(np.int64(7), four, paragraphs).startswith("Right")
    assert check_fourth_factor_paragraph(3, four, paragraphs) == (
        "Not quite: ¶3 names the second factor, A seat at the table. Read on: where does a "
        "fourth appear?")
    assert check_fourth_factor_paragraph(5, four, paragraphs).startswith(
        "Not quite: ¶5 names no new factor")
    assert check_fourth_factor_paragraph(9, four, paragraphs) == (
        "Not quite: the article has paragraphs 1 to 8.")
    for written in ("7", "¶7", "[¶7]", "para 7", 7.0):
        assert check_fourth_factor_paragraph(written, four, paragraphs) == (
            check_fourth_factor_paragraph(7, four, paragraphs))
    assert check_fourth_factor_paragraph("seven", four, paragraphs) == (
        "Not quite: give the paragraph's number, written as a number or as ¶ and the number "
        "(you gave 'seven').")
    assert check_fourth_factor_paragraph(7, factors, paragraphs).startswith(
        "Not quite: this case has only 3 factors")


def test_check_thinnest_factor_messages(argument):
    claims, factors, _ = argument
    chains = factor_chains(claims, factors)
    extra = chains.loc[["seat"]].assign(backed_by=[("c07_kim",)])
    extra.index = ["defence"]
    extra[["label", "short_label", "paragraph"]] = ["Defence", "Defence", 7]
    chains = pd.concat([chains, extra])
    assert check_thinnest_factor("defence", chains) == (
        "Right: Defence rests on 1 supporting claim (c07), the fewest of the article's "
        "factors; it is first named in ¶7.")
    assert check_thinnest_factor("Peace on the peninsula", chains) == (
        "Not quite: Peace rests on 2 supporting claims (c02, c18); Defence rests on fewer (1).")
    assert check_thinnest_factor("nonproliferation", chains).startswith(
        "Not quite: Nonproliferation is the course's addition")
    assert check_thinnest_factor("War", chains).startswith(
        "Not quite: 'War' names no factor of the map")
    assert check_thinnest_factor("the table", chains) == (
        "Not quite: 'the table' is only part of a name. Did you mean \"Seat\"? Give the whole "
        "name, as the map or its table writes it.")
    assert check_thinnest_factor(3, chains).startswith("Not quite: give the factor's name")
