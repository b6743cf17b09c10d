"""Every exercise check accepts what a student writes and speaks with one voice.

Each exercise of the lessons is set up here as its lesson sets it up, on both cases, with
its right answer computed from the data the way the lesson's solution computes it. Then:

- every form a student may write of the right answer (a number as text or a whole float, a
  paragraph as "¶7", a name by id, short or full name, any case, an alias from the case...)
  gets the same "Right:" as the answer itself, and every form of a wrong answer the same
  "Not quite:";
- whatever the answer, malformed ones included, the check returns a Feedback that starts
  "Right:", "Not quite:" or "Replace None", and that Jupyter shows as Markdown.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pytest

import casebook.feedback as feedback
from casebook import model
from casebook.facts.lesson_03 import gathering_events
from casebook.facts.lesson_04 import lesson_factors
from casebook.facts.lesson_06 import held_at_zero, least_weighted_factor
from casebook.facts.lesson_10 import debate_claims
from casebook.feedback import VOICES, Feedback, Names, aliases_of
from casebook.feedback import ach as ach_checks
from casebook.feedback import alignment as alignment_checks
from casebook.feedback import argument as argument_checks
from casebook.feedback import factors as factor_checks
from casebook.feedback import hindsight as hindsight_checks
from casebook.feedback import network as network_checks
from casebook.feedback import seminar as seminar_checks
from casebook.feedback import timeline as timeline_checks
from casebook.feedback import votes as vote_checks
from casebook.feedback import weights as weight_checks
from casebook.model import ach, alignment, hindsight, seminar, votes
from casebook.model import network as net
from casebook.model import timeline as tl
from casebook.model import weights as wm
from casebook.model.argument import article_factors, exercise_claims, factor_chains
from casebook.model.factors import verdict_tally

# -- the forms of an answer ---------------------------------------------------------------

def number_forms(n) -> list:
    """A number as a student may write it."""
    forms = [n, str(n), f" {n} ", np.float64(n)]
    if float(n).is_integer():
        forms += [int(n), float(n), f"{int(n)}.0", np.int64(int(n))]
    return forms


def paragraph_forms(n: int) -> list:
    return [n, str(n), f"¶{n}", f"¶ {n}", f"[¶{n}]", f"para {n}", f"Paragraph {n}", float(n)]


def name_forms(table: pd.DataFrame, row_id) -> list[str]:
    """A row's name as a student may write it: the id, every name the table gives, in other
    cases, with other spaces and punctuation, after "the", and every alias."""
    row = table.loc[row_id]
    forms = [str(row_id), str(row_id).upper(), str(row_id).lower()]
    for column in ("short_name", "short_label", "name", "label"):
        name = row.get(column)
        if not isinstance(name, str):
            continue
        first, *rest = name.split(" ", 1)  # "A seat-at-the-table."
        forms += [name, name.upper(), f" {name.lower()} ", " ".join([first, *rest]).replace(
            " ", "-").replace("-", " ", 1) + "."]
        if not name.lower().startswith(("the ", "a ", "an ")):
            forms.append(f"the {name}")
    return forms + aliases_of(row.get("aliases"))


def names_list_forms(table: pd.DataFrame, ids: list, shown: str) -> list:
    """A list of rows as a student may write it: ids, names, full names, aliases, a tuple,
    or one string with commas between."""
    names = [table.loc[i, shown] for i in ids]
    forms = [list(ids), [str(n).lower() for n in names], tuple(names), ", ".join(names),
             "; ".join(str(i) for i in ids), pd.Series(names)]
    for column in ("name", "label"):
        if column in table.columns:
            forms.append([table.loc[i, column] for i in ids])
    with_aliases = [(aliases_of(table.loc[i].get("aliases")) or [n])[0]
                    for i, n in zip(ids, names, strict=True)]
    return forms + [with_aliases]


@dataclass
class Exercise:
    """One exercise: its check, what follows the answer in the call, the right answer and
    its forms, and (where there is one) a wrong answer and its forms."""

    check: Callable
    args: tuple
    right: object
    right_forms: list
    wrong: object = None
    wrong_forms: list = field(default_factory=list)
    kwargs: dict = field(default_factory=dict)

    def __call__(self, answer):
        return self.check(answer, *self.args, **self.kwargs)


def _unlike(series: pd.Series, value) -> object:
    """A key of ``series`` whose value differs from ``value`` (None if none does)."""
    others = series[series != value]
    return others.index[0] if len(others) else None


# -- the exercises, as the lessons set them up ----------------------------------------------

def busiest_year(case):
    counts = model.events_per_year(case.events)
    year = case.article.year
    rest = counts.drop(year)
    right, wrong = int(rest.idxmax()), _unlike(rest, rest.max())
    return Exercise(feedback.check_busiest_year, (counts,), right, number_forms(right),
                    wrong, number_forms(wrong) if wrong is not None else [],
                    {"excluding": year})


def _crisis(case):
    return tl.case_timeline(case, *tl.period_years(case.periods, case.default_period),
                            notes=True)


def known_count(case):
    crisis = _crisis(case)
    right, wrong = len(tl.known_on(crisis)), len(crisis)
    return Exercise(timeline_checks.check_known_count, (crisis,), right, number_forms(right),
                    wrong, number_forms(wrong) if wrong != right else [])


def days_before(case):
    crisis = _crisis(case)
    right = tl.days_before(tl.last_known_event(crisis)["date"], case.article.date)
    return Exercise(timeline_checks.check_days_before, (crisis, case.article.date), right,
                    number_forms(right), right + 1, number_forms(right + 1))


def top_actors(case):
    counts = tl.actor_counts(tl.known_on(_crisis(case)))
    by_name = {n: i for i, n in case.actors["short_name"].items()}
    right = [by_name[n] for n in counts.index[:2]]
    fewest = [by_name[n] for n in counts.index if counts[n] < counts.iloc[1]][-1:]
    wrong = [right[0], *fewest] if fewest else None
    return Exercise(timeline_checks.check_top_actors, (counts, case.actors), right,
                    names_list_forms(case.actors, right, "short_name"), wrong,
                    names_list_forms(case.actors, wrong, "short_name") if wrong else [])


def claim_kinds(case):
    to_classify = exercise_claims(case.claims)
    right = case.claims.loc[to_classify.index, "kind"].tolist()
    forms = [right, tuple(right), [k.upper() for k in right],
             [f" {k.capitalize()}." for k in right]]
    return Exercise(argument_checks.check_claim_kinds, (to_classify, case.claims), right,
                    forms)


def fourth_factor_paragraph(case):
    own = article_factors(case.factors)
    if len(own) < 4:
        pytest.skip("the case has fewer than four factors of the article's own")
    right, wrong = int(own["paragraph"].iloc[3]), int(own["paragraph"].iloc[0])
    return Exercise(argument_checks.check_fourth_factor_paragraph,
                    (case.factors, case.paragraphs), right, paragraph_forms(right), wrong,
                    paragraph_forms(wrong) if wrong != right else [])


def thinnest_factor(case):
    chains = factor_chains(case.claims, case.factors)
    own = chains[chains["article's"]]
    supports = own["backed_by"].map(len)
    right, wrong = supports.idxmin(), _unlike(supports, supports.min())
    return Exercise(argument_checks.check_thinnest_factor, (chains, case.factors), right,
                    name_forms(case.factors, right), wrong,
                    name_forms(case.factors, wrong) if wrong is not None else [])


def absent_actors(case):
    meetings = gathering_events(case)
    by_name = {n: i for i, n in case.actors["short_name"].items()}
    right = [by_name[n] for n in meetings.iloc[0]["absent"].split(", ") if n]
    wrong = [by_name[n] for n in meetings.iloc[0]["present"].split(", ")][:1]
    return Exercise(factor_checks.check_absent_actors, (meetings, case.actors), right,
                    names_list_forms(case.actors, right, "short_name"), wrong,
                    names_list_forms(case.actors, wrong, "short_name"))


def better_supported_factor(case):
    first_two = article_factors(case.factors).head(2)
    tally = verdict_tally(case.claims, first_two)
    holding = pd.Series(tally["accurate or borne out"].to_numpy(), index=first_two.index)
    right, wrong = holding.idxmax(), _unlike(holding, holding.max())
    return Exercise(factor_checks.check_better_supported_factor, (tally, case.factors), right,
                    name_forms(case.factors, right), wrong,
                    name_forms(case.factors, wrong) if wrong is not None else [])


def _lesson_04(case):
    focus = lesson_factors(case)
    third = case.factors.loc[focus.index[0], "short_label"]
    stance_pars = alignment.cited_paragraphs(case.effects, case.options, focus.index)
    effects = alignment.effects_on(case.effects, case.options, case.factors, focus.index,
                                   stance_pars)
    return focus, third, effects


def stances_serving(case):
    _, third, effects = _lesson_04(case)
    rows = effects[effects["factor"] == third]
    by_label = {label: i for i, label in case.options["short_label"].items()}
    right = [by_label[s] for s in rows.loc[rows["effect"] > 0, "stance"]]
    every = [by_label[s] for s in rows["stance"]]
    wrong = every if len(every) > len(right) else None  # a stance that does not serve it
    return Exercise(alignment_checks.check_stances_serving, (effects, third, case.options),
                    right, names_list_forms(case.options, right, "short_label"), wrong,
                    names_list_forms(case.options, wrong, "short_label") if wrong else [])


def inconsistent_count(case):
    reading = alignment.article_hypothesis(case.hypotheses, case.article.source_id)
    rated = alignment.rated_evidence(case.evidence, case.ratings, case.sources, reading,
                                     case.article.date)
    right = len(alignment.inconsistent(rated))
    return Exercise(alignment_checks.check_inconsistent_count, (rated,), right,
                    number_forms(right), right + 1, number_forms(right + 1))


def highest_other_weight(case):
    focus, third, _ = _lesson_04(case)
    own = alignment.article_preset(case.presets, case.article.source_id)
    readings = alignment.readings(case.presets, case.preset_weights, case.factors,
                                  focus.index, case.sources)
    from_texts = readings[(readings["weights"] == alignment.BASIS_WORDS["from_texts"])
                          & (readings.index != own)]
    right = float(from_texts[third].max())
    return Exercise(alignment_checks.check_highest_other_weight, (readings, third, own),
                    right, number_forms(right), right + 0.5, number_forms(right + 0.5))


def yes_votes(case):
    record = votes.case_vote_record(case)
    voter = votes.voter_columns(record)[0]
    right = int((votes.before_article(record)[voter] == "yes").sum())
    return Exercise(vote_checks.check_yes_votes_before_article, (record, case.article.date),
                    right, number_forms(right), len(record) + 1, number_forms(len(record) + 1))


def softened_resolutions(case):
    record = votes.case_vote_record(case)
    right = votes.softened(case.un_votes, record)["resolution"].to_list()
    forms = [right, [str(r).lower() for r in right], tuple(right), ", ".join(right),
             [f"Res. {r}" for r in right], [f"resolution {r}" for r in right]]
    forms += [[int(r) for r in right], [float(r) for r in right]] if all(
        r.isdigit() for r in right) else []
    return Exercise(vote_checks.check_softened, (case.un_votes, record), right, forms)


def first_vote_against(case):
    record = votes.case_vote_record(case)
    first = votes.first_vote_against(record)
    if first is None:
        return Exercise(vote_checks.check_first_vote_against, (record,), "none",
                        ["none", "None.", " NEVER "])
    right = first["date"].year
    return Exercise(vote_checks.check_first_vote_against, (record,), right,
                    number_forms(right), right + 1, number_forms(right + 1))


def _lesson_06(case):
    article_weights = case.weight_matrix().loc[wm.article_preset(case.presets,
                                                                 case.article.source_id)]
    return article_weights, wm.weigh(case, article_weights)


def explained_count(case):
    _, fit = _lesson_06(case)
    right, total = wm.explained_count(fit.rows)
    wrong = total if total != right else None
    return Exercise(weight_checks.check_explained_count, (fit.rows,), right,
                    number_forms(right), wrong, number_forms(wrong) if wrong else [])


def disagreeing_option(case):
    _, fit = _lesson_06(case)
    table = wm.discrimination(case.effect_matrix(), case.weight_matrix(), fit.rows,
                              case.presets, case.options)
    agree = table["all readings agree"].astype(bool)
    if agree.all():
        pytest.skip("every reading predicts the same for every option")
    right = table.index[~agree][0]
    wrong = table.index[agree][0] if agree.any() else None
    return Exercise(weight_checks.check_disagreeing_option, (table, case.options), right,
                    name_forms(case.options, right), wrong,
                    name_forms(case.options, wrong) if wrong is not None else [])


def break_even(case):
    article_weights, _ = _lesson_06(case)
    voted = wm.vote_option(case.behaviour, case.un_votes)
    least = least_weighted_factor(article_weights)
    stretches = wm.stance_intervals(case.effect_matrix(), article_weights)
    mine = stretches[(stretches["option_id"] == voted) & (stretches["factor_id"] == least)]
    support = mine.loc[mine["stance"] == wm.SUPPORT, "start"]
    args = (case, article_weights, voted, least)
    if support.empty:
        return Exercise(weight_checks.check_break_even, args, "none", ["none", "None.", np.nan])
    right = round(float(support.min()), 2)
    return Exercise(weight_checks.check_break_even, args, right, number_forms(right))


def weighting(case):
    article_weights, fit = _lesson_06(case)
    least = least_weighted_factor(article_weights)
    right = wm.search(case.effect_matrix(), fit.rows, fixed=held_at_zero(least)).best.iloc[0]
    return Exercise(weight_checks.check_weighting, (case, fit.rows, least), right,
                    [right, right.to_dict(), right / 2])


def _graphs(case):
    return net.case_graphs(case), case.default_period, case.periods.index[-1]


def unbalanced_count(case):
    graphs, now, _ = _graphs(case)
    right = int((net.triads(graphs[now], mixed="as_negative")["status"] == "unbalanced").sum())
    return Exercise(network_checks.check_unbalanced_count, (graphs[now],), right,
                    number_forms(right), kwargs={"mixed": "as_negative"})


def most_strained(case):
    graphs, now, _ = _graphs(case)
    best = net.most_strained_triad(graphs[now], "as_negative")
    if best is None:
        pytest.skip("no triad is unbalanced in the article's period")
    right = list(best["actors"])
    return Exercise(network_checks.check_most_strained, (graphs[now],), right,
                    names_list_forms(case.actors, right, "short_name") + [
                        " – ".join(case.actors.loc[right, "short_name"])],
                    kwargs={"mixed": "as_negative"})


def partners_by_change(case):
    graphs, now, last = _graphs(case)
    changes = net.tie_changes(graphs[now], graphs[last])
    right = net.partners_by_change(changes, case.focus_actor, "cooled")
    forms = names_list_forms(case.actors, right, "short_name") if right else [[], ()]
    return Exercise(network_checks.check_partners_by_change,
                    (changes, graphs[last], case.focus_actor), right, forms)


def _lesson_08(case):
    known = ach.rating_grid(case)
    return known, ach.evidence_weights(case.evidence)


def plain_score(case):
    known, weights = _lesson_08(case)
    article = alignment.article_hypothesis(case.hypotheses, case.article.source_id)
    right = float(ach.inconsistency(known[[article]]).iloc[0])
    return Exercise(ach_checks.check_plain_score, (known, article, weights), right,
                    number_forms(right), right + 7, number_forms(right + 7))


def least_diagnostic(case):
    known, _ = _lesson_08(case)
    spread = ach.diagnosticity(known)
    right, wrong = spread.idxmin(), _unlike(spread, spread.min())
    items = pd.DataFrame({"label": [known.attrs["item_labels"].get(i, i) for i in known.index]},
                         index=known.index)
    return Exercise(ach_checks.check_least_diagnostic, (known,), right,
                    name_forms(items, right), wrong,
                    name_forms(items, wrong) if wrong is not None else [])


def hinge(case):
    known, weights = _lesson_08(case)
    table = ach.sensitivity(known, weights)
    hinges = list(table.index[table["top changes"]])
    items = pd.DataFrame({"label": [known.attrs["item_labels"].get(i, i) for i in known.index]},
                         index=known.index)
    if not hinges:
        return Exercise(ach_checks.check_hinge, (known, weights), "none",
                        ["none", "None.", " NONE "])
    others = [i for i in known.index if i not in hinges]
    return Exercise(ach_checks.check_hinge, (known, weights), hinges[0],
                    name_forms(items, hinges[0]), others[0] if others else None,
                    name_forms(items, others[0]) if others else [])


def busiest_hindsight_year(case):
    named = hindsight.named_events(case.hindsight, case.events, case.claims, case.sources,
                                   case.article.date)
    counts = model.events_per_year(named, first=case.article.year)
    right, wrong = int(counts.idxmax()), _unlike(counts, counts.max())
    return Exercise(hindsight_checks.check_busiest_hindsight_year, (counts,), right,
                    number_forms(right), wrong,
                    number_forms(int(wrong)) if wrong is not None else [])


def reversed_claim(case):
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    reversed_card = card[(card["verdict"] == "accurate") & (card["reference"] == "undercut")]
    if reversed_card.empty:
        pytest.skip("no claim was judged accurate and later undercut")
    right = int(reversed_card["¶"].iloc[0].lstrip("¶"))
    others = card[~card["¶"].isin(reversed_card["¶"])]
    wrong = int(others["¶"].iloc[0].lstrip("¶")) if len(others) else None
    return Exercise(hindsight_checks.check_reversed_claim, (card,), right,
                    paragraph_forms(right), wrong,
                    paragraph_forms(wrong) if wrong is not None else [])


def motion(case):
    debate = debate_claims(case.claims)
    if not debate["motion"].any():
        pytest.skip("no disputed claim states a factor or the conclusion")
    right = debate.index[debate["motion"]][0]
    head = right.split("_")[0]
    unique_head = sum(str(i).split("_")[0] == head for i in case.claims.index) == 1
    forms = [right, right.upper(), f" {right} ", debate.loc[right, "claim"]]
    forms += [head, head.upper()] if unique_head else []
    return Exercise(seminar_checks.check_motion, (debate,), right, forms)


def _class(case):
    return seminar.read_class(seminar.demo_folder(case), case)


def widest_split(case):
    spread = seminar.factor_spread(_class(case).weightings, case)
    right, wrong = spread["iqr"].idxmax(), _unlike(spread["iqr"], spread["iqr"].max())
    return Exercise(seminar_checks.check_widest_split, (spread, case.factors), right,
                    name_forms(case.factors, right), wrong,
                    name_forms(case.factors, wrong) if wrong is not None else [])


def beats_article(case):
    fit = seminar.class_fit(_class(case).weightings, case)
    explained = wm.weigh(case, seminar.article_shares(case)).explained[0]
    right = int((fit["explained"] > explained).sum())
    return Exercise(seminar_checks.check_beats_article, (fit, explained), right,
                    number_forms(right), len(fit) + 1, number_forms(len(fit) + 1))


EXERCISES = {
    "check_busiest_year": busiest_year,
    "check_known_count": known_count,
    "check_days_before": days_before,
    "check_top_actors": top_actors,
    "check_claim_kinds": claim_kinds,
    "check_fourth_factor_paragraph": fourth_factor_paragraph,
    "check_thinnest_factor": thinnest_factor,
    "check_absent_actors": absent_actors,
    "check_better_supported_factor": better_supported_factor,
    "check_stances_serving": stances_serving,
    "check_inconsistent_count": inconsistent_count,
    "check_highest_other_weight": highest_other_weight,
    "check_yes_votes_before_article": yes_votes,
    "check_softened": softened_resolutions,
    "check_first_vote_against": first_vote_against,
    "check_explained_count": explained_count,
    "check_disagreeing_option": disagreeing_option,
    "check_break_even": break_even,
    "check_weighting": weighting,
    "check_unbalanced_count": unbalanced_count,
    "check_most_strained": most_strained,
    "check_partners_by_change": partners_by_change,
    "check_plain_score": plain_score,
    "check_least_diagnostic": least_diagnostic,
    "check_hinge": hinge,
    "check_busiest_hindsight_year": busiest_hindsight_year,
    "check_reversed_claim": reversed_claim,
    "check_motion": motion,
    "check_widest_split": widest_split,
    "check_beats_article": beats_article,
}


def every_check() -> dict[str, Callable]:
    """Every check_* function of casebook.feedback, by name."""
    modules = [feedback] + [importlib.import_module(m.name) for m in pkgutil.iter_modules(
        feedback.__path__, prefix="casebook.feedback.")]
    return {name: function for module in modules
            for name, function in inspect.getmembers(module, inspect.isfunction)
            if name.startswith("check_") and function.__module__ == module.__name__}


def test_every_check_of_the_package_is_set_up_here():
    assert sorted(every_check()) == sorted(EXERCISES)
    for name, make in EXERCISES.items():  # each set-up calls the check it is named after
        assert f".{name}," in inspect.getsource(make) or f"feedback.{name}," in (
            inspect.getsource(make)), name


# -- one voice ----------------------------------------------------------------------------

ODD_ANSWERS = [True, np.False_, "???", "", 3.5, -1, 0, 10 ** 6, [], (), {}, "none", "¶999",
               ["???"], ("x", "y", "z"), {"x": 1}, pd.Series(dtype=float), np.nan]


def _said(exercise: Exercise, answer) -> Feedback:
    said = exercise(answer)
    assert isinstance(said, Feedback), (answer, type(said))
    assert said.startswith(VOICES), (answer, said)
    return said


@pytest.mark.parametrize("name", EXERCISES)
def test_every_answer_gets_a_sentence_in_the_course_voice(case, name):
    exercise = EXERCISES[name](case)
    answers = [None, exercise.right, *exercise.right_forms, exercise.wrong,
               *exercise.wrong_forms, *ODD_ANSWERS]
    for answer in answers:
        said = _said(exercise, answer)
        markdown = said._repr_markdown_()
        assert markdown.startswith(("**Right:**", "**Not quite:**", "Replace None")), markdown
    assert exercise(None).startswith("Replace None")


@pytest.mark.parametrize("name", EXERCISES)
def test_every_form_of_the_right_answer_is_right_and_of_a_wrong_one_the_same_wrong(case, name):
    exercise = EXERCISES[name](case)
    right = _said(exercise, exercise.right)
    assert right.startswith("Right:"), right
    for form in exercise.right_forms:
        assert exercise(form) == right, form
    if exercise.wrong is None:
        return
    wrong = _said(exercise, exercise.wrong)
    assert wrong.startswith("Not quite:"), wrong
    for form in exercise.wrong_forms:
        assert exercise(form) == wrong, form


# -- names the case gives -----------------------------------------------------------------

@pytest.mark.parametrize("table", ["actors", "factors", "options"])
def test_every_name_and_alias_in_the_case_names_exactly_one_row(case, table):
    frame = case.tables[table]
    names = Names.of(frame)
    for row_id in frame.index:
        for form in name_forms(frame, row_id):
            assert names.find(form) == [row_id], (table, row_id, form, names.find(form))


@pytest.mark.pins_shipped_case("the aliases of actors.csv and factors.csv")
def test_the_course_case_accepts_the_spellings_its_lessons_use(case):
    actors, factors = Names.of(case.actors), Names.of(case.factors)
    focus = case.focus_actor
    assert actors.find("DPRK") == actors.find("North Korea") == actors.find("Pyongyang")
    assert actors.find("ROK") == actors.find("south korea") == actors.find("Seoul")
    assert actors.find("the U.S.") == actors.find("USA") == actors.find("United States")
    assert actors.find(case.actors.loc[focus, "name"]) == [focus]
    fourth = article_factors(case.factors).index[3]
    assert factors.find("Defense") == factors.find("defence") == [fourth]
    assert factors.find(case.factors.loc[fourth, "label"]) == [fourth]


def test_an_ambiguous_name_is_said_to_be_ambiguous_not_unknown():
    actors = pd.DataFrame({"short_name": ["Ann", "Bob"], "aliases": ["the North", "North"]},
                          index=["A", "B"])
    said = timeline_checks.check_top_actors(["north", "Ann"], pd.Series({"Ann": 2, "Bob": 1}),
                                            actors, n=2)
    assert said == ("Not quite: 'north' could be Ann or Bob: write the whole name.")


# -- shown as formatted text ----------------------------------------------------------------

def test_feedback_is_shown_as_markdown_and_printed_as_the_plain_sentence(capsys):
    from IPython.core.interactiveshell import InteractiveShell

    said = Feedback("Not quite: c21_lifeline [¶4] is *one* of 2 <items> | $5.")
    shown, _ = InteractiveShell.instance().display_formatter.format(said)
    assert shown["text/markdown"] == (
        r"**Not quite:** c21\_lifeline \[¶4\] is \*one\* of 2 \<items\> \| \$5.")
    assert shown["text/plain"] == str(said)  # no quotes around it
    print(said)
    assert capsys.readouterr().out == str(said) + "\n"
    assert repr(said) == repr(str(said))  # doctests show it as before
