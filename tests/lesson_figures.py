"""Every figure the lessons show, built as the lessons build them: the same plot functions
with the lessons' own arguments (copied from their code cells), for any case. The widgets'
pictures are made by the same plot functions; those are built here in their starting state.

``lesson_figures(case)`` returns (name, chart) pairs; the name says the lesson and cell.
"""

from __future__ import annotations

from collections.abc import Callable

from casebook import model
from casebook.facts.lesson_03 import economic_lanes, economic_record
from casebook.facts.lesson_04 import lesson_factors
from casebook.model import ach, alignment, hindsight, seminar, votes
from casebook.model import network as net
from casebook.model import weights as wm
from casebook.model.argument import factor_chains
from casebook.model.timeline import case_timeline, period_years, year_span
from casebook.plots import events_per_year_chart
from casebook.plots import network as net_plots
from casebook.plots import weights as wp
from casebook.plots.ach import ranking_chart
from casebook.plots.alignment import evidence_chart, readings_chart
from casebook.plots.argument import argument_map
from casebook.plots.hindsight import named_events_chart, scorecard_chart
from casebook.plots.places import places_map
from casebook.plots.seminar import nearest_chart, nearest_counts, spread_chart
from casebook.plots.timeline import timeline_chart
from casebook.plots.votes import vote_chart
from casebook.widgets.timeline import timeline_explorer


def lesson_00(case):
    counts = model.events_per_year(case.events)
    yield "00 events per year", events_per_year_chart(counts, highlight=case.article.year)


def lesson_01(case):
    first, last = period_years(case.periods, case.default_period)
    crisis = case_timeline(case, first, last, notes=True)
    yield "01 crisis timeline", timeline_chart(crisis, case.article.date, first, last,
                                               categories=case.categories)
    # The explorer's picture in its starting state (the same drawing, in a figure of its own).
    yield "01 timeline explorer", timeline_explorer(case).chart
    start, end = year_span(case_timeline(case))
    yield "01 whole timeline", timeline_chart(case_timeline(case), case.article.date, start,
                                              end, categories=case.categories)


def lesson_02(case):
    chains = factor_chains(case.claims, case.factors)
    yield "02 argument map", argument_map(case.claims, chains)


def lesson_03(case):
    focus = case.actors.loc[case.focus_actor, "short_name"]
    economic = economic_record(case)
    start, end = year_span(economic)
    yield "03 economic timeline", timeline_chart(
        economic, case.article.date, start, end, lanes=economic_lanes(case),
        title=f"Economic events of {focus} in the timeline", categories=case.categories)
    if not case.places.empty:  # places.csv is optional; the lesson shows a sentence without it
        yield "03 places map", places_map(case.places, case.sources)


def lesson_04(case):
    focus = lesson_factors(case)
    reading = alignment.article_hypothesis(case.hypotheses, case.article.source_id)
    rated = alignment.rated_evidence(case.evidence, case.ratings, case.sources, reading,
                                     case.article.date)
    yield "04 evidence chart", evidence_chart(rated, case.hypotheses.loc[reading, "label"])
    own_preset = alignment.article_preset(case.presets, case.article.source_id)
    readings = alignment.readings(case.presets, case.preset_weights, case.factors,
                                  focus.index, case.sources)
    labels = case.factors.loc[focus.index, "short_label"].to_list()
    yield "04 readings chart", readings_chart(readings, labels,
                                              case.presets.loc[own_preset, "holder"])


def lesson_05(case):
    record = votes.case_vote_record(case)
    yield "05 vote chart", vote_chart(record, case.article.date, subject=case.subject)


def lesson_06(case):
    article_reading = wm.article_preset(case.presets, case.article.source_id)
    article_weights = case.weight_matrix().loc[article_reading]
    article_fit = wm.weigh(case, article_weights)
    yield "06 article's option scores", wp.weighting_chart(
        article_fit, title="The article's weighting: option scores")
    voted = wm.vote_option(case.behaviour, case.un_votes)
    yield "06 break-even tornado", wp.option_break_even_chart(case, article_weights, voted)
    # The weighting explorer's chart in its starting state (the article's weights).
    yield "06 explorer's option scores", wp.option_scores_chart(
        article_fit.scores, article_fit.predicted, article_fit.option_labels,
        wm.UNDECIDED_BAND, explained=article_fit.explained)


def lesson_07(case):
    graphs = net.case_graphs(case)
    now = case.default_period
    yield "07 explorer's network", net_plots.network_chart(graphs[now], case.periods,
                                                           case.focus_actor)
    yield "07 small multiples", net_plots.network_small_multiples(graphs, case.periods)
    yield "07 signed heatmap", net_plots.signed_heatmap(graphs[now], case.periods)
    last = case.periods.index[-1]
    changes = net.tie_changes(graphs[now], graphs[last])
    headings = [net.period_heading(case.periods, period) for period in (now, last)]
    yield "07 changes chart", net_plots.changes_chart(changes, *headings)


def lesson_08(case):
    known = ach.rating_grid(case)
    weights = ach.evidence_weights(case.evidence)
    yield "08 ranking", ranking_chart(ach.ranking(known, weights))
    full = ach.rating_grid(case, known_only=False)
    yield "08 ranking with the later items", ranking_chart(ach.ranking(full, weights))


def lesson_09(case):
    named = hindsight.named_events(case.hindsight, case.events, case.claims, case.sources,
                                   case.article.date)
    counts = model.events_per_year(named, first=case.article.year)
    yield "09 named events per year", named_events_chart(counts, case.article.year)
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    yield "09 scorecard", scorecard_chart(card)


def lesson_10(case):
    class_files = seminar.read_class(seminar.demo_folder(case), case)
    spread = seminar.factor_spread(class_files.weightings, case)
    yield "10 class spread", spread_chart(spread, class_files.shares())
    nearest = seminar.nearest_readings(class_files.weightings, case)
    article_reading = case.presets.loc[wm.article_preset(case.presets, case.article.source_id),
                                       "label"]
    yield "10 nearest readings", nearest_chart(nearest_counts(nearest, case.presets["label"]),
                                               article_reading)


LESSONS: list[Callable] = [lesson_00, lesson_01, lesson_02, lesson_03, lesson_04, lesson_05,
                           lesson_06, lesson_07, lesson_08, lesson_09, lesson_10]


def lesson_figures(case) -> list[tuple[str, object]]:
    """(name, chart) for every figure of every lesson, built from ``case``."""
    return [item for lesson in LESSONS for item in lesson(case)]
