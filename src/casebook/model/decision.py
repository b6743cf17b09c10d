"""One Security Council decision of the vote record, read on its own (lesson 05's decision
explorer): how each voter voted, what the text gave up to win votes, the course's note, and
whether a reader on the article's date could know it.

Every function takes tables and returns a table or words; none draws or prints.

>>> from casebook import load_case
>>> from casebook.model.votes import case_vote_record
>>> case = load_case()
>>> record = case_vote_record(case)
>>> [value for _, value in decision_choices(record)] == record.index.to_list()
True
"""

from __future__ import annotations

import pandas as pd

from . import votes

NO_CONCESSION = "nothing coded"


def decision_choices(record: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, vote id) for each decision of a ``vote_record``, in its order; a label is the
    decision and its date, so two drafts never share one.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1", "Draft (vetoed)"],
    ...     "date": [D.parse("2016-03-02"), D.parse("2022-05-26")]}, index=["r1", "d1"])
    >>> decision_choices(record)
    [('Res. 1 (2 March 2016)', 'r1'), ('Draft (vetoed) (26 May 2022)', 'd1')]
    """
    return [(f"{row.decision} ({row.date.spelled()})", str(vote_id))
            for vote_id, row in zip(record.index, record.itertuples(), strict=True)]


def concession_words(code) -> str:
    """What a ``concession`` code of ``un_votes.csv`` means in words; ``none`` or an empty
    cell is 'nothing coded'.

    >>> concession_words("measure_dropped"), concession_words("none"), concession_words(None)
    ('measure dropped', 'nothing coded', 'nothing coded')
    """
    return votes.CONCESSION_WORDS.get(code, NO_CONCESSION) if isinstance(code, str) else (
        NO_CONCESSION)


def knowable_words(when: str, article_day: str) -> str:
    """Whether a reader on the article's date could know a decision (``when`` of the record).

    >>> knowable_words(votes.BEFORE, "1 May 2020")
    'yes: it came before the article (1 May 2020)'
    >>> knowable_words(votes.AFTER, "1 May 2020")
    'no: it came after the article (1 May 2020), so it is hindsight'
    """
    if when == votes.BEFORE:
        return f"yes: it came before the article ({article_day})"
    return f"no: it came after the article ({article_day}), so it is hindsight"


def decision_table(record: pd.DataFrame, un_votes: pd.DataFrame, vote_id: str,
                   article_day: str) -> pd.DataFrame:
    """One decision as a two-column table (what, and the record's answer): date, subject,
    outcome and tally, each voter's vote, what the text gave up, the course's note, and
    whether a reader of the article could know it.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1"], "date": [D.parse("2016-03-02")],
    ...     "subject": ["Coal ban"], "outcome": ["adopted"], "tally": ["15-0"],
    ...     "Ann": ["yes"], "when": [votes.BEFORE], "source": ["S/RES/1"]}, index=["r1"])
    >>> un_votes = pd.DataFrame({"concession": ["exemption_added"], "note": ["A port."]},
    ...                         index=["r1"])
    >>> table = decision_table(record, un_votes, "r1", "1 May 2020")
    >>> table.set_index("what")["answer"][["Ann's vote", "what the text gave up"]].to_list()
    ['yes', 'exemption added']
    """
    row = record.loc[vote_id]
    rows = [("decision", row["decision"]), ("date", row["date"].spelled()),
            ("subject", row["subject"]), ("outcome", row["outcome"]),
            ("tally", row["tally"] or "no votes")]
    rows += [(f"{voter}'s vote", row[voter]) for voter in votes.voter_columns(record)]
    note = un_votes.loc[vote_id, "note"] if vote_id in un_votes.index else ""
    rows += [("what the text gave up", concession_words(un_votes["concession"].get(vote_id))),
             ("the course's note", note if isinstance(note, str) else ""),
             ("could a reader of the article know it?", knowable_words(row["when"],
                                                                       article_day)),
             ("source", row["source"])]
    return pd.DataFrame(rows, columns=["what", "answer"])


def decision_sentence(record: pd.DataFrame, un_votes: pd.DataFrame, vote_id: str) -> str:
    """The decision in one sentence, for the heading above its table and a screen reader.

    >>> from casebook.dates import PartialDate as D
    >>> record = pd.DataFrame({"decision": ["Res. 1"], "date": [D.parse("2016-03-02")],
    ...     "outcome": ["adopted"], "tally": ["15-0"], "Ann": ["yes"], "Bo": ["abstained"],
    ...     "when": [votes.BEFORE]}, index=["r1"])
    >>> un_votes = pd.DataFrame({"concession": ["none"]}, index=["r1"])
    >>> decision_sentence(record, un_votes, "r1")
    'Res. 1, 2 March 2016: adopted 15-0; Ann yes, Bo abstained; what the text gave up: nothing coded; before the article.'
    """  # noqa: E501 - the doctest shows the whole sentence
    row = record.loc[vote_id]
    cast = ", ".join(f"{voter} {row[voter]}" for voter in votes.voter_columns(record))
    outcome = f"{row['outcome']} {row['tally']}" if row["tally"] else row["outcome"]
    gave_up = concession_words(un_votes["concession"].get(vote_id))
    return (f"{row['decision']}, {row['date'].spelled()}: {outcome}; {cast}; what the text gave "
            f"up: {gave_up}; {row['when']}.")


def default_decision(record: pd.DataFrame) -> str:
    """The decision a reader sees first: the last one before the article, else the first.

    >>> record = pd.DataFrame({"when": [votes.BEFORE, votes.AFTER]}, index=["a", "b"])
    >>> default_decision(record)
    'a'
    """
    before = votes.before_article(record)
    return str((before if len(before) else record).index[-1 if len(before) else 0])
