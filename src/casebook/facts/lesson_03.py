"""Facts of lesson 03 (the article's first two factors): the factors and the motives folded
into them, the claims behind each with their verdicts, the focus actor's economic record
(what a reader could know of it), the talks and who was absent, and the tally of claims
that hold up. The code cells use the selections below, so text and tables agree.

>>> from casebook import load_case
>>> facts = facts(load_case())
>>> facts["economic_known"] + facts["economic_later"] == facts["economic_total"]
True
"""

from __future__ import annotations

import pandas as pd

from ..model import seats
from ..model.argument import article_factors
from ..model.factors import (
    course_factors_in,
    factor_categories,
    factor_claims,
    talks_table,
    verdict_tally,
)
from ..model.places import nearest_pairs, place_distance_km
from ..model.timeline import AFTER, BEFORE, case_timeline, day_text
from ..text import joined


def first_two(case) -> pd.DataFrame:
    """The article's first and second factors, in the order of the paragraphs that state
    them (rows of ``factors``)."""
    return article_factors(case.factors).head(2)


def summary_paragraph(case) -> int:
    """The paragraph that sums the article's factors up: the last that states one."""
    return int(article_factors(case.factors)["paragraph"].max())


def folded_motives(case) -> pd.DataFrame:
    """The course's own factors quoted from the paragraphs of the first two factors or from
    the summary: the motives the article states there without counting them."""
    return course_factors_in(case.factors, [*first_two(case)["paragraph"], summary_paragraph(case)])


def economic_motive(case) -> str | None:
    """The id of the motive the article folds into its first factor: the first course factor
    (file order) quoted from the first factor's paragraph or from the summary, which defines
    the first factor (None if there is none).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> int(case.factors.loc[economic_motive(case), "paragraph"]) in (
    ...     first_two(case)["paragraph"].iloc[0], summary_paragraph(case))
    True
    """
    paragraphs = [first_two(case)["paragraph"].iloc[0], summary_paragraph(case)]
    motives = course_factors_in(case.factors, paragraphs)
    return motives.index[0] if len(motives) else None


def lanes_of_factor(case, factor_id) -> list[str]:
    """The timeline lanes that hold the record of ``factor_id``: those of the event
    categories whose ``factor_ids`` (categories.csv) name it, in the case's order.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> motive = economic_motive(case)
    >>> lanes_of_factor(case, motive) == list(dict.fromkeys(
    ...     case.categories.loc[factor_categories(case.categories, motive), "lane"]))
    True
    """
    return list(dict.fromkeys(case.categories.loc[factor_categories(case.categories, factor_id),
                                                  "lane"]))


def economic_lanes(case) -> list[str]:
    """The timeline lanes that hold the record of the economic motive."""
    motive = economic_motive(case)
    return [] if motive is None else lanes_of_factor(case, motive)


def economic_record(case) -> pd.DataFrame:
    """Every event of the economic motive's lanes in which the focus actor takes part, with
    notes, in date order (a ``case_timeline`` table).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> focus = case.actors.loc[case.focus_actor, "short_name"]
    >>> bool(economic_record(case)["actors"].str.contains(focus).all())
    True
    """
    table = case_timeline(case, notes=True)
    focus = case.actors.loc[case.focus_actor, "short_name"]
    mine = table["actors"].str.split(", ").map(lambda names: focus in names)
    return table[table["lane"].isin(economic_lanes(case)) & mine]


def early_periods(case) -> pd.DataFrame:
    """The first two periods of the case, in time order."""
    return case.periods.sort_values("start_year").head(2)


def talks_record(case) -> pd.DataFrame:
    """The events of the second factor's lanes in the first two periods of the case, with
    notes: the record of how the focus actor came to the talks."""
    early = early_periods(case)
    record = case_timeline(case, int(early["start_year"].min()), int(early["end_year"].max()),
                           notes=True)
    return record[record["lane"].isin(lanes_of_factor(case, first_two(case).index[1]))]


def gathering_category(case) -> str | None:
    """The kind of event of the second factor's record that gathers the most actors: of the
    categories whose ``factor_ids`` name the second factor, the one whose events have the
    most actors on average (the first in file order on a tie; None if none has an event).
    On a case whose second factor is a seat at multilateral talks, these are the talks.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> kind = gathering_category(case)
    >>> kind in factor_categories(case.categories, first_two(case).index[1])
    True
    """
    kinds = factor_categories(case.categories, first_two(case).index[1])
    sizes = case.events["actors"].map(len).groupby(case.events["category"]).mean()
    sizes = sizes.reindex(kinds).dropna()
    return None if sizes.empty else str(sizes.idxmax())


def gathering_events(case) -> pd.DataFrame:
    """``talks_table`` of the ``gathering_category``: every such event with the actors present
    and absent (an empty table if there is none)."""
    kind = gathering_category(case)
    return talks_table(case.events, case.actors, [] if kind is None else kind)


def _in_text(label: str) -> str:
    """A label as it reads inside a sentence: its first letter small.

    >>> _in_text("Peace on the Peninsula")
    'peace on the Peninsula'
    """
    return label[:1].lower() + label[1:]


def _short(case, factor_id) -> str:
    return case.factors.loc[factor_id, "short_label"]


def _when(date) -> str:
    return day_text(date)


def facts(case) -> dict:
    two = first_two(case)
    first, second = two.index
    motive = economic_motive(case)
    status = course_factors_in(case.factors, [two.loc[second, "paragraph"]])
    values = {
        "first_label": two.loc[first, "label"], "first_short": _short(case, first),
        "first_label_in_text": _in_text(two.loc[first, "label"]),
        "first_par": int(two.loc[first, "paragraph"]),
        "second_label": two.loc[second, "label"], "second_short": _short(case, second),
        "second_par": int(two.loc[second, "paragraph"]),
        "summary_par": summary_paragraph(case),
        "motive_label": case.factors.loc[motive, "label"] if motive else "none",
        "status_label": status["label"].iloc[0] if len(status) else "none",
    }
    values.update(_claims_facts(case, first, second))
    values.update(_economic_facts(case))
    values.update(_talks_facts(case))
    values.update(_explorer_facts(case))
    values.update(places_facts(case))
    return values


def _claims_facts(case, first, second) -> dict:
    def ids(table, verdicts):
        chosen = table[table["verdict"].isin(verdicts)]
        return [label.split(" ")[0] for label in chosen["claim"]]

    firsts = factor_claims(case.claims, case.sources, first)
    backing = firsts[firsts["role"] == "backs it"]
    seconds = factor_claims(case.claims, case.sources, second)
    tally = verdict_tally(case.claims, case.factors.loc[[first, second]])
    holding = "accurate or borne out"
    best = tally[holding]
    leaders = best[best == best.max()].index.to_list()
    one, two = tally.index
    return {
        "first_backing_accurate": ids(backing, ["accurate"]),
        "first_backing_unverified": ids(backing, ["unverified"]),
        "first_backing_untestable": ids(backing, ["not testable"]),
        "first_stating": ids(firsts[firsts["role"] == "states it"], list(firsts["verdict"])),
        "first_stating_verdict": (firsts.loc[firsts["role"] == "states it", "verdict"].iloc[0]
                                  if (firsts["role"] == "states it").any() else "none"),
        "second_stating": ids(seconds[seconds["role"] == "states it"], list(seconds["verdict"])),
        "second_disputed": ids(seconds[seconds["role"] == "backs it"], ["disputed"]),
        "second_errors": ids(seconds, ["error"]),
        "second_partly": ids(seconds, ["partly borne out"]),
        "tally_one": one, "tally_two": two,
        "holding_one": int(best[one]), "claims_one": int(tally.loc[one, "claims"]),
        "holding_two": int(best[two]), "claims_two": int(tally.loc[two, "claims"]),
        "held_one": [h for h in tally.loc[one, "holding up"].split(", ") if h],
        "held_two": [h for h in tally.loc[two, "holding up"].split(", ") if h],
        "errors_two": int(tally.loc[two, "error"]),
        "better_factors": leaders,
        "better_answer": _better_answer(tally, leaders),
    }


def _better_answer(tally: pd.DataFrame, leaders: list[str]) -> str:
    """The solution of the exercise in one sentence, ties and all.

    >>> tally = pd.DataFrame({"claims": [4, 5], "accurate or borne out": [2, 1],
    ...     "holding up": ["c1, c3", "c5"]}, index=["A", "B"])
    >>> _better_answer(tally, ["A"])
    'A: 2 of its 4 claims hold up (c1, c3), against 1 of 5 for B (c5).'
    """
    def part(name):
        row = tally.loc[name]
        held = f" ({row['holding up']})" if row["holding up"] else ""
        return row["accurate or borne out"], row["claims"], held

    if len(leaders) > 1:
        held, _, _ = part(leaders[0])
        return (f"A tie: {joined(leaders)} each have {held} claims that hold up, so the check "
                "accepts either.")
    best = leaders[0]
    held, total, which = part(best)
    others = [f"{part(o)[0]} of {part(o)[1]} for {o}{part(o)[2]}" for o in tally.index
              if o != best]
    return f"{best}: {held} of its {total} claims hold up{which}, against {joined(others)}."


def _economic_facts(case) -> dict:
    record = economic_record(case)
    known = record[record["when"] == BEFORE]
    later = record[record["when"] == AFTER]
    focus = case.actors.loc[case.focus_actor, "short_name"]
    partners = record["actors"].str.split(", ").explode()
    partners = partners[partners != focus].value_counts(sort=True)
    partner = partners.index[0] if len(partners) else "none"
    without = record[~record["actors"].str.split(", ").map(lambda names: partner in names)]
    return {
        "economic_lane": ", ".join(economic_lanes(case)) or "none",
        "economic_total": len(record), "economic_known": len(known),
        "economic_later": len(later),
        "economic_first_known": known["event"].iloc[0] if len(known) else "none",
        "economic_first_known_date": _when(known["date"].iloc[0]) if len(known) else "none",
        "economic_last_known": known["event"].iloc[-1] if len(known) else "none",
        "economic_last_known_date": _when(known["date"].iloc[-1]) if len(known) else "none",
        "economic_later_events": [f"{row.event} ({_when(row.date)})"
                                  for row in later.itertuples()],
        "economic_partner": partner,
        "economic_without_partner_count": len(without),
        "economic_without_partner": [f"{row.event} ({_when(row.date)}, {row.actors})"
                                     for row in without.itertuples()],
    }


def _talks_facts(case) -> dict:
    early = early_periods(case)
    talks = gathering_events(case)
    kind = gathering_category(case)
    first = talks.iloc[0] if len(talks) else None
    absent = first["absent"].split(", ") if first is not None and first["absent"] else []
    spans = [f"{row.label} ({row.start_year}-{row.end_year})" for row in early.itertuples()]
    return {
        "talks_kind": case.categories.loc[kind, "label"] if kind else "none",
        "second_kinds": case.categories.loc[
            factor_categories(case.categories, first_two(case).index[1]), "label"].to_list(),
        "early_periods": spans,
        "talks_count": len(talks),
        "first_talks": first["event"] if first is not None else "none",
        "first_talks_date": _when(first["date"]) if first is not None else "none",
        "first_talks_present": first["present"].split(", ") if first is not None else [],
        "first_talks_absent": absent,
        "first_talks_absent_count": len(absent),
    }


def _explorer_facts(case) -> dict:
    """The questions and answers of the seat explorer (``widgets.seats``), read through the
    same ``model.seats`` selection it shows: the talks the focus actor was not among the
    actors of, the period where it was out of the largest share of events, and the case's
    default period."""
    table = seats.case_meetings(case)
    focus = case.actors.loc[case.focus_actor, "short_name"]
    choices = seats.window_choices(case.periods, table)
    whole = seats.seat_table(table, focus, choices[0][1]) if choices else table
    kind = gathering_category(case)
    talks_label = case.categories.loc[kind, "label"] if kind else None
    out_of_talks = whole[(whole["kind"] == talks_label) & (whole[focus] == seats.LEFT_OUT)]
    shares = []
    for label, window in choices[1:]:
        shown = seats.seat_table(table, focus, window)
        if len(shown):
            shares.append(((shown[focus] == seats.LEFT_OUT).mean(), label, shown))
    most = max(shares, key=lambda item: item[0]) if shares else None  # first on a tie
    default = case.periods.loc[case.default_period]
    default_label = f"{default.label} ({default.start_year}-{default.end_year})"
    default_window = (int(default.start_year), int(default.end_year))
    return {
        "explorer_whole": choices[0][0] if choices else "the whole record",
        # titles hold commas, so the list is joined by semicolons
        "explorer_talks_out": "; ".join(f"{row.event} ({_when(row.date)})"
                                        for row in out_of_talks.itertuples()) or "None",
        "explorer_most_out_period": most[1] if most else "none",
        "explorer_most_out_sentence": (
            seats.seat_sentence(most[2], focus, most[1]) if most else
            "No period of the case holds an event of these kinds."),
        "explorer_default_period": default_label,
        "explorer_default_sentence": seats.seat_sentence(
            seats.seat_table(table, focus, default_window), focus, default_label),
    }


def linked_places(case) -> tuple[str, str, str] | None:
    """Two places of places.csv that one event ties together (an event both rows list in
    ``event_ids``), with that event's id: the first such pair in file order, or None.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> first, second, event = linked_places(case)
    >>> all(event in case.places.loc[p, "event_ids"] for p in (first, second))
    True
    """
    places = case.places
    if "event_ids" not in places:
        return None
    ids = list(places.index)
    for i, first in enumerate(ids):
        for second in ids[i + 1:]:
            shared = [e for e in places.loc[first, "event_ids"] or []
                      if e in (places.loc[second, "event_ids"] or [])]
            if shared:
                return first, second, shared[0]
    return None


def places_facts(case) -> dict:
    """The questions on the map of places and their answers, as Markdown (both empty for a
    case without places.csv, whose lesson shows one sentence instead of the map): how far
    apart are the two places an event ties together, and which two places lie nearest.

    >>> from dataclasses import replace
    >>> from casebook import load_case
    >>> case = load_case()
    >>> places_facts(replace(case, places=case.places.iloc[0:0]))["places_questions"]
    ''
    """
    places = case.places
    if places.empty:
        return {"places_questions": "", "places_answers": ""}
    names = places["name"]
    questions, answers = [], []
    linked = linked_places(case)
    if linked is not None:
        first, second, event = linked
        km = place_distance_km(places, first, second)
        title = (case.events.loc[event, "title"] if event in case.events.index else event)
        questions.append(
            f"How far apart are {names[first]} and {names[second]}, which the event "
            f"*{title}* ties together? Work it out in a new cell with "
            f"`place_distance_km(case.places, \"{first}\", \"{second}\")` (import it from "
            "`casebook.model.places`).")
        answers.append(
            f"About {km:,.0f} km in a straight line over the Earth's surface (the "
            f"great-circle distance between {coordinates_text(places, first)} and "
            f"{coordinates_text(places, second)}); a route by land or sea is longer.")
    pairs = nearest_pairs(places)
    if len(pairs):
        near = pairs.iloc[0]
        questions.append(
            "Which two places on the map lie nearest each other, and how far apart are they? "
            "`nearest_pairs(case.places)`, from the same module, lists every pair with its "
            "distance.")
        answers.append(
            f"{names[near['first']]} and {names[near['second']]}, about {near['km']:,.0f} km "
            "apart.")
    numbered = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, 1))
    solved = "\n".join(f"{i}. {a}" for i, a in enumerate(answers, 1))
    return {
        "places_questions": f"**Use the map and its table to answer these:**\n\n{numbered}",
        "places_answers": ("<details>\n<summary><b>Check your answers</b></summary>\n\n"
                           f"{solved}\n\n</details>"),
    }


def coordinates_text(places: pd.DataFrame, place: str) -> str:
    """A place's coordinates as the map's table writes them ('42.34°N, 130.39°E')."""
    from ..plots.places import coordinates

    return coordinates(float(places.loc[place, "lat"]), float(places.loc[place, "lon"]))
