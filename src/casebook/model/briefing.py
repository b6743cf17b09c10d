"""Roles for the seminar's debate and a briefing card for each, generated from the case.

A case declares in ``roles.csv`` which actors speak in the debate, with a one-line brief and
two or three questions per role. Everything else on a card is computed from the other
tables, with the package's own model functions, so that a card never says what the data
does not:

- the actor's ties in the article's period (``[case] default_period``) and how each changed
  since the period before it (:mod:`casebook.model.network`);
- the events it took part in up to the article, most recent first
  (:mod:`casebook.model.timeline`);
- for the focus actor, the factors each reading (preset) weighs most; for any other actor,
  the competing explanations and the article's claims that name it (by its full or short
  name, as a whole word), or a sentence saying that none does;
- the role's questions, and the title of the source of every row the card uses.

A :class:`Card` holds the content once, as sections, and renders it twice: ``.html``, one
printable page with inline styles and an ``@media print`` rule, and ``.text``, the same
words as plain text for a screen reader.

>>> card = Card("r1", "A", "Office of Ann", "Ann", "The case's subject.",
...             (Section("Questions", ("Why?", "Why not?"), ordered=True),))
>>> print(card.text)
Briefing card: Office of Ann
Speaks for: Ann
The case's subject.
<BLANKLINE>
Questions
1. Why?
2. Why not?
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from .. import schema
from . import network, timeline
from .weights import normalise

# At most this many events or claims on a card, so that it fits on one printed page.
MAX_ITEMS = 5
QUESTION_SEPARATOR = ";"
VERDICT_BASIS_WORDS = {"record": "on the public record", "course_reading": "the course's reading"}


class RoleError(ValueError):
    """A role that the case does not declare."""


# -- the content ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    """One part of a card: a heading, an optional sentence, and items (a numbered list when
    ``ordered``).

    >>> Section("Sources", ("A report",)).heading
    'Sources'
    """

    heading: str
    items: tuple[str, ...] = ()
    note: str = ""
    ordered: bool = False


@dataclass(frozen=True)
class Card:
    """A role's briefing card: who speaks, for whom, and its sections, rendered as one
    printable HTML page (``.html``) and as plain text with the same words (``.text``).

    >>> card = Card("r1", "A", "Office of Ann", "Ann", "Speaks for Ann.", ())
    >>> card.text.splitlines()[0], "<h2" in card.html
    ('Briefing card: Office of Ann', True)
    """

    role_id: str
    actor_id: str
    title: str
    actor: str  # the actor's full name
    brief: str
    sections: tuple[Section, ...]
    sources: tuple[str, ...] = ()  # titles of the sources of the rows used, in order of use

    @property
    def text(self) -> str:
        lines = [f"Briefing card: {self.title}", f"Speaks for: {self.actor}", self.brief]
        for section in self.sections:
            lines += ["", section.heading]
            if section.note:
                lines.append(section.note)
            lines += [f"{n}. {item}" if section.ordered else f"- {item}"
                      for n, item in enumerate(section.items, start=1)]
        return "\n".join(lines)

    @property
    def html(self) -> str:
        return _card_html(self)

    def _repr_html_(self) -> str:  # shown as the card in a notebook
        return self.html

    def __str__(self) -> str:
        return self.text


# -- reading the case -----------------------------------------------------------------------

def role_questions(questions: str) -> list[str]:
    """The questions of a role, from the ``;``-separated cell of roles.csv.

    >>> role_questions("Why now? ; What next?;")
    ['Why now?', 'What next?']
    """
    return [q.strip() for q in str(questions).split(QUESTION_SEPARATOR) if q.strip()]


def previous_period(periods: pd.DataFrame, period_id: str) -> str | None:
    """The period that comes just before ``period_id`` in time (by first year), or None.

    >>> periods = pd.DataFrame({"start_year": [2010, 2000, 2005]}, index=["c", "a", "b"])
    >>> previous_period(periods, "c"), previous_period(periods, "a")
    ('b', None)
    """
    start = periods.loc[period_id, "start_year"]
    earlier = periods[periods["start_year"] < start].sort_values("start_year", kind="stable")
    return str(earlier.index[-1]) if len(earlier) else None


def names_pattern(actor: pd.Series) -> re.Pattern:
    """A pattern that finds the actor's full or short name as a whole word (case kept, so
    that a short name such as 'Al' does not match 'al').

    >>> pattern = names_pattern(pd.Series({"name": "Republic of Ann", "short_name": "Ann"}))
    >>> [bool(pattern.search(t)) for t in ("Ann's view", "Annex", "the Republic of Ann")]
    [True, False, True]
    """
    names = sorted({str(actor["name"]), str(actor["short_name"])}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def actor_ties(case, actor_id: str) -> pd.DataFrame:
    """The actor's tie with every other actor in the article's period, with how it changed
    since the period before (None where there is none): one row per other actor, in the order of
    the relations table, with the ids of the sources of both periods' rows.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> table = actor_ties(case, case.focus_actor)
    >>> len(table) == len(case.actors) - 1, list(table.columns[:4])
    (True, ['partner', 'tie', 'change', 'before'])
    """
    graphs = network.case_graphs(case)
    period = case.default_period
    now = graphs[period]
    earlier = previous_period(case.periods, period)
    changes = (network.tie_changes(graphs[earlier], now) if earlier else
               pd.DataFrame(columns=["actor_a", "actor_b", "change", "before"]))
    rows = []
    for row in network.ties(now).itertuples(index=False):
        if actor_id not in (row.actor_a, row.actor_b):
            continue
        other = row.actor_b if row.actor_a == actor_id else row.actor_a
        change = changes[((changes["actor_a"] == row.actor_a) & (changes["actor_b"] == row.actor_b))
                         | ((changes["actor_a"] == row.actor_b)
                            & (changes["actor_b"] == row.actor_a))]
        before_source = (graphs[earlier].edges[actor_id, other]["source_id"]
                         if len(change) else None)
        rows.append({"partner": network.short_name(now, other), "other": other,
                     "tie": network.tie_label(row.sign, row.strength),
                     "change": change["change"].iloc[0] if len(change) else None,
                     "before": change["before"].iloc[0] if len(change) else None,
                     "basis": row.basis, "source_id": row.source,
                     "source_id_before": before_source})
    return pd.DataFrame(rows, columns=["partner", "tie", "change", "before", "other", "basis",
                                       "source_id", "source_id_before"])


def actor_events(case, actor_id: str) -> pd.DataFrame:
    """The events of the timeline that the actor took part in and that a reader on the
    article's date could know, most recent first, with their source ids.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> events = actor_events(case, case.focus_actor)
    >>> bool(events["date"].is_monotonic_decreasing)
    True
    """
    known = timeline.known_on(timeline.case_timeline(case))
    involved = [e for e in known.index if actor_id in case.events.loc[e, "actors"]]
    table = known.loc[involved].iloc[::-1].copy()
    table["source_id"] = case.events.loc[table.index, "source_id"].to_list()
    return table


def reading_priorities(case) -> pd.DataFrame:
    """For each reading (preset), the factors it weighs most (several on a tie; every factor
    when it weighs them all the same) and their share of the total weight.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> table = reading_priorities(case)
    >>> list(table.columns), len(table) == len(case.presets)
    (['reading', 'holder', 'factors', 'share', 'all_same', 'source_id'], True)
    """
    matrix = case.weight_matrix()
    rows = []
    for preset_id, weights in matrix.iterrows():
        top = weights[weights == weights.max()].index
        rows.append({"reading": case.presets.loc[preset_id, "label"],
                     "holder": case.presets.loc[preset_id, "holder"],
                     "factors": [case.factors.loc[f, "label"] for f in top],
                     "share": float(normalise(weights)[top[0]]),
                     "all_same": len(top) == len(weights),
                     "source_id": case.presets.loc[preset_id, "source_id"]})
    return pd.DataFrame(rows, index=matrix.index)


def naming_rows(frame: pd.DataFrame, columns: list[str], actor: pd.Series) -> pd.DataFrame:
    """The rows of ``frame`` whose ``columns`` name the actor (see :func:`names_pattern`).

    >>> frame = pd.DataFrame({"quote": ["Ann leads", "Bob waits"]}, index=["c1", "c2"])
    >>> ann = pd.Series({"name": "Ann", "short_name": "Ann"})
    >>> naming_rows(frame, ["quote"], ann).index.to_list()
    ['c1']
    """
    pattern = names_pattern(actor)
    found = frame[columns].fillna("").astype(str).apply(
        lambda row: any(pattern.search(text) for text in row), axis=1)
    return frame[found.astype(bool)] if len(frame) else frame


# -- the sections ---------------------------------------------------------------------------

def _and(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _more(shown: int, total: int, what: str) -> tuple[str, ...]:
    left = total - shown
    return (f"and {left} more {what}",) if left > 0 else ()


def _ties_section(case, ties: pd.DataFrame) -> Section:
    period = case.default_period
    earlier = previous_period(case.periods, period)
    strength = schema.TABLES["relations"].column("strength")
    note = (f"Sign and strength are the course's coding (strength from "
            f"{int(strength.minimum)}, weak, to {int(strength.maximum)}, strong). ")
    if earlier:
        since = network.years_of(case.periods, earlier)
        before = network.period_heading(case.periods, earlier)
        note += f"Each change is from the period before, {before}."
    else:
        since = ""
        note += "No earlier period is coded, so no change is shown."
    items = []
    for row in ties.itertuples(index=False):
        if row.change is None:
            change = ""
        elif row.change == "unchanged":
            change = f"; unchanged since {since}"
        else:
            change = f"; {row.change} since {since} (was {row.before})"
        items.append(f"With {row.partner}: {row.tie}{change}. {row.basis}")
    heading = f"Ties in the article's period: {network.period_heading(case.periods, period)}"
    return Section(heading, tuple(items), note)


def _events_section(case, events: pd.DataFrame, short: str) -> Section:
    heading = f"Events {short} took part in, up to the article"
    if events.empty:
        return Section(heading, note=f"No event of the timeline before the article names {short}.")
    shown = events.head(MAX_ITEMS)
    items = tuple(f"{timeline.day_text(row.date)}: {row.event} ({row.category})"
                  for row in shown.itertuples())
    return Section(heading, items + _more(len(shown), len(events), "before the article"),
                   "Most recent first.")


def _readings_section(priorities: pd.DataFrame, short: str) -> Section:
    items = []
    for row in priorities.itertuples():
        if row.all_same:
            items.append(f"{row.reading}: weighs every factor the same.")
            continue
        each = " each" if len(row.factors) > 1 else ""
        items.append(f"{row.reading}: weighs most {'; '.join(row.factors)} "
                     f"({row.share:.0%} of the weight{each}).")
    return Section(f"What the readings say of {short}'s interests", tuple(items),
                   "The factor each reading weighs most (the weights are the course's "
                   "translation of each reading into numbers).")


def _basis_words(basis: str) -> str:
    return VERDICT_BASIS_WORDS.get(basis, basis.replace("_", " "))


def _mentions_section(case, hypotheses: pd.DataFrame, claims: pd.DataFrame,
                      short: str) -> Section:
    heading = f"What the explanations and the article's claims say of {short}"
    items = [f"Explanation '{row.label}': {row.statement} ({row.proponents})"
             for row in hypotheses.itertuples()]
    shown = claims.head(MAX_ITEMS)
    items += [f"Claim [¶{row.paragraph}]: \"{row.quote}\"; the course's verdict: "
              f"{row.verdict.replace('_', ' ')} ({_basis_words(row.verdict_basis)})."
              for row in shown.itertuples()]
    items += _more(len(shown), len(claims), "claims")
    notes = []
    if hypotheses.empty:
        notes.append(f"None of the competing explanations names {short}.")
    if claims.empty:
        notes.append(f"None of the article's claims names {short}.")
    if hypotheses.empty and claims.empty:
        notes = [f"Neither the competing explanations nor the article's claims name {short}: "
                 "argue from its ties and events."]
    return Section(heading, tuple(items), " ".join(notes))


# -- the card -------------------------------------------------------------------------------

def _role(case, role_id: str) -> pd.Series:
    if role_id not in case.roles.index:
        declared = ", ".join(map(str, case.roles.index)) or "none (the case has no roles.csv)"
        raise RoleError(f"roles.csv has no role {role_id!r}; the roles it declares: {declared}")
    return case.roles.loc[role_id]


def _titles(case, source_ids: list) -> tuple[str, ...]:
    """The titles of the sources, in order of first use, each once; blanks left out."""
    titles = case.sources["title"].to_dict()
    seen = dict.fromkeys(s for s in source_ids if isinstance(s, str) and s)
    return tuple(titles.get(s, s) for s in seen)


def role_card(case, role_id: str) -> Card:
    """The briefing card of one role of roles.csv, generated from the case (see the
    module's docstring for what it holds).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> role_id = case.roles.index[0]
    >>> card = role_card(case, role_id)
    >>> card.title == case.roles.loc[role_id, "title"], card.sections[-1].heading
    (True, 'Sources')
    """
    role = _role(case, role_id)
    actor_id = role["actor_id"]
    actor = case.actors.loc[actor_id]
    short = str(actor["short_name"])
    ties = actor_ties(case, actor_id)
    events = actor_events(case, actor_id)
    sections = [_ties_section(case, ties), _events_section(case, events, short)]
    used = [role["source_id"], *ties["source_id"], *ties["source_id_before"],
            *events["source_id"].head(MAX_ITEMS)]
    if actor_id == case.focus_actor:
        priorities = reading_priorities(case)
        sections.append(_readings_section(priorities, short))
        used += list(priorities["source_id"])
    else:
        hypotheses = naming_rows(case.hypotheses, ["label", "statement"], actor)
        claims = naming_rows(case.claims, ["quote"], actor)
        sections.append(_mentions_section(case, hypotheses, claims, short))
        used += list(hypotheses["source_id"]) + list(claims["source_id"].head(MAX_ITEMS))
    sections.append(Section("Questions you must answer", tuple(role_questions(
        role["questions"])), ordered=True))
    sources = _titles(case, used)
    sections.append(Section("Sources", sources, "The sources of every row this card uses."))
    return Card(str(role_id), str(actor_id), str(role["title"]), str(actor["name"]),
                str(role["brief"]),
                tuple(sections), sources)


def all_cards(case) -> dict[str, Card]:
    """Every role's card, by role id, in the order of roles.csv (empty without roles).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> list(all_cards(case)) == list(case.roles.index)
    True
    """
    return {str(role_id): role_card(case, role_id) for role_id in case.roles.index}


def roles_table(case) -> pd.DataFrame:
    """The roles as the class meets them: role id, the actor (short name), title and brief.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> list(roles_table(case).columns)
    ['role', 'actor', 'title', 'brief']
    """
    names = case.actors["short_name"].to_dict()
    return pd.DataFrame({"role": [str(r) for r in case.roles.index],
                         "actor": [names[a] for a in case.roles["actor_id"]],
                         "title": case.roles["title"].to_list(),
                         "brief": case.roles["brief"].to_list()})


# -- HTML -----------------------------------------------------------------------------------

# Inline styles for the screen (JupyterLab, nbviewer and GitHub keep them); the print rule
# makes the card fill one page and start a new page after each card.
_CARD = ("font-family:Georgia,'Times New Roman',serif;font-size:14px;line-height:1.35;"
         "max-width:46em;border:1px solid #999;border-radius:4px;padding:10px 16px;"
         "margin:0 0 12px 0;color:#111;background:#fff;")
_HEADING = "font-size:15px;margin:10px 0 3px 0;"
_LIST = "margin:2px 0 2px 0;padding-left:1.4em;"
_NOTE = "margin:2px 0;font-style:italic;color:#333;"
PRINT_RULE = ("@media print { @page { size: A4 portrait; margin: 12mm; } "
              ".casebook-card { font-size: 8.5pt !important; line-height: 1.25 !important; "
              "border: none !important; max-width: none !important; padding: 0 !important; "
              "break-after: page; page-break-after: always; break-inside: avoid; } "
              ".casebook-card h2 { font-size: 12pt !important; } "
              ".casebook-card h3 { font-size: 9.5pt !important; margin-top: 5px !important; } "
              ".casebook-sources { font-size: 7.5pt !important; } }")


def _section_html(section: Section) -> str:
    parts = [f'<h3 style="{_HEADING}">{html.escape(section.heading)}</h3>']
    if section.note:
        parts.append(f'<p style="{_NOTE}">{html.escape(section.note)}</p>')
    if section.items:
        tag = "ol" if section.ordered else "ul"
        items = "".join(f"<li>{html.escape(item)}</li>" for item in section.items)
        parts.append(f'<{tag} style="{_LIST}">{items}</{tag}>')
    css = ' class="casebook-sources"' if section.heading == "Sources" else ""
    return f"<section{css}>" + "".join(parts) + "</section>"


def _card_html(card: Card) -> str:
    head = (f'<h2 style="font-size:18px;margin:0 0 4px 0;">Briefing card: '
            f"{html.escape(card.title)}</h2>"
            f'<p style="margin:0;">Speaks for: {html.escape(card.actor)}</p>'
            f'<p style="margin:0 0 4px 0;">{html.escape(card.brief)}</p>')
    body = "".join(_section_html(s) for s in card.sections)
    return (f"<style>{PRINT_RULE}</style>"
            f'<article class="casebook-card" lang="en" style="{_CARD}" '
            f'aria-label="Briefing card: {html.escape(card.title, quote=True)}">'
            f"{head}{body}</article>")


def cards_document(cards: dict[str, Card] | list[Card], title: str = "Briefing cards") -> str:
    """One HTML page holding every card, one printed page each, to open in a browser and
    print (or save as PDF).

    >>> card = Card("r1", "A", "Office of Ann", "Ann", "Speaks for Ann.", ())
    >>> page = cards_document([card])
    >>> page.startswith("<!DOCTYPE html>"), page.count('class="casebook-card"')
    (True, 1)
    """
    listed = list(cards.values()) if isinstance(cards, dict) else list(cards)
    body = "\n".join(card.html for card in listed)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body>\n{body}\n</body></html>\n")
