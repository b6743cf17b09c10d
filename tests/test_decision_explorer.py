"""Lesson 05's decision explorer, headless on both cases: choosing a decision in the menu
changes the sentence and the table to that decision's votes, concession and date, read from
the case's own tables."""


import pytest
from html_tables import table_rows

from casebook.model import decision, votes
from casebook.widgets.decisions import decision_explorer


@pytest.fixture
def explorer(case):
    return decision_explorer(case)


def shown_answers(panel) -> dict[str, str]:
    """The table under the menu, as {what: answer}, read back from its HTML."""
    return {row[0]: row[1] for row in table_rows(panel.shown.value) if len(row) == 2}


def test_it_opens_on_the_last_decision_before_the_article(case, explorer):
    record = votes.case_vote_record(case)
    last = votes.last_vote_before(record)
    assert explorer.menu.value == last.name
    assert shown_answers(explorer)["decision"] == last["decision"]
    page, words = explorer._static_view()
    assert f"<b>{explorer.menu.label}</b>" in page and words.startswith(
        f"Decision explorer set to {explorer.menu.label}.")


def test_typing_another_decision_shows_its_votes_and_what_the_text_gave_up(case, explorer):
    record = votes.case_vote_record(case)
    before = explorer.shown.value
    for label, vote_id in decision.decision_choices(record):
        explorer.menu.field.value = label  # typed and Enter
        assert explorer.menu.value == vote_id and explorer.menu.message.value == ""
        answers = shown_answers(explorer)
        row = record.loc[vote_id]
        for voter in votes.voter_columns(record):
            assert answers[f"{voter}'s vote"] == row[voter]
        code = case.un_votes.loc[vote_id, "concession"]
        assert answers["what the text gave up"] == votes.CONCESSION_WORDS.get(
            code, "nothing coded")
        assert answers["date"] == row["date"].spelled()
        assert answers["could a reader of the article know it?"].startswith(
            "yes" if row["when"] == votes.BEFORE else "no")
    assert explorer.shown.value != before  # the last decision is not the default one


def test_a_decision_after_the_article_is_marked_as_hindsight(case, explorer):
    record = votes.case_vote_record(case)
    after = record[record["when"] == votes.AFTER]
    assert len(after), "both cases have a decision after the article"
    explorer.menu.value = after.index[0]
    words = explorer._static_view()[1]
    assert words.endswith(f"{votes.AFTER}.")
    assert shown_answers(explorer)["could a reader of the article know it?"] == (
        f"no: it came after the article ({case.article.date.spelled()}), so it is hindsight")


def test_a_word_that_names_no_decision_keeps_the_table_and_says_so(explorer):
    shown = explorer.shown.value
    explorer.menu.field.value = "zzz"
    assert explorer.shown.value == shown
    assert "is no decision of the table here" in explorer.menu.message.value
