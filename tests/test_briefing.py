"""Debate roles (roles.csv) and their briefing cards: what a card says is computed here
again from the raw tables, on both shipped cases, and bad rows of roles.csv are refused
with a message naming the file, row and column."""

from __future__ import annotations

import shutil
from dataclasses import replace
from html.parser import HTMLParser

import pandas as pd
import pytest

from casebook import load_case
from casebook.model import briefing
from casebook.problems import CaseDataError
from casebook.requirements import unmet
from conftest import DATA, SECOND_CASE


def _section(card: briefing.Card, starts: str) -> briefing.Section:
    return next(s for s in card.sections if s.heading.startswith(starts))


def _relation(case, period: str, a: str, b: str) -> pd.Series:
    rel = case.relations
    pair = (((rel["actor_a"] == a) & (rel["actor_b"] == b))
            | ((rel["actor_a"] == b) & (rel["actor_b"] == a)))
    return rel[(rel["period_id"] == period) & pair].iloc[0]


def _earlier_period(case) -> str | None:
    start = case.periods.loc[case.default_period, "start_year"]
    earlier = case.periods[case.periods["start_year"] < start]
    return earlier["start_year"].idxmax() if len(earlier) else None


def _role_ids(case):
    return list(case.roles.index)


def test_both_cases_declare_the_focus_actor_and_two_others(case):
    assert case.focus_actor in set(case.roles["actor_id"])
    assert len(set(case.roles["actor_id"])) >= 3
    assert unmet(case, "10") == []


def test_each_card_gives_every_tie_of_the_articles_period_and_its_change(case):
    earlier = _earlier_period(case)
    names = case.actors["short_name"]
    for role_id, role in case.roles.iterrows():
        card = briefing.role_card(case, role_id)
        ties = _section(card, "Ties in")
        others = [a for a in case.actors.index if a != role["actor_id"]]
        assert len(ties.items) == len(others)
        for other in others:
            now = _relation(case, case.default_period, role["actor_id"], other)
            item = next(i for i in ties.items if i.startswith(f"With {names[other]}:"))
            assert f": {now['sign']} {now['strength']};" in item
            assert item.endswith(now["basis"])
            before = _relation(case, earlier, role["actor_id"], other)
            if (before["sign"], before["strength"]) == (now["sign"], now["strength"]):
                assert "unchanged since" in item
            else:
                assert f"(was {before['sign']} {before['strength']})" in item


# How a tie's sign changes, as a reader of lesson 07 names it (same sign: by strength).
SIGN_CHANGES = {("cooperative", "mixed"): "cooled", ("mixed", "hostile"): "cooled",
                ("hostile", "mixed"): "warmed", ("mixed", "cooperative"): "warmed",
                ("cooperative", "hostile"): "flipped", ("hostile", "cooperative"): "flipped"}


def _expected_change(before: pd.Series, now: pd.Series) -> str:
    if before["sign"] == now["sign"]:
        if now["strength"] == before["strength"]:
            return "unchanged"
        return "strengthened" if now["strength"] > before["strength"] else "weakened"
    if before["sign"] == "neutral":
        return "appeared"
    if now["sign"] == "neutral":
        return "faded"
    return SIGN_CHANGES[before["sign"], now["sign"]]


def test_each_change_is_named_by_its_kind(case):
    earlier = _earlier_period(case)
    since = case.periods.loc[earlier]
    years = f"{since['start_year']}-{since['end_year']}"
    kinds = set()
    for role_id, role in case.roles.iterrows():
        ties = _section(briefing.role_card(case, role_id), "Ties in")
        for other in case.actors.index.drop(role["actor_id"]):
            kind = _expected_change(_relation(case, earlier, role["actor_id"], other),
                                    _relation(case, case.default_period, role["actor_id"],
                                              other))
            name = case.actors.loc[other, "short_name"]
            item = next(i for i in ties.items if i.startswith(f"With {name}:"))
            assert f"; {kind} since {years}" in item
            kinds.add(kind)
    assert len(kinds - {"unchanged"}) >= 2  # the cases do show changes of more than one kind


def test_events_are_the_actors_own_up_to_the_article_most_recent_first(case):
    for role_id, role in case.roles.iterrows():
        actor = role["actor_id"]
        own = case.events[case.events["actors"].map(lambda ids, a=actor: a in ids)]
        own = own[own["date"].map(lambda d: d.first_day <= case.article.date.last_day)]
        section = _section(briefing.role_card(case, role_id), "Events")
        if own.empty:
            assert not section.items and "No event" in section.note
            continue
        latest = own.sort_values("date", kind="stable").iloc[-1]
        category = case.categories.loc[latest["category"], "label"]
        assert section.items[0].endswith(f"{latest['title']} ({category})")
        shown = min(len(own), briefing.MAX_ITEMS)
        more = len(own) - shown
        assert len(section.items) == shown + (1 if more else 0)
        if more:
            assert section.items[-1] == f"and {more} more before the article"


def test_sources_name_the_relations_events_and_role_rows_used(case):
    titles = case.sources["title"]
    for role_id, role in case.roles.iterrows():
        card = briefing.role_card(case, role_id)
        listed = _section(card, "Sources").items
        assert listed == card.sources
        assert len(set(listed)) == len(listed)
        assert set(listed) <= set(titles)
        for other in case.actors.index.drop(role["actor_id"]):
            now = _relation(case, case.default_period, role["actor_id"], other)
            assert titles[now["source_id"]] in listed
        if isinstance(role["source_id"], str):
            assert titles[role["source_id"]] in listed


def test_the_focus_actor_gets_the_readings_and_the_others_the_claims_naming_them(case):
    weights = case.weight_matrix()
    for role_id, role in case.roles.iterrows():
        card = briefing.role_card(case, role_id)
        headings = [s.heading for s in card.sections]
        if role["actor_id"] == case.focus_actor:
            readings = _section(card, "What the readings")
            assert len(readings.items) == len(case.presets)
            for preset_id, item in zip(case.presets.index, readings.items, strict=True):
                top = weights.loc[preset_id].idxmax()
                assert item.startswith(case.presets.loc[preset_id, "label"] + ":")
                if weights.loc[preset_id].nunique() > 1:
                    assert case.factors.loc[top, "label"] in item
                else:
                    assert "every factor the same" in item
            continue
        assert not any(h.startswith("What the readings") for h in headings)
        mentions = _section(card, "What the explanations")
        short = case.actors.loc[role["actor_id"], "short_name"]
        naming = case.claims[case.claims["quote"].str.contains(rf"\b{short}\b", regex=True)]
        for quote in naming["quote"].head(briefing.MAX_ITEMS):
            assert any(f'"{quote}"' in item for item in mentions.items)
        if naming.empty:
            assert f"claims names {short}" in mentions.note or "nor the article's claims" \
                in mentions.note


def test_an_actor_no_row_names_gets_a_sentence_not_an_empty_list(case):
    quiet = replace(case, hypotheses=case.hypotheses.iloc[0:0], claims=case.claims.iloc[0:0])
    role_id = case.roles.index[case.roles["actor_id"] != case.focus_actor][0]
    short = case.actors.loc[case.roles.loc[role_id, "actor_id"], "short_name"]
    mentions = _section(briefing.role_card(quiet, role_id), "What the explanations")
    assert mentions.items == ()
    assert mentions.note == (f"Neither the competing explanations nor the article's claims "
                             f"name {short}: argue from its ties and events.")


def test_questions_come_from_roles_csv_in_order(case):
    for role_id, role in case.roles.iterrows():
        questions = _section(briefing.role_card(case, role_id), "Questions")
        expected = [q.strip() for q in role["questions"].split(";") if q.strip()]
        assert list(questions.items) == expected and questions.ordered
        assert 2 <= len(expected) <= 3


class _Words(HTMLParser):
    """The text of an HTML fragment, without what a <style> holds."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if not self._in_style and data.strip():
            self.parts.append(data.strip())


def test_the_text_holds_what_the_html_holds(case):
    for card in briefing.all_cards(case).values():
        parser = _Words()
        parser.feed(card.html)
        text_lines = [line.removeprefix("- ") for line in card.text.splitlines() if line]
        text_lines = [line.split(". ", 1)[1] if line[:1].isdigit() and ". " in line[:4]
                      else line for line in text_lines]
        assert parser.parts == text_lines


def test_the_html_is_one_printable_page_per_card(case):
    cards = briefing.all_cards(case)
    page = briefing.cards_document(cards)
    assert page.count('class="casebook-card"') == len(case.roles)
    assert "@media print" in page and "page-break-after: always" in page
    one = next(iter(cards.values()))
    assert "<script" not in one.html and 'style="' in one.html
    # Data is escaped: an ampersand or angle bracket in a title cannot break the page.
    odd = replace(one, title="A & <B>")
    assert "A &amp; &lt;B&gt;" in odd.html


def test_roles_table_lists_each_role_with_its_actor(case):
    table = briefing.roles_table(case)
    assert list(table["role"]) == list(case.roles.index)
    assert list(table["actor"]) == [case.actors.loc[a, "short_name"]
                                    for a in case.roles["actor_id"]]
    assert list(table["title"]) == list(case.roles["title"])


def test_an_unknown_role_is_refused_with_the_roles_declared(case):
    with pytest.raises(briefing.RoleError) as error:
        briefing.role_card(case, "no_such_role")
    assert "roles.csv has no role 'no_such_role'" in str(error.value)
    assert str(case.roles.index[0]) in str(error.value)


def test_without_roles_csv_there_are_no_cards_and_lesson_10_says_why(case, tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(case.data_dir, folder)
    (folder / "roles.csv").unlink()
    bare = load_case(folder)
    assert "roles" in bare.absent
    assert briefing.all_cards(bare) == {} and briefing.roles_table(bare).empty
    assert unmet(bare, "10") == [
        "roles.csv: the case has no such file (it is optional); the lesson reads it."]


def test_two_speakers_are_not_a_debate(case):
    focus_and_one = case.roles[case.roles["actor_id"] == case.focus_actor].head(1)
    other = case.roles[case.roles["actor_id"] != case.focus_actor].head(1)
    few = replace(case, roles=pd.concat([focus_and_one, other]))
    assert unmet(few, "10") == [
        "roles.csv, column 'actor_id': roles for 2 actor(s); expected roles for at least "
        "three (the focus actor and two others), so that there is a debate."]


def _broken(tmp_path, source, rows: list[str]) -> str:
    folder = tmp_path / "case"
    shutil.copytree(source, folder)
    header = (source / "roles.csv").read_text(encoding="utf-8").splitlines()[0]
    (folder / "roles.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(CaseDataError) as error:
        load_case(folder)
    return str(error.value)


@pytest.mark.parametrize("source", [DATA, SECOND_CASE], ids=["course case", "second case"])
def test_bad_roles_rows_are_named_by_file_row_and_column(tmp_path, source):
    focus = load_case(source).focus_actor
    message = _broken(tmp_path, source, [
        f"r1,{focus},Office,Brief,First?;Second?,",
        "r2,NOBODY,Office,Brief,First?;Second?,",
        f"r3,{focus},Office,Brief,Only one question?,",
        f"r4,{focus},Office,Brief,One?;Two?;Three?;Four?,",
    ])
    assert ("roles.csv, row 3, column 'actor_id': the unknown id 'NOBODY'; expected an id "
            "listed in actors.csv.") in message
    assert ("roles.csv, row 4, column 'questions': 'Only one question?', which has 1 part; "
            "expected from 2 to 3 parts separated by ';'.") in message
    assert "roles.csv, row 5, column 'questions': 'One?;Two?;Three?;Four?', which has 4 parts" \
        in message
    assert "Traceback" not in message


@pytest.mark.parametrize("source", [DATA, SECOND_CASE], ids=["course case", "second case"])
def test_roles_without_the_focus_actor_are_refused(tmp_path, source):
    case = load_case(source)
    other = next(a for a in case.actors.index if a != case.focus_actor)
    message = _broken(tmp_path, source, [f"r1,{other},Office,Brief,First?;Second?,"])
    assert (f"roles.csv, column 'actor_id': no row for {case.focus_actor}; expected a row for "
            f"the actor of [case] focus_actor ({case.focus_actor}).") in message


def test_the_first_period_has_no_change_and_says_so(case):
    first = case.periods["start_year"].idxmin()
    early = replace(case, default_period=first)
    role_id = case.roles.index[0]
    ties = _section(briefing.role_card(early, role_id), "Ties in")
    assert ties.note.endswith("No earlier period is coded, so no change is shown.")
    assert not any(" since " in item.split(". ")[0] for item in ties.items)
