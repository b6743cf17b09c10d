"""Lesson 04's factor explorer, headless on both cases: choosing one of the lesson's factors
changes the sentence and the table to the focus actor's acts on the stances the course codes
for that factor, each with the factor's effect, whether it fits, and before or after the
article, read from the case's own tables."""

import html
import re

import pytest
from html_tables import table_rows

from casebook.facts.lesson_04 import facts, lesson_factors
from casebook.model import factor_record, votes
from casebook.widgets.factor_record import factor_explorer


@pytest.fixture
def explorer(case):
    return factor_explorer(case, lesson_factors(case).index)


def shown_rows(panel) -> list[dict[str, str]]:
    """The table under the field, one {column: text} per row, read back from its HTML."""
    parsed = table_rows(panel.shown.value)
    if not parsed:
        return []
    header, *rows = parsed
    return [dict(zip(header, row, strict=True)) for row in rows]


def status(panel) -> str:
    return html.unescape(re.search(r"<p role='status'><b>(.*?)</b></p>",
                                   panel.shown.value).group(1))


def focus_name(case) -> str:
    return case.actors.loc[case.focus_actor, "short_name"]


def expected_rows(case, factor_id):
    """The acts on stances coded for the factor, straight from the case's tables."""
    coded = case.effects[case.effects["factor_id"] == factor_id].set_index("option_id")
    acts = case.behaviour[case.behaviour["option_id"].isin(coded.index)]
    return acts, coded["effect"]


def test_it_opens_on_the_third_factor_with_every_act_on_its_stances(case, explorer):
    third = lesson_factors(case).index[0]
    assert explorer.menu.value == third
    assert explorer.menu.label == (f"{case.factors.loc[third, 'label']} "
                                   f"(¶{case.factors.loc[third, 'paragraph']})")
    acts, _ = expected_rows(case, third)
    rows = shown_rows(explorer)
    assert len(rows) == len(acts) > 0
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates)  # date order (ISO dates sort as text)
    page, words = explorer._static_view()
    assert f"<b>{html.escape(explorer.menu.label)}</b>" in page
    assert words == f"Factor explorer set to {explorer.menu.label}. {status(explorer)}"


def test_each_factor_shows_its_effects_fits_and_the_hindsight_split(case, explorer):
    focus = focus_name(case)
    article = case.article.date
    for label, factor_id in explorer.menu.options:
        explorer.menu.field.value = label  # typed and Enter
        assert explorer.menu.value == factor_id and explorer.menu.message.value == ""
        acts, effect = expected_rows(case, factor_id)
        rows = shown_rows(explorer)
        assert len(rows) == len(acts)
        for row, (_, act) in zip(rows, acts.sort_values("date", kind="stable").iterrows(),
                                 strict=True):
            code = int(effect[act["option_id"]])
            assert row["stance"] == case.options.loc[act["option_id"], "short_label"]
            assert int(row["effect"]) == code
            assert row[focus] == act["observed"]
            hindsight = act["date"].first_day > article.last_day
            assert row["when"] == (votes.AFTER if hindsight else votes.BEFORE)
            # the factor alone predicts support for a stance coded above 0, opposition below
            if code == 0:
                assert row["fits the factor?"] == factor_record.NO_PREDICTION
            elif act["observed"] == "mixed":
                assert row["fits the factor?"] == factor_record.PARTLY
            else:
                predicted = "supported" if code > 0 else "opposed"
                assert row["fits the factor?"] == ("yes" if act["observed"] == predicted
                                                   else "no")
        known = [row for row in rows if row["when"] == votes.BEFORE]
        fits = sum(row["fits the factor?"] == "yes" for row in known)
        after = len(rows) - len(known)
        said = status(explorer)
        assert said.startswith(f"{label}: of {focus}'s {len(known)} act")
        assert f", {fits or 'none'} fit" in said
        assert said.endswith(f"{after or 'no'} act{'s' * (after != 1)} came after (hindsight).")


def test_both_cases_hold_acts_before_and_after_the_article(case, explorer):
    whens = {row["when"] for row in shown_rows(explorer)}
    assert whens == {votes.BEFORE, votes.AFTER}


def test_the_answers_of_the_lesson_are_what_the_explorer_shows(case, explorer):
    values = facts(case)
    third, fourth = lesson_factors(case).index
    rows = shown_rows(explorer)
    known = [row for row in rows if row["when"] == votes.BEFORE]
    assert values["tool_third_fits"] == sum(r["fits the factor?"] == "yes" for r in known)
    assert values["tool_third_against"] == sum(r["fits the factor?"] == "no" for r in known)
    assert values["tool_known"] == len(known)
    explorer.menu.value = fourth
    fourth_rows = shown_rows(explorer)
    known_fourth = [row for row in fourth_rows if row["when"] == votes.BEFORE]
    assert values["tool_fourth_fits"] == sum(r["fits the factor?"] == "yes"
                                             for r in known_fourth)
    after = [row for row in fourth_rows if row["when"] == votes.AFTER]
    assert values["tool_after_count"] == len(after)
    # a stance coded for one factor and 0 for the other shows a different effect on each
    for stance in values["tool_fourth_only"]:
        on_third = {r["stance"]: int(r["effect"]) for r in rows}
        on_fourth = {r["stance"]: int(r["effect"]) for r in fourth_rows}
        assert on_fourth.get(stance, 1) != 0 and on_third.get(stance, 0) == 0


def test_a_word_that_names_no_factor_keeps_the_table_and_says_so(explorer):
    shown = explorer.shown.value
    explorer.menu.field.value = "zzz"
    assert explorer.shown.value == shown
    assert "is no factor of this lesson here" in explorer.menu.message.value


def test_a_factor_with_no_coded_stance_gives_a_sentence_not_a_table(case):
    focus = focus_name(case)
    empty = factor_record.factor_table(case.behaviour, case.effects.iloc[:0], case.options,
                                       case.sources, lesson_factors(case).index[0],
                                       case.article.date, focus)
    said = factor_record.factor_sentence(empty, "X", focus, case.article.date.spelled())
    assert said.startswith(f"X: no act of {focus}'s on record before the article")
