"""The focus actor's votes on the UN Security Council's decisions on the case's subject,
beside the partner's (``[case] compare_actor``), and what it said and did beside them
(lesson 05).

Every function takes case tables and returns a table; none draws or prints. A decision dated
after the article is hindsight: a reader of the article could not know it. A vote record
has one column per voter, named by the actor's short name, between ``tally`` and ``when``:
the focus actor's first (``voter_columns``).

>>> from casebook import load_case
>>> case = load_case()
>>> record = case_vote_record(case)
>>> voter_columns(record) == case.actors.loc[list(case.voters), "short_name"].to_list()
True
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..dates import PartialDate

BEFORE, AFTER = "before the article", "after (hindsight)"
# The words a reader sees for each vote of the schema's choices.
VOTE_WORDS = {"yes": "yes", "no": "no", "abstain": "abstained", "veto": "veto",
              "not_voted": "no vote"}
AGAINST = ("no", "veto")
OUTCOME_WORDS = {"adopted": "adopted", "vetoed": "vetoed",
                 "not_put_to_vote": "never put to a vote"}
# What each coded concession of un_votes.csv means in words (``none`` is not one).
CONCESSION_WORDS = {"wording_softened": "wording softened", "measure_dropped": "measure dropped",
                    "exemption_added": "exemption added"}


def is_hindsight(date: PartialDate, article_date: PartialDate) -> bool:
    """True if ``date`` is entirely after the article's date: a reader could not know it.

    >>> article = PartialDate.parse("2017-10-13")
    >>> [is_hindsight(PartialDate.parse(d), article) for d in ("2017-09-11", "2017-12", "2017")]
    [False, True, False]
    """
    return date.first_day > article_date.last_day


def tally(votes_for, votes_against, abstentions) -> str:
    """The vote as the UN reports it: for-against, with abstentions only when there were any;
    blank when there was no vote.

    >>> tally(15, 0, 0), tally(13, 1, 1), tally(pd.NA, pd.NA, pd.NA)
    ('15-0', '13-1-1', '')
    """
    if pd.isna(votes_for):
        return ""
    text = f"{int(votes_for)}-{int(votes_against)}"
    return text + (f"-{int(abstentions)}" if abstentions and not pd.isna(abstentions) else "")


def decision_label(resolution: str | None, outcome: str) -> str:
    """'Res. 1718' for a resolution, 'Draft (vetoed)' or 'Draft (never put to a vote)' for a
    draft.

    >>> decision_label("1718", "adopted"), decision_label(None, "vetoed")
    ('Res. 1718', 'Draft (vetoed)')
    """
    if isinstance(resolution, str) and resolution.strip():
        return f"Res. {resolution}"
    return f"Draft ({OUTCOME_WORDS[outcome]})"


def votes_of(member_votes: pd.DataFrame, actor_id: str) -> pd.Series:
    """One actor's votes (the schema's words: yes, no, abstain, veto, not_voted), by vote id.

    >>> member_votes = pd.DataFrame({"vote_id": ["a", "a", "b"], "actor_id": ["X", "Y", "X"],
    ...                              "vote": ["yes", "veto", "abstain"]})
    >>> votes_of(member_votes, "X").to_dict()
    {'a': 'yes', 'b': 'abstain'}
    """
    mine = member_votes[member_votes["actor_id"] == actor_id]
    return pd.Series(mine["vote"].to_list(), index=pd.Index(mine["vote_id"], name="vote_id"),
                     name=actor_id, dtype=object)


def voter_columns(record: pd.DataFrame) -> list[str]:
    """The voters' columns of a ``vote_record`` (short names), the focus actor's first.

    >>> record = pd.DataFrame(columns=["decision", "tally", "Ann", "Bob", "when", "source"])
    >>> voter_columns(record)
    ['Ann', 'Bob']
    """
    columns = list(record.columns)
    return columns[columns.index("tally") + 1:columns.index("when")]


def vote_record(un_votes: pd.DataFrame, member_votes: pd.DataFrame, actors: pd.DataFrame,
                voters: tuple[str, ...] | list[str], sources: pd.DataFrame,
                article_date: PartialDate) -> pd.DataFrame:
    """Every decision of ``un_votes`` in date order: what it was, the tally, the votes of
    each of ``voters`` (actor ids, the focus actor first) in words under its short name,
    whether it came before the article or after it, and the title of its source. Indexed
    by vote id.

    >>> import pandas as pd
    >>> votes = pd.DataFrame({
    ...     "resolution": ["2375", ""], "subject": ["Sixth test", "Panel of Experts"],
    ...     "date": [PartialDate.parse("2017-09-11"), PartialDate.parse("2024-03-28")],
    ...     "outcome": ["adopted", "vetoed"], "votes_for": [15, 13], "votes_against": [0, 1],
    ...     "abstentions": [0, 1], "source_id": ["r", "p"]},
    ...     index=pd.Index(["a", "b"], name="vote_id"))
    >>> member_votes = pd.DataFrame({"vote_id": ["a", "b", "a", "b"],
    ...     "actor_id": ["X", "X", "Y", "Y"], "vote": ["yes", "veto", "yes", "abstain"]})
    >>> actors = pd.DataFrame({"short_name": ["Ann", "Bob"]}, index=["X", "Y"])
    >>> sources = pd.DataFrame({"title": ["S/RES/2375", "SC/15648"]}, index=["r", "p"])
    >>> record = vote_record(votes, member_votes, actors, ("X", "Y"), sources,
    ...                      PartialDate.parse("2017-10-13"))
    >>> record[["decision", "tally", "Ann", "Bob", "when"]].values.tolist()
    [['Res. 2375', '15-0', 'yes', 'yes', 'before the article'], \
['Draft (vetoed)', '13-1-1', 'veto', 'abstained', 'after (hindsight)']]
    """
    ordered = un_votes.sort_values("date")
    voted = {actors.loc[actor, "short_name"]:
             votes_of(member_votes, actor).reindex(ordered.index).map(VOTE_WORDS).to_list()
             for actor in voters}
    return pd.DataFrame({
        "decision": [decision_label(r, o) for r, o in
                     zip(ordered["resolution"], ordered["outcome"], strict=True)],
        "date": ordered["date"].to_list(),
        "subject": ordered["subject"].to_list(),
        "outcome": ordered["outcome"].map(OUTCOME_WORDS).to_list(),
        "tally": [tally(f, a, s) for f, a, s in zip(
            ordered["votes_for"], ordered["votes_against"], ordered["abstentions"],
            strict=True)],
        **voted,
        "when": [AFTER if is_hindsight(d, article_date) else BEFORE for d in ordered["date"]],
        "source": sources.loc[ordered["source_id"], "title"].to_list(),
    }, index=ordered.index)


def case_vote_record(case) -> pd.DataFrame:
    """``vote_record`` of a loaded case: the focus actor's votes and, if the case names one,
    the partner's (``case.voters``)."""
    return vote_record(case.un_votes, case.member_votes, case.actors, case.voters,
                       case.sources, case.article.date)


def before_article(record: pd.DataFrame) -> pd.DataFrame:
    """The rows of a ``vote_record`` a reader of the article could know.

    >>> record = pd.DataFrame({"decision": ["Res. 2375", "Res. 2397"], "when": [BEFORE, AFTER]})
    >>> before_article(record)["decision"].to_list()
    ['Res. 2375']
    """
    return record[record["when"] == BEFORE]


def last_vote_before(record: pd.DataFrame) -> pd.Series | None:
    """The last decision of a ``vote_record`` before the article (its row), or None if the
    record has none before it.

    >>> record = pd.DataFrame({"decision": ["Res. 2371", "Res. 2375", "Res. 2397"],
    ...                        "when": [BEFORE, BEFORE, AFTER]})
    >>> last_vote_before(record)["decision"]
    'Res. 2375'
    """
    before = before_article(record)
    return before.iloc[-1] if len(before) else None


def first_vote_against(record: pd.DataFrame) -> pd.Series | None:
    """The first decision the focus actor (the first voter column) voted against (``no`` or
    ``veto``), or None if none.

    >>> record = pd.DataFrame({"tally": ["15-0", "", "13-2"], "Ann": ["yes", "no vote", "veto"],
    ...                        "when": [BEFORE] * 3}, index=["a", "b", "c"])
    >>> first_vote_against(record).name
    'c'
    """
    focus = voter_columns(record)[0]
    against = record[record[focus].isin([VOTE_WORDS[v] for v in AGAINST])]
    return against.iloc[0] if len(against) else None


def softened(un_votes: pd.DataFrame, record: pd.DataFrame) -> pd.DataFrame:
    """The adopted resolutions the focus actor (the first voter of the ``vote_record``)
    voted for whose text gave something up to win votes (the ``concession`` column: wording
    softened, a measure dropped, an exemption added): where a yes vote came with a price. In
    date order, with the note that gives the record.

    >>> votes = pd.DataFrame({"resolution": ["1", "2", "3", None],
    ...     "date": ["d1", "d2", "d3", "d4"], "subject": ["Coal ban", "Arms", "Oil cap", "Draft"],
    ...     "concession": ["exemption_added", "none", "measure_dropped", None],
    ...     "note": ["Exempts coal via a port.", "15-0.", "Embargo dropped.", "Vetoed."]},
    ...     index=["v1", "v2", "v3", "v4"])
    >>> record = pd.DataFrame({"tally": [""] * 4, "Ann": ["yes", "yes", "abstained", "veto"],
    ...                        "when": [BEFORE] * 4}, index=["v1", "v2", "v3", "v4"])
    >>> softened(votes, record)[["resolution", "concession"]].values.tolist()
    [['1', 'exemption added']]
    """
    focus = voter_columns(record)[0]
    voted_yes = un_votes.index.map(record[focus]).to_series(index=un_votes.index) == (
        VOTE_WORDS["yes"])
    coded = un_votes["concession"].isin(list(CONCESSION_WORDS))
    is_resolution = un_votes["resolution"].map(lambda r: isinstance(r, str) and r.strip() != "")
    chosen = un_votes[coded & is_resolution & voted_yes]
    chosen = chosen.sort_values("date", kind="stable")
    return pd.DataFrame({"resolution": chosen["resolution"].to_list(),
                         "date": chosen["date"].to_list(),
                         "subject": chosen["subject"].to_list(),
                         "concession": [CONCESSION_WORDS[c] for c in chosen["concession"]],
                         "what the record says": chosen["note"].to_list()})


def vote_notes(un_votes: pd.DataFrame) -> pd.DataFrame:
    """The course's note on each decision, in date order, named as ``vote_record`` names it
    (a draft has no resolution number).

    >>> votes = pd.DataFrame({"resolution": [None, "1695"], "outcome": ["vetoed", "adopted"],
    ...     "date": ["2022-05-26", "2006-07-15"], "note": ["First vetoes.", "Wording dropped."]})
    >>> vote_notes(votes).values.tolist()
    [['Res. 1695', '2006-07-15', 'Wording dropped.'], ['Draft (vetoed)', '2022-05-26', \
'First vetoes.']]
    """
    ordered = un_votes.sort_values("date", kind="stable")
    return pd.DataFrame({
        "decision": [decision_label(r, o) for r, o in
                     zip(ordered["resolution"], ordered["outcome"], strict=True)],
        "date": ordered["date"].to_list(),
        "note": ordered["note"].fillna("").to_list(),
    })


def run_up(events: pd.DataFrame, sources: pd.DataFrame, date: PartialDate,
           days: int) -> pd.DataFrame:
    """The events of the ``days`` days up to ``date`` (both ends included), in date order,
    with the title of each one's source.

    >>> events = pd.DataFrame({"date": [PartialDate.parse(d) for d in
    ...     ("2017-09-01", "2017-09-03", "2017-09-11")], "title": ["a", "b", "c"],
    ...     "source_id": ["s", "s", "s"]})
    >>> sources = pd.DataFrame({"title": ["Report"]}, index=["s"])
    >>> run_up(events, sources, PartialDate.parse("2017-09-11"), days=8)["event"].to_list()
    ['b', 'c']
    """
    start = date.first_day - dt.timedelta(days=days)
    chosen = events[events["date"].map(
        lambda d: start <= d.first_day <= date.last_day)].sort_values("date")
    return pd.DataFrame({"date": chosen["date"].to_list(), "event": chosen["title"].to_list(),
                         "source": sources.loc[chosen["source_id"], "title"].to_list()})


def words_and_votes(behaviour: pd.DataFrame, options: pd.DataFrame, un_votes: pd.DataFrame,
                    sources: pd.DataFrame, article_date: PartialDate,
                    actor_name: str = "the focus actor") -> pd.DataFrame:
    """What the focus actor (``actor_name``, its short name) said and did in the article's
    year, up to the article, on the stances its Council votes bear on: the options of which
    at least one behaviour row cites a source of ``un_votes``. In date order, with each
    stance's short label and the source's title.

    >>> day = PartialDate.parse
    >>> behaviour = pd.DataFrame({"option_id": ["s", "s", "t"],
    ...     "date": [day("2017-09-05"), day("2017-09-11"), day("2017-07-04")],
    ...     "observed": ["opposed", "supported", "supported"],
    ...     "description": ["Speech", "Vote", "Statement"], "source_id": ["x", "r", "x"]})
    >>> options = pd.DataFrame({"short_label": ["Measures", "Shield"]}, index=["s", "t"])
    >>> votes = pd.DataFrame({"source_id": ["r"]})
    >>> sources = pd.DataFrame({"title": ["Speech report", "S/RES"]}, index=["x", "r"])
    >>> words_and_votes(behaviour, options, votes, sources, day("2017-10-13"), "Ann"
    ...                 )["what Ann did"].to_list()
    ['Speech', 'Vote']
    """
    voted_on = behaviour.loc[behaviour["source_id"].isin(un_votes["source_id"]), "option_id"]
    first = dt.date(article_date.year, 1, 1)
    chosen = behaviour[behaviour["option_id"].isin(voted_on) & behaviour["date"].map(
        lambda d: first <= d.first_day <= article_date.last_day)]
    chosen = chosen.sort_values("date", kind="stable")
    return pd.DataFrame({
        "date": chosen["date"].to_list(),
        "stance": options.loc[chosen["option_id"], "short_label"].to_list(),
        actor_name: chosen["observed"].to_list(),
        f"what {actor_name} did": chosen["description"].to_list(),
        "source": sources.loc[chosen["source_id"], "title"].to_list(),
    })


def factor_served_most(effects: pd.DataFrame, option_id: str) -> str | None:
    """The factor that ``option_id`` serves most in an effect matrix (options x factors, as
    ``Case.effect_matrix``), the first in file order on a tie; None if it serves none.

    >>> effects = pd.DataFrame({"calm": [-1, 2], "curb": [2, 0], "seat": [2, 1]},
    ...                        index=["measures", "talks"])
    >>> factor_served_most(effects, "measures"), factor_served_most(-effects, "measures")
    ('curb', 'calm')
    >>> factor_served_most(effects * 0, "talks") is None
    True
    """
    row = effects.loc[option_id]
    return str(row.idxmax()) if row.max() > 0 else None


def claims_of_factors(claims: pd.DataFrame, factor_ids) -> pd.DataFrame:
    """The claims that state or back any of ``factor_ids`` (claims.csv's ``factor_ids``), in
    reading order, as ``claims_table`` shows them.

    >>> claims = pd.DataFrame({"paragraph": [5, 6, 2], "quote": ["X matters not", "Y", "Z"],
    ...     "kind": ["opinion", "fact", "fact"], "verdict": ["disputed", "accurate", "error"],
    ...     "verdict_basis": ["course_reading", "record", "record"],
    ...     "verdict_note": ["why", "why", "why"], "factor_ids": [("x",), None, ("x", "z")]},
    ...     index=pd.Index(["c5", "c6", "c2"], name="claim_id"))
    >>> claims_of_factors(claims, ["x"])["claim"].to_list()
    ['Z', 'X matters not']
    """
    wanted = set(factor_ids)
    chosen = claims[claims["factor_ids"].map(
        lambda ids: isinstance(ids, tuple) and bool(wanted & set(ids)))]
    return claims_table(chosen.sort_values("paragraph", kind="stable"))


def claims_mentioning(claims: pd.DataFrame, *words: str) -> pd.DataFrame:
    """The claims whose quote holds any of ``words`` (any case), in reading order, with the
    course's kind, verdict and its reason.

    >>> claims = pd.DataFrame({"paragraph": [5, 6], "quote": ["Calm is no aim", "Y"],
    ...     "kind": ["opinion", "fact"], "verdict": ["disputed", "accurate"],
    ...     "verdict_basis": ["course_reading", "record"], "verdict_note": ["why", "why"]},
    ...     index=pd.Index(["c1", "c2"], name="claim_id"))
    >>> claims_mentioning(claims, "calm")["claim"].to_list()
    ['Calm is no aim']
    """
    quotes = claims["quote"].str.lower()
    chosen = claims[quotes.map(lambda q: any(w.lower() in q for w in words))]
    return claims_table(chosen)


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims as a reader sees them: paragraph (as ¶n), the quote, kind, verdict (in words),
    whether the verdict is the record's or the course's reading, and why.

    >>> claims = pd.DataFrame({"paragraph": [4], "quote": ["Q"], "kind": ["opinion"],
    ...     "verdict": ["partly_borne_out"], "verdict_basis": ["course_reading"],
    ...     "verdict_note": ["N"]}, index=pd.Index(["c1"], name="claim_id"))
    >>> claims_table(claims).iloc[0].to_list()
    ['¶4', 'Q', 'opinion', 'partly borne out', "course's reading", 'N']
    """
    basis = {"record": "the record", "course_reading": "course's reading"}
    return pd.DataFrame({
        "¶": [f"¶{p}" for p in claims["paragraph"]],
        "claim": claims["quote"].to_list(),
        "kind": claims["kind"].to_list(),
        "verdict": claims["verdict"].str.replace("_", " ").to_list(),
        "basis": claims["verdict_basis"].map(basis).to_list(),
        "why": claims["verdict_note"].to_list(),
    })
