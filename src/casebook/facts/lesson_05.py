"""Facts of lesson 05: the factor the article discounts, its claims, and the focus actor's
votes at the UN Security Council before the article and after it.

The lesson's factor is the one the article's own reading (the preset whose source is the
article) weighs least; on a tie, the first in the factors table, and the others are named.
Every vote is read through ``casebook.model.votes`` (``case_vote_record``, the same record the
lesson shows), and the record's voters are ``votes.voter_columns``, the focus actor first.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["yes_before"] <= facts["before_count"], facts["factor_paragraph"] > 0
(True, True)
"""

from __future__ import annotations

import pandas as pd

from ..feedback.votes import softened_example, typed_list
from ..model import decision, votes
from ..model.weights import article_preset
from ..text import count, joined

RUN_UP_DAYS = 10  # the course's window before the last vote ahead of the article


def least_weighted_factors(weights: pd.Series) -> list[str]:
    """The factors a reading weighs least, in the order of ``weights`` (its first is the
    lesson's factor; more than one is a tie).

    >>> least_weighted_factors(pd.Series({"calm": 9, "curb": 1, "seat": 1}))
    ['curb', 'seat']
    """
    return [str(f) for f in weights.index[weights == weights.min()]] if len(weights) else []


def lesson_factor(case) -> str:
    """The id of the lesson's factor: the one the article's reading weighs least."""
    reading = article_preset(case.presets, case.article.source_id)
    return least_weighted_factors(case.weight_matrix().loc[reading])[0]


def run_up_table(record: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame,
                 days: int = RUN_UP_DAYS) -> tuple[pd.DataFrame, str]:
    """The events of the ``days`` days up to the last decision before the article, and a
    caption that names it; an empty table and a caption that says so when no decision of
    the record comes before the article.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 9"], "date": [D.parse("2030-01-01")],
    ...                        "when": [votes.AFTER]})
    >>> run_up_table(record, None, None)[1]
    'No decision of the table comes before the article, so there is no run-up to show'
    """
    before = votes.before_article(record)
    if before.empty:
        return (pd.DataFrame(columns=["date", "event", "source"]),
                "No decision of the table comes before the article, so there is no run-up "
                "to show")
    last = before.iloc[-1]
    return (votes.run_up(events, sources, last["date"], days=days),
            f"The {days} days up to {last['decision']} ({last['date']})")


def _day(date) -> str:
    return date.spelled()


def _name(row: pd.Series) -> str:
    """'Res. 2397', or 'the draft of 26 May 2022' for a draft (it has no number)."""
    if str(row["decision"]).startswith("Res."):
        return row["decision"]
    return f"the draft of {_day(row['date'])}"


def _row_text(row: pd.Series, voters: list[str]) -> str:
    """'Res. 2397 of 22 December 2017 (subject): adopted 15-0 (Ann: yes, Bob: yes)'."""
    said = _name(row) if not str(row["decision"]).startswith("Res.") else (
        f"{row['decision']} of {_day(row['date'])}")
    if not row["tally"]:
        return f"{said} ({row['subject']}): {row['outcome']}, so no votes"
    cast = ", ".join(f"{v}: {row[v]}" for v in voters)
    return f"{said} ({row['subject']}): {row['outcome']} {row['tally']} ({cast})"


def _in_article(factors: pd.DataFrame) -> pd.Series:
    """Whether each factor is the article's own (``factors.in_article``)."""
    return factors["in_article"].astype(str).str.lower().isin(["yes", "true"])


def _vote_facts(case, record: pd.DataFrame) -> dict:
    voters = votes.voter_columns(record)
    voter = voters[0]
    partner = voters[1] if len(voters) > 1 else None
    before, after = votes.before_article(record), record[record["when"] == votes.AFTER]
    yes = votes.VOTE_WORDS["yes"]
    yes_before = before[before[voter] == yes]
    later_yes = after[after[voter] == yes]
    tallies = sorted(set(before["tally"]) - {""})
    values = {
        "voter": voter,
        "voters": voters,
        "record_caption": (f"{case.on_subject('Security Council decisions')}, and how "
                           f"{joined(voters)} voted"),
        "decision_count": len(record),
        "before_count": len(before),
        "after_count": len(after),
        "before_decisions": before["decision"].to_list(),
        "before_resolution_numbers": [d.removeprefix("Res. ") for d in before["decision"]],
        "yes_before": len(yes_before),
        "yes_before_all": len(yes_before) == len(before) > 0,
        "later_yes": [f"{r['decision']} of {_day(r['date'])}" for _, r in later_yes.iterrows()],
        "later_yes_count": len(later_yes),
        "after_items": [_row_text(r, voters) for _, r in after.iterrows()],
        "decision_first_year": record["date"].iloc[0].year if len(record) else None,
        "decision_last_year": record["date"].iloc[-1].year if len(record) else None,
    }
    if len(before):
        first, last = before.iloc[0], before.iloc[-1]
        values.update(first_before=f"{first['decision']} of {_day(first['date'])}",
                      last_before=f"{last['decision']} of {_day(last['date'])}",
                      last_before_decision=last["decision"])
        unanimous = [t for t in tallies if t.endswith("-0")]
        if len(tallies) == 1 and unanimous:
            tally_text = (f"Every one was adopted **{tallies[0]}**: no vote against, no "
                          "abstention.")
        else:
            tally_text = f"Their tallies: {joined(tallies)}."
        values["before_tally_sentence"] = tally_text
        values["yes_before_sentence"] = (
            f"{voter} voted yes on all {len(before)} decisions before the article"
            if values["yes_before_all"] else
            f"{voter} voted yes on {len(yes_before) or 'none'} of the {len(before)} decisions "
            "before the article")
    else:
        values.update(first_before="none", last_before="none", last_before_decision="none",
                      before_tally_sentence="The table has no decision before the article.",
                      yes_before_sentence=f"The table has no decision before the article, so "
                                          f"{voter} voted yes on none")
    values["later_yes_sentence"] = (
        f"A count that also takes in {joined(values['later_yes'])} is "
        f"{count(len(later_yes), 'vote', words=True)} too many: a reader on "
        f"{case.article.date.spelled()} could not know "
        f"{'that vote' if len(later_yes) == 1 else 'those votes'}." if len(later_yes) else "")
    # A nested list under a numbered answer (three spaces in).
    values["after_list"] = "\n".join(f"   - {item};" for item in values["after_items"])
    values.update(_partner_facts(record, before, voter, partner))
    values.update(_against_facts(record, voter, partner))
    return values


def _partner_facts(record, before, voter, partner) -> dict:
    if partner is None:
        return {"partner": "no partner", "partner_sentence": "The table shows no partner's "
                "votes beside the focus actor's.", "first_differ_sentence": ""}
    differ_before = before[before[voter] != before[partner]]
    same = len(before) - len(differ_before)
    if before.empty:
        sentence = "There is no decision before the article to compare."
    elif differ_before.empty:
        sentence = (f"{partner} voted as {voter} did on all {len(before)}: before the article "
                    "the two never voted differently.")
    else:
        sentence = (f"{partner} voted as {voter} did on {same or 'none'} of the {len(before)}; "
                    f"they voted differently on {joined(differ_before['decision'])}.")
    differ = record[record[voter] != record[partner]]
    if differ.empty:
        first_differ = "They never vote differently in the table."
    else:
        row = differ.iloc[0]
        first_differ = (f"They first vote differently in {row['date'].year}, on "
                        f"{_name(row)} ({voter} {row[voter]}, {partner} {row[partner]}).")
    return {"partner": partner, "partner_sentence": sentence,
            "first_differ_sentence": first_differ}


def _against_facts(record, voter, partner) -> dict:
    first = votes.first_vote_against(record)
    if first is None:
        return {"first_against_year": "none",
                "first_against_sentence": f"{voter} never voted against a text of the table: "
                                          "the answer is \"none\"."}
    verb = "vetoed" if first[voter] == votes.VOTE_WORDS["veto"] else "voted against"
    alongside = f", with {partner}," if partner and first[partner] == first[voter] else ""
    return {"first_against_year": first["date"].year,
            "first_against_sentence": (
                f"{first['date'].year}: on {_day(first['date'])} {voter}{alongside} {verb} "
                f"{first['decision'] if str(first['decision']).startswith('Res.') else 'a draft'}"
                f" ({first['subject']}; {first['tally']}).")}


def _softened_facts(case, record, voter) -> dict:
    chosen = votes.softened(case.un_votes, record)
    items = [f"the {c} in Res. {r}" for r, c in zip(chosen["resolution"], chosen["concession"],
                                                     strict=True)]
    before = votes.before_article(record)
    voted_yes = before[before[voter] == votes.VOTE_WORDS["yes"]]
    yes_numbers = [d.removeprefix("Res. ") for d in voted_yes["decision"]
                   if d.startswith("Res.")]
    softened_before = int(chosen["resolution"].isin(yes_numbers).sum())
    if len(chosen):
        sentence = (f"The notes of {count(len(chosen), 'resolution', words=True)} say so: "
                    f"{joined(items)}.")
    else:
        sentence = (f"None: no resolution {voter} voted for has a concession coded in the "
                    "table, so the answer is `[]`.")
    if yes_numbers:
        share = (f"{count(softened_before, 'resolution', words=True).capitalize()} of the "
                 f"{count(len(yes_numbers), 'resolution', words=True)} {voter} voted for "
                 "before the article")
    else:
        share = (f"None of the resolutions {voter} voted for before the article (it voted for "
                 "none)")
    return {"softened_sentence": sentence, "softened_share": share,
            "softened": chosen["resolution"].to_list(),
            "softened_count": len(chosen),
            "softened_items": items,
            "softened_list": typed_list(chosen["resolution"]),
            "softened_example": softened_example(case.un_votes, record),
            "yes_resolutions_before": len(yes_numbers),
            "softened_before_count": softened_before}


def _words_facts(case, record, voter) -> dict:
    """Dates on which the focus actor spoke against a measure and voted for one, in the
    article's year up to the article, from the same table the lesson shows."""
    table = votes.words_and_votes(case.behaviour, case.options, case.un_votes, case.sources,
                                  case.article.date, voter)
    vote_titles = set(case.sources.loc[case.sources.index.isin(case.un_votes["source_id"]),
                                       "title"])
    is_vote = table["source"].isin(vote_titles)
    spoke = table[~is_vote & (table[voter] == "opposed")]
    voted = record[record["when"] == votes.BEFORE]
    voted = voted[(voted[voter] == votes.VOTE_WORDS["yes"])
                  & voted["date"].map(lambda d: d.year == case.article.year)]
    values = {
        "spoke_against_dates": sorted({_day(d) for d in spoke["date"]}),
        "voted_for_in_year": [f"{_day(r['date'])} ({r['decision']})"
                              for _, r in voted.iterrows()],
        "words_date": "none",
        "words_vote": (voted.iloc[-1]["decision"] if len(voted) else "its last vote"),
        "words_to_vote_sentence": f"No statement against a measure precedes a yes vote of "
                                  f"{voter}'s in {case.article.year}.",
    }
    if len(spoke) and len(voted):
        last_vote = voted.iloc[-1]
        earlier = [d for d in spoke["date"] if d.first_day <= last_vote["date"].first_day]
        if earlier:
            said = max(earlier, key=lambda d: d.first_day)
            days = (last_vote["date"].first_day - said.first_day).days
            values.update(words_date=_day(said), words_vote=last_vote["decision"],
                          words_vote_date=_day(last_vote["date"]))
            values["words_to_vote_sentence"] = (
                f"{count(days, 'day', words=True).capitalize()}: "
                f"{values['words_date']}, then the vote on {values['words_vote']} on "
                f"{values['words_vote_date']}.")
    return values


def _explorer_facts(case, record, voter) -> dict:
    """The questions and answers of the decision explorer (``widgets.decisions``): the
    decision it opens on, the first after the article, and the first the focus actor did not
    vote yes on, each read by ``model.decision`` as the explorer shows it."""
    labels = dict((vote_id, label) for label, vote_id in decision.decision_choices(record))

    def said(vote_id) -> str:
        return decision.decision_sentence(record, case.un_votes, vote_id)

    opening = decision.default_decision(record) if len(record) else None
    after = record[record["when"] == votes.AFTER]
    # a vote cast, and not for the text: against it, a veto or an abstention
    not_for = record[record[voter].isin([votes.VOTE_WORDS[v] for v in ("no", "veto",
                                                                         "abstain")])]
    values = {
        "explorer_opening": labels.get(opening, "no decision"),
        "explorer_opening_answer": said(opening) if opening else
        "The table has no decision, so the explorer has nothing to show.",
    }
    if len(after):
        values["explorer_after_question"] = (
            f"Choose {labels[after.index[0]]}, the first decision after the article. Could a "
            f"reader on {case.article.date.spelled()} know it, and how did {voter} vote?")
        values["explorer_after_answer"] = (
            f"{said(after.index[0])} No reader on {case.article.date.spelled()} could know it.")
    else:
        values["explorer_after_question"] = (
            f"Is any decision of the menu dated after the article ({case.article.date.spelled()})?")
        values["explorer_after_answer"] = ("None: every decision of the table came before the "
                                           "article, so a reader of it could know them all.")
    values["explorer_not_for_answer"] = (
        said(not_for.index[0]) if len(not_for) else
        f"None: {voter} voted yes on every decision put to a vote in the table.")
    return values


def facts(case) -> dict:
    reading = article_preset(case.presets, case.article.source_id)
    weights = case.weight_matrix().loc[reading]
    least = least_weighted_factors(weights)
    factor_id = least[0]
    row = case.factors.loc[factor_id]
    in_article = _in_article(case.factors)
    # the claims votes.claims_of_factors shows (the lesson's table), with their roles
    claims = case.claims[case.claims["factor_ids"].map(
        lambda ids: isinstance(ids, tuple) and factor_id in ids)]
    stating = claims[claims["role"] == "factor"].sort_values("paragraph", kind="stable")
    record = votes.case_vote_record(case)
    values = {
        "factor": row["short_label"],
        "factor_label": row["label"],
        "factor_paragraph": int(row["paragraph"]),
        "factor_quote": row["quote"],
        "factor_weight": float(weights[factor_id]),
        "factor_weight_max": float(weights.max()),
        "article_reading": case.presets.loc[reading, "label"],
        "factor_is_the_articles": bool(in_article[factor_id]),
        "factor_standing": ("one of the article's own factors" if in_article[factor_id]
                            else "not one of the article's own factors: the course adds it "
                                 "to the factors table (marked as not the article's own)"),
        "article_factor_count": int(in_article.sum()),
        "factor_tied_with": [case.factors.loc[f, "short_label"] for f in least[1:]],
        "factor_tie_sentence": (
            "" if len(least) == 1 else
            f" (It shares that weight with {joined(case.factors.loc[least[1:], 'short_label'])}"
            "; the lesson takes the first in the factors table.)"),
        "factor_claim_count": len(claims),
        "factor_claim_paragraphs": sorted({int(p) for p in claims["paragraph"]}),
        "factor_claim_verdict": (stating["verdict"].iloc[0].replace("_", " ") if len(stating)
                                 else "no verdict: no claim states it"),
        "factor_claim_paragraph": (int(stating["paragraph"].iloc[0]) if len(stating)
                                   else int(row["paragraph"])),
        "run_up_days": RUN_UP_DAYS,
    }
    values.update(_vote_facts(case, record))
    values.update(_softened_facts(case, record, values["voter"]))
    values.update(_words_facts(case, record, values["voter"]))
    values.update(_explorer_facts(case, record, values["voter"]))
    return values
