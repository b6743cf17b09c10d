"""Lesson 05: the vote record, its chart and the exercise feedback, tested headlessly on small
tables made here and on the case's own votes."""

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from casebook.dates import PartialDate
from casebook.feedback import votes as feedback
from casebook.model import votes
from casebook.plots.votes import VOTE_STYLES, vote_chart

D = PartialDate.parse
ARTICLE = D("2017-10-13")


def small_votes() -> pd.DataFrame:
    return pd.DataFrame({
        "resolution": ["1695", "2270", None, None],
        "date": [D("2006-07-15"), D("2016-03-02"), D("2019-12-16"), D("2024-03-28")],
        "subject": ["Missile launches", "Coal ban", "Relief draft", "Panel of Experts"],
        "outcome": ["adopted", "adopted", "not_put_to_vote", "vetoed"],
        "votes_for": pd.array([15, 14, None, 13], dtype="Int64"),
        "votes_against": pd.array([0, 0, None, 1], dtype="Int64"),
        "abstentions": pd.array([0, 1, None, 1], dtype="Int64"),
        "source_id": ["r1", "r2", "h", "p"],
        "concession": ["wording_softened", "exemption_added", None, None],
        "note": ["Chapter VII wording dropped.", "Exempts coal via Rajin.", "", "Alone."],
    }, index=pd.Index(["v1", "v2", "v3", "v4"], name="vote_id"))


# Made-up voters: the focus actor "Ann" (ANN) and the partner "Bob" (BOB).
ACTORS = pd.DataFrame({"short_name": ["Ann", "Bob", "Cy"]}, index=["ANN", "BOB", "CY"])
VOTERS = ("ANN", "BOB")


def member_votes(focus=("yes", "yes", "not_voted", "veto"),
                 partner=("yes", "abstain", "not_voted", "abstain")) -> pd.DataFrame:
    """member_votes.csv for small_votes(): the focus actor's and the partner's vote on each."""
    ids = ["v1", "v2", "v3", "v4"]
    return pd.DataFrame({"vote_id": ids * 2, "actor_id": ["ANN"] * 4 + ["BOB"] * 4,
                         "vote": [*focus, *partner]})


def record_of(un_votes, votes_table=None, voters=VOTERS):
    return votes.vote_record(un_votes, member_votes() if votes_table is None else votes_table,
                             ACTORS, voters, SOURCES, ARTICLE)


SOURCES = pd.DataFrame({"title": ["S/RES/1695", "S/RES/2270", "Editorial", "SC/15648"]},
                       index=["r1", "r2", "h", "p"])


@pytest.fixture
def record():
    return record_of(small_votes())


def test_vote_record_orders_labels_and_splits_at_the_article(record):
    assert record["decision"].to_list() == [
        "Res. 1695", "Res. 2270", "Draft (never put to a vote)", "Draft (vetoed)"]
    assert record["tally"].to_list() == ["15-0", "14-0-1", "", "13-1-1"]
    assert votes.voter_columns(record) == ["Ann", "Bob"]
    assert record["Ann"].to_list() == ["yes", "yes", "no vote", "veto"]
    assert record["Bob"].to_list() == ["yes", "abstained", "no vote", "abstained"]
    assert record["when"].to_list() == [votes.BEFORE] * 2 + [votes.AFTER] * 2
    assert record["source"].to_list() == SOURCES["title"].to_list()
    assert votes.last_vote_before(record)["decision"] == "Res. 2270"
    assert votes.first_vote_against(record).name == "v4"


def test_a_date_known_only_to_the_month_of_the_article_is_not_hindsight():
    assert not votes.is_hindsight(D("2017-10"), ARTICLE)
    assert votes.is_hindsight(D("2017-10-14"), ARTICLE)
    assert not votes.is_hindsight(D("2017-10-13"), ARTICLE)


def test_a_case_without_a_partner_has_one_voter_row():
    record = record_of(small_votes(), voters=("ANN",))
    assert votes.voter_columns(record) == ["Ann"]
    chart = vote_chart(record, ARTICLE)
    assert [t.get_text() for t in chart.figure.axes[0].get_yticklabels()] == ["Ann"]
    assert chart.description.startswith("Dot chart: Ann's votes on 4 UN Security Council")
    assert feedback.check_first_vote_against(2024, record).startswith(
        "Right: 2024. On 2024-03-28 Ann vetoed a draft")


def test_the_record_reads_each_voter_from_member_votes_whoever_is_focus():
    record = record_of(small_votes(), voters=("BOB", "ANN"))
    assert votes.voter_columns(record) == ["Bob", "Ann"]
    assert record["Bob"].to_list() == ["yes", "abstained", "no vote", "abstained"]
    assert votes.first_vote_against(record) is None  # Bob never voted no or veto


def test_softened_lists_the_coded_concessions_of_resolutions_the_focus_voted_for():
    table = votes.softened(small_votes(), record_of(small_votes()))
    assert table["resolution"].to_list() == ["1695", "2270"]
    assert table["concession"].to_list() == ["wording softened", "exemption added"]
    assert table["what the record says"].iloc[1] == "Exempts coal via Rajin."


def test_softened_reads_the_concession_column_not_the_words_of_the_note():
    table = small_votes().assign(
        note=["Nothing was dropped.", "Adopted 15-0.", "Dropped.", "Measure dropped."],
        concession=["none", "measure_dropped", None, "measure_dropped"],
        resolution=["1718", "2375", None, "2400"])
    abstained = record_of(table, member_votes(focus=("yes", "yes", "not_voted", "abstain")))
    # 1718 says "dropped" but codes no concession; the draft has no number; the focus actor
    # did not vote for 2400.
    assert votes.softened(table, abstained)["resolution"].to_list() == ["2375"]
    voted_yes = record_of(table, member_votes(focus=("yes",) * 4))
    assert votes.softened(table, voted_yes)["resolution"].to_list() == ["2375", "2400"]


def test_vote_notes_names_drafts_as_the_record_does():
    notes = votes.vote_notes(small_votes())
    assert notes["decision"].to_list() == [
        "Res. 1695", "Res. 2270", "Draft (never put to a vote)", "Draft (vetoed)"]
    assert notes["note"].to_list() == ["Chapter VII wording dropped.", "Exempts coal via Rajin.",
                                       "", "Alone."]


def test_run_up_includes_both_ends_and_nothing_outside():
    events = pd.DataFrame({
        "date": [D("2017-09-01"), D("2017-09-03"), D("2017-09-11"), D("2017-09-12")],
        "title": ["too early", "test", "vote", "too late"], "source_id": ["s"] * 4})
    sources = pd.DataFrame({"title": ["Report"]}, index=["s"])
    table = votes.run_up(events, sources, D("2017-09-11"), days=8)
    assert table["event"].to_list() == ["test", "vote"]
    assert table["source"].to_list() == ["Report", "Report"]


def test_words_and_votes_keeps_the_stances_votes_bear_on_in_the_article_year():
    behaviour = pd.DataFrame({
        "option_id": ["sanctions", "sanctions", "thaad", "sanctions"],
        "date": [D("2017-09-05"), D("2017-09-11"), D("2017-07-04"), D("2016-11-30")],
        "observed": ["opposed", "supported", "supported", "supported"],
        "description": ["Speech", "Vote 2375", "Statement", "Vote 2321"],
        "source_id": ["speech", "r2", "speech", "r1"]})
    options = pd.DataFrame({"short_label": ["Tougher sanctions", "Oppose THAAD"]},
                           index=["sanctions", "thaad"])
    sources = pd.DataFrame({"title": ["Speech report", "S/RES/1695", "S/RES/2270"]},
                           index=["speech", "r1", "r2"])
    table = votes.words_and_votes(behaviour, options, small_votes(), sources, ARTICLE, "Ann")
    assert table["what Ann did"].to_list() == ["Speech", "Vote 2375"]
    assert table["stance"].to_list() == ["Tougher sanctions"] * 2
    assert table["source"].to_list() == ["Speech report", "S/RES/2270"]


def test_claims_mentioning_matches_any_word_in_any_case():
    claims = pd.DataFrame({
        "paragraph": [5, 6, 7], "quote": ["Nonproliferation is not vital",
                                          "They oppose nuclearisation", "Four factors"],
        "kind": ["inference", "fact", "fact"], "verdict": ["disputed", "accurate", "error"],
        "verdict_basis": ["course_reading", "record", "record"], "verdict_note": ["a", "b", "c"]},
        index=pd.Index(["c1", "c2", "c3"], name="claim_id"))
    table = votes.claims_mentioning(claims, "PROLIFERATION", "nuclearisation")
    assert table["¶"].to_list() == ["¶5", "¶6"]
    assert table["basis"].to_list() == ["course's reading", "the record"]


def test_claims_of_factors_selects_by_factor_id_not_by_words():
    claims = pd.DataFrame({
        "paragraph": [2, 5, 7], "quote": ["Calm first", "Curbs matter not", "Both"],
        "kind": ["fact"] * 3, "verdict": ["accurate", "disputed", "error"],
        "verdict_basis": ["record"] * 3, "verdict_note": ["a", "b", "c"],
        "factor_ids": [("calm",), ("curb",), ("calm", "curb")]},
        index=pd.Index(["c1", "c2", "c3"], name="claim_id"))
    assert votes.claims_of_factors(claims, ["curb"])["claim"].to_list() == [
        "Curbs matter not", "Both"]
    assert votes.claims_of_factors(claims, []).empty


def test_factor_served_most_picks_the_largest_positive_effect():
    effects = pd.DataFrame({"calm": [-1, 1], "curb": [2, 1], "seat": [1, 1]},
                           index=["measures", "talks"])
    assert votes.factor_served_most(effects, "measures") == "curb"
    assert votes.factor_served_most(effects, "talks") == "calm"  # a tie: file order
    assert votes.factor_served_most(-effects.abs(), "talks") is None


# -- the chart -----------------------------------------------------------------------------

def test_chart_has_one_marker_per_vote_with_shape_and_word(record):
    chart = vote_chart(record, ARTICLE)
    ax = chart.figure.axes[0]
    markers = [line for line in ax.lines if line.get_marker() not in (None, "None", "")]
    assert len(markers) == 2 * len(record)
    by_label = {line.get_label(): line for line in markers}
    assert by_label["Ann: veto"].get_marker() == VOTE_STYLES["veto"][0]
    assert by_label["Bob: abstained"].get_marker() == VOTE_STYLES["abstained"][0]
    assert to_hex(by_label["Ann: no vote"].get_markerfacecolor()) == "#ffffff"  # hollow
    words = [t.get_text() for t in ax.texts]
    assert words.count("yes") == 3 and words.count("veto") == 1 and words.count("abst.") == 2
    assert "article published 2017-10-13" in words and "after the article" in words
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ann", "Bob"]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "1695\n15 Jul\n2006\n15-0" and ticks[2] == "draft\n16 Dec\n2019\nno vote"
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert legend == ["yes", "veto", "abstained", "no vote", "hollow: after the article",
                      "after the article"]
    # After the article every marker is hollow, whatever the vote (the course's convention).
    later = [line for line in markers if line.get_xdata()[0] > 1.5]
    assert {to_hex(line.get_markerfacecolor()) for line in later} == {"#ffffff"}
    assert all(to_hex(line.get_markerfacecolor()) != "#ffffff" for line in markers
               if line.get_xdata()[0] < 1.5)


def test_hindsight_background_starts_between_the_last_vote_before_and_the_first_after(record):
    ax = vote_chart(record, ARTICLE).figure.axes[0]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(dashed) == 1 and dashed[0].get_xdata()[0] == 1.5
    hatched = [patch for patch in ax.patches if patch.get_hatch() == "//"]
    assert len(hatched) == 1


def test_description_gives_the_numbers_before_and_each_decision_after(record):
    text = vote_chart(record, ARTICLE).description
    assert "votes on 4 UN Security Council decisions and drafts" in text
    assert "2006-07-15 to 2024-03-28" in text
    assert "Before the article (2017-10-13): 2 decisions; Ann voted yes on all 2" in text
    assert "Bob: yes 1, abstained 1" in text
    assert "tallies: 15-0 (1), 14-0-1 (1)" in text
    assert ("Draft (vetoed) of 2024-03-28, vetoed 13-1-1, Ann veto, Bob abstained."
            in text)
    assert "decisions and drafts, 2006" in text  # no subject given: none named


def test_chart_on_the_case_shows_every_decision(case):
    record = votes.case_vote_record(case)
    chart = vote_chart(record, case.article.date, subject=case.subject)
    assert len(chart.table) == len(case.un_votes)
    assert chart.png()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"{len(case.un_votes)} UN Security Council decisions" in chart.description
    names = case.actors.loc[list(case.voters), "short_name"].to_list()
    assert votes.voter_columns(record) == names
    assert [t.get_text() for t in chart.figure.axes[0].get_yticklabels()] == names
    assert chart.figure.axes[0].get_title() == f"Votes on {case.subject} in the UN Security Council"
    # Each cell is the voter's row of member_votes.csv, in words.
    for actor, name in zip(case.voters, names, strict=True):
        cast = votes.votes_of(case.member_votes, actor).map(votes.VOTE_WORDS)
        assert record[name].to_dict() == cast.reindex(record.index).to_dict()


# -- feedback ------------------------------------------------------------------------------

def test_yes_votes_feedback(record):
    check = feedback.check_yes_votes_before_article
    assert check(2, record, ARTICLE) == (
        "Right: before the article Ann voted yes on all 2 decisions of the table "
        "(Res. 1695 of 2006-07-15 to Res. 2270 of 2016-03-02).")
    assert check(3, record, ARTICLE).startswith("Not quite: 3 is more than")
    assert check(None, record, ARTICLE).startswith("Replace None")
    assert check(True, record, ARTICLE).startswith("Not quite: give a whole number")
    assert check(np.int64(2), record, ARTICLE).startswith("Right")


def test_first_vote_against_feedback(record):
    check = feedback.check_first_vote_against
    assert check(2024, record) == (
        "Right: 2024. On 2024-03-28 Ann vetoed a draft (Panel of Experts; 13-1-1): its first "
        "vote against a Council text in the table.")
    assert check(2019, record) == (
        "Not quite: the 2019 draft (Relief draft) was never put to a vote, so Ann cast no "
        "vote against it. Look for the first 'veto' or 'no' marker in Ann's row.")
    assert check(2006, record) == (
        "Not quite: in 2006 Ann's votes were: yes (1 decision). Look further right for a "
        "'veto' or 'no'.")
    assert check(2010, record) == (
        "Not quite: the table has no decision in 2010; it runs from 2006 to 2024.")
    assert check("2024", record) == check(2024.0, record) == check(2024, record)
    assert check("twenty", record) == (
        "Not quite: give a year as a whole number (you gave 'twenty').")
    assert check(" None ", record) == (
        "Not quite: Ann did vote against a draft of the table: look for the first 'veto' or "
        "'no' marker in Ann's row.")


def test_softened_feedback():
    check = feedback.check_softened
    assert check(("2270", 1695), small_votes(), record_of(small_votes())) == (
        "Right: Res. 1695 and 2270 were softened before Ann voted for them, as their notes "
        "say.")
    record = record_of(small_votes())
    assert check([1695], small_votes(), record) == (
        "Not quite: 1695 is right, but 1 more is missing. Read the notes for a measure dropped "
        "or an exemption.")
    with_1718 = pd.concat([small_votes(), small_votes().iloc[[0]].assign(
        resolution="1718", note="Adopted 15-0.", concession="none").rename(
        index={"v1": "v5"})])
    assert check([1695, 2270, 1718], with_1718, record_of(with_1718, pd.concat(
        [member_votes(), pd.DataFrame({"vote_id": ["v5"], "actor_id": ["ANN"],
                                       "vote": ["yes"]})]))) == (
        "Not quite: the notes record no dropped measure or exemption for 1718.")
    assert check([1695, 2270, 1234, 9999], small_votes(), record) == (
        "Not quite: 1234, 9999 are not resolutions of the table; its resolutions run from 1695 "
        "to 2270.")
    assert check(2270, small_votes(), record).startswith("Not quite: give a list")
    assert check([True], small_votes(), record).startswith("Not quite: give a list")
    assert check(None, small_votes(), record).startswith("Replace None")
    never_yes = record_of(small_votes(), member_votes(focus=("abstain",) * 4))
    assert check([], small_votes(), never_yes) == (
        "Right: none. Ann voted for no resolution whose notes record a concession.")


def lettered_votes() -> pd.DataFrame:
    """small_votes() with resolutions numbered as a case may number them: "R-9", "R-10"."""
    return small_votes().assign(resolution=["R-9", "R-10", None, None])


def test_softened_feedback_takes_resolution_numbers_that_are_not_digits():
    check = feedback.check_softened
    record = record_of(lettered_votes())
    assert check(["R-10", " R-9 "], lettered_votes(), record) == (
        "Right: Res. R-9 and R-10 were softened before Ann voted for them, as their notes "
        "say.")
    assert check(["R-10"], lettered_votes(), record) == (
        "Not quite: R-10 is right, but 1 more is missing. Read the notes for a measure "
        "dropped or an exemption.")
    # numbers outside the table are named in the table's order, and its range by date
    assert check(["R-9", "R-10", 12], lettered_votes(), record) == (
        "Not quite: 12 is not a resolution of the table; its resolutions run from R-9 to "
        "R-10.")


def test_softened_hints_show_resolutions_of_the_table_that_are_not_the_answer():
    check = feedback.check_softened
    with_more = pd.concat([lettered_votes(), lettered_votes().iloc[[0, 0]].assign(
        resolution=["R-11", "R-12"], concession="none",
        date=[D("2017-01-01"), D("2017-02-01")]).set_axis(["v5", "v6"])])
    more_votes = pd.concat([member_votes(), pd.DataFrame(
        {"vote_id": ["v5", "v6"], "actor_id": ["ANN", "ANN"], "vote": ["yes", "yes"]})])
    record = record_of(with_more, more_votes)
    assert feedback.softened_example(with_more, record) == "['R-11', 'R-12']"
    assert check(None, with_more, record) == (
        "Replace None with a list of numbers, for example ['R-11', 'R-12'], then run the cell "
        "again.")
    assert "like ['R-11', 'R-12'] (you gave 9)" in check(9, with_more, record)
    assert check("r-9", with_more, record) == check(["R-9"], with_more, record)


def test_first_vote_against_hint_gives_no_year_that_could_be_the_answer(record):
    assert feedback.check_first_vote_against(None, record) == (
        "Replace None with a year, then run the cell again.")


def test_yes_votes_feedback_names_a_count_of_every_decision(record):
    assert feedback.check_yes_votes_before_article(4, record, ARTICLE) == (
        "Not quite: 4 is every decision in the table, before and after the article "
        "(2017-10-13). Count only Ann's 'yes' markers left of the dashed line.")
    for written in (2.0, "2", np.int64(2)):
        assert feedback.check_yes_votes_before_article(written, record, ARTICLE) == (
            feedback.check_yes_votes_before_article(2, record, ARTICLE))
    assert feedback.check_yes_votes_before_article("2 votes", record, ARTICLE) == (
        "Not quite: give a whole number (you gave '2 votes').")


def test_zero_yes_votes_before_the_article_is_a_right_answer():
    record = record_of(small_votes(), member_votes(focus=("abstain", "no", "not_voted", "veto")))
    assert feedback.check_yes_votes_before_article(0, record, ARTICLE) == (
        "Right: before the article Ann voted yes on none of the 2 decisions of the table.")
    assert feedback.check_yes_votes_before_article(1, record, ARTICLE).startswith(
        "Not quite: 1 is more than")


def test_never_voting_against_makes_none_the_right_year():
    record = record_of(small_votes(), member_votes(focus=("yes", "yes", "not_voted", "yes")))
    check = feedback.check_first_vote_against
    assert check("none", record).startswith("Right: none. Ann voted against no decision")
    assert check(2024, record) == (
        "Not quite: Ann voted against no decision of the table (no 'veto' or 'no' marker in "
        "its row), so there is no such year.")
