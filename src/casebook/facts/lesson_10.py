"""Facts of lesson 10 (the seminar): the debate's motions (the claims the course disputes),
the roles and their cards, and what the class's saved weightings say side by side, computed
with the same functions as the lesson's code cells (``casebook.model.seminar``,
``casebook.model.briefing``), so that text and tables cannot disagree.

The class is read from the case's demo folder unless the lesson points at another one: the
lesson's code then updates its facts with :func:`class_facts` of that folder, so its text
follows the class it shows.

>>> from casebook import load_case
>>> values = facts(load_case())
>>> values["motion_count"] >= 1
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..text import count, joined
from .lesson_09 import short_quote

DISPUTED = "disputed"  # the verdict of claims.csv for a claim the course disputes (schema)
# The claims that carry the argument: a debate motion states a factor or the conclusion.
MOTION_ROLES = ("factor", "conclusion")


def debate_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims the course disputes, in the article's order, each marked as a motion (it
    states a factor or the conclusion) or as evidence under dispute (it backs one).

    >>> claims = pd.DataFrame({"paragraph": [4, 2, 3], "quote": ["b", "a", "c"],
    ...     "verdict": ["disputed", "disputed", "accurate"], "role": ["support", "factor",
    ...     "factor"], "factor_ids": [["x"], ["x"], ["y"]], "verdict_note": ["n", "m", "o"]},
    ...     index=pd.Index(["c2", "c1", "c3"], name="claim_id"))
    >>> debate_claims(claims)[["¶", "motion"]].to_dict("index")
    {'c1': {'¶': 2, 'motion': True}, 'c2': {'¶': 4, 'motion': False}}
    """
    disputed = claims[claims["verdict"] == DISPUTED].sort_values("paragraph", kind="stable")
    frame = pd.DataFrame({
        "¶": disputed["paragraph"].astype(int),
        "claim": disputed["quote"],
        "motion": disputed["role"].isin(MOTION_ROLES),
        "factors": disputed["factor_ids"].map(_ids),
        "the course's reading": disputed["verdict_note"],
    }, index=disputed.index)
    if len(frame) and not frame["motion"].any():
        frame["motion"] = True  # no disputed claim states a factor: every one is a motion
    return frame


def _ids(value) -> list[str]:
    """A factor_ids cell as a list (the loader gives a list; a blank cell, nothing).

    >>> _ids(["a", "b"]), _ids(float("nan")), _ids("a")
    (['a', 'b'], [], ['a'])
    """
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, str) and value:
        return [value]
    return []


def backing_evidence(debate: pd.DataFrame, factor_ids: list[str]) -> pd.DataFrame:
    """The disputed claims that are not motions and back one of ``factor_ids``.

    >>> debate = pd.DataFrame({"¶": [2, 4], "motion": [True, False],
    ...     "factors": [["x"], ["x", "y"]]}, index=["c1", "c2"])
    >>> backing_evidence(debate, ["y"]).index.tolist()
    ['c2']
    """
    mine = set(factor_ids)
    return debate[~debate["motion"] & debate["factors"].map(lambda ids: bool(set(ids) & mine))]


def cited(rows: pd.DataFrame) -> list[str]:
    """Claims as a reader cites them: ¶ and their first words.

    >>> cited(pd.DataFrame({"¶": [4], "claim": ["one two three four five six seven eight nine"]}))
    ['¶4 "one two three four five six seven eight ..."']
    """
    return [f'¶{p} "{short_quote(q, words=8)}"' for p, q in zip(rows["¶"], rows["claim"],
                                                                 strict=True)]


def motion_table(debate: pd.DataFrame, factor_labels: pd.Series) -> pd.DataFrame:
    """The motions of the debate, numbered, each with the factor it is about and the
    disputed evidence that backs the same factor.

    >>> debate = pd.DataFrame({"¶": [2, 4], "claim": ["A is so", "B did"],
    ...     "motion": [True, False], "factors": [["x"], ["x"]],
    ...     "the course's reading": ["n", "m"]}, index=["c1", "c2"])
    >>> motion_table(debate, pd.Series({"x": "Ex"})).iloc[0].tolist()
    ['1', '¶2', 'A is so', 'Ex', '¶4 "B did"']
    """
    rows = []
    for number, (_, row) in enumerate(debate[debate["motion"]].iterrows(), start=1):
        rows.append({"motion": str(number), "¶": f"¶{row['¶']}", "claim": row["claim"],
                     "factor": _about(row["factors"], factor_labels),
                     "disputed evidence": "; ".join(cited(backing_evidence(
                         debate, row["factors"]))) or "none"})
    return pd.DataFrame(rows, columns=["motion", "¶", "claim", "factor", "disputed evidence"])


def _about(factor_ids: list[str], factor_labels: pd.Series) -> str:
    return joined([factor_labels.get(f, f) for f in factor_ids], empty="the conclusion")


def unattached_evidence(debate: pd.DataFrame) -> pd.DataFrame:
    """Disputed claims that back a factor no motion is about (the course accepts the factor
    but disputes evidence for it).

    >>> debate = pd.DataFrame({"¶": [2, 3], "motion": [True, False],
    ...     "factors": [["x"], ["y"]]}, index=["c1", "c2"])
    >>> unattached_evidence(debate).index.tolist()
    ['c2']
    """
    covered = {f for ids in debate.loc[debate["motion"], "factors"] for f in ids}
    return debate[~debate["motion"] & debate["factors"].map(lambda ids: not set(ids) & covered)]


def facts(case) -> dict:
    factor_labels = case.factors["short_label"]
    debate = debate_claims(case.claims)
    motions = debate[debate["motion"]]
    values: dict = {
        "factor_count": len(case.factors),
        "factor_labels": list(factor_labels),
        "disputed_count": len(debate),
        "motion_count": len(motions),
        "evidence_count": int((~debate["motion"]).sum()),
        "motion_paragraphs": [f"¶{p}" for p in motions["¶"]],
        "motion_list": _motion_list(motions),
        "motion_answers": _motion_answers(motions, debate, factor_labels),
        "unattached": joined(cited(unattached_evidence(debate))),
        "unattached_count": len(unattached_evidence(debate)),
    }
    values.update(role_facts(case))
    values.update(class_facts(case, demo_class(case)))
    return values


def demo_class(case):
    """The case's demo class as read (an empty class when the case has no demo folder)."""
    from ..model import seminar

    folder = seminar.demo_folder(case)
    return seminar.read_class(folder if folder is not None else case.data_dir / seminar.DEMO_FOLDER,
                              case)


def _motion_list(motions: pd.DataFrame) -> str:
    """The motions as a numbered Markdown list of quotations."""
    return "\n".join(f"{n}. \"{row['claim']}\" [¶{row['¶']}]"
                     for n, (_, row) in enumerate(motions.iterrows(), start=1)) or \
        "(The course disputes no claim of this article: there is no motion.)"


def _motion_answers(motions: pd.DataFrame, debate: pd.DataFrame,
                    factor_labels: pd.Series) -> str:
    """For each motion, the course's reading of it (its verdict note, with the strongest
    counter-reading) and the disputed evidence under it."""
    lines = []
    for n, (_, row) in enumerate(motions.iterrows(), start=1):
        backing = backing_evidence(debate, row["factors"])
        under = (f" The disputed evidence under it: {joined(cited(backing))}."
                 if len(backing) else "")
        reading = row["the course's reading"]
        lines.append(f"{n}. **¶{row['¶']}** ({_about(row['factors'], factor_labels)}): "
                     f"{reading}{under}")
    return "\n".join(lines) or "There is no motion to debate."


# -- the class's weightings -------------------------------------------------------------------

def _points(share: float) -> str:
    """A share as points of share (percentage points), as the spread table reads.

    >>> _points(0.1764), _points(0.05)
    ('17.6', '5.0')
    """
    return f"{share * 100:.1f}"


def _folder_name(folder) -> str:
    return f"{Path(folder).name}/" if folder is not None else "(no folder)"


def class_facts(case, class_files) -> dict:
    """What the text says of a class read with ``model.seminar.read_class``: the files read
    and skipped, where the class agrees and splits, its groups, nearest readings, fit and
    average. The lesson calls it again when it is pointed at another folder."""
    from ..model import seminar
    from ..model import weights as wm

    weightings = class_files.weightings
    labels = case.factors["short_label"]
    preset_labels = case.presets["label"]
    values: dict = {
        "class_folder": _folder_name(class_files.folder),
        "class_read": len(weightings),
        "class_skipped": len(class_files.skipped),
        "class_problem": class_files.problem or "",
        "skipped_list": "\n".join(f"- `{row.file}`: {row.reason}"
                                  for row in class_files.skipped.itertuples())
        or "- (none: every file could be read)",
        "split_rule": seminar.SPLIT_RULE,
        "split_threshold": _points(seminar.split_threshold(len(case.factors))),
        "groups_method": seminar.GROUPS_METHOD,
    }
    if weightings.empty:
        return values | _empty_class()

    # Each factor's spread: where the class agrees and where it splits.
    spread = seminar.factor_spread(weightings, case)
    widest = str(spread["iqr"].idxmax())
    narrowest = str(spread["iqr"].idxmin())
    verdicts = spread["verdict"]
    values.update(
        spread_sentence=seminar.describe_spread(spread),
        split_labels=list(spread.loc[verdicts == seminar.SPLITS, "label"]),
        agree_labels=list(spread.loc[verdicts == seminar.AGREES, "label"]),
        too_few=bool((verdicts == seminar.TOO_FEW).all()),
        widest=widest, widest_label=str(labels[widest]),
        widest_iqr=_points(spread.loc[widest, "iqr"]),
        widest_median=_points(spread.loc[widest, "median"]),
        widest_article=_points(spread.loc[widest, "article"]),
        widest_low=_points(spread.loc[widest, "q1"]), widest_high=_points(spread.loc[widest, "q3"]),
        narrowest_label=str(labels[narrowest]), narrowest_iqr=_points(spread.loc[narrowest, "iqr"]),
        top_median_label=str(labels[spread["median"].idxmax()]),
        top_median=_points(spread["median"].max()),
        article_top_label=str(labels[spread["article"].idxmax()]),
    )
    outside = spread[(spread["article"] < spread["q1"]) | (spread["article"] > spread["q3"])]
    values["article_outside"] = list(outside["label"])

    # Groups of similar weightings.
    grouped = seminar.groups(weightings, case)
    described = seminar.describe_groups(weightings, grouped, case)
    values.update(
        group_count=len(described),
        group_lines="\n".join(
            f"- **Group {number}** ({count(int(row['size']), 'weighting')}): weighs "
            f"{row['weighs more than the class']} more than the class does; nearest reading: "
            f"{row['nearest reading']}." for number, row in described.iterrows())
        if len(described) > 1 else
        "- **One group**: no grouping of the class is clearly better than none (see the "
        "method above).",
        largest_group=int(described["size"].idxmax()),
        largest_group_size=int(described["size"].max()),
    )

    # Each student's nearest reading.
    nearest = seminar.nearest_readings(weightings, case)
    tally = nearest["preset_id"].value_counts()
    top = int(tally.max())
    values.update(
        nearest_top=[str(preset_labels[p]) for p in tally.index[tally == top]],
        nearest_top_count=top,
        nearest_tally=[f"{preset_labels[p]} ({n})" for p, n in tally.items()],
        nearest_none=[str(preset_labels[p]) for p in case.presets.index if p not in tally],
        article_nearest_count=int(tally.get(
            wm.article_preset(case.presets, case.article.source_id), 0)),
        farthest_name=str(nearest.loc[nearest["distance"].idxmax(), "name"]),
        farthest_distance=f"{nearest['distance'].max():.2f}",
    )

    # What each weighting predicts, and how much it explains.
    fit = seminar.class_fit(weightings, case)
    compared = seminar.compare_with_article(weightings, case)
    article_explained = int(compared.attrs["article explains"])
    known = int(compared.attrs["of"])
    explained = fit["explained"]
    known_rows = wm.observations(case.behaviour, case.options.index, end=case.article.date)
    best = wm.search(case.effect_matrix(), known_rows).best_count
    values.update(
        known_total=known, article_explained=article_explained, best_count=best,
        fit_low=int(explained.min()), fit_high=int(explained.max()),
        fit_median=f"{explained.median():g}",
        beats_article=int((explained > article_explained).sum()),
        ties_article=int((explained == article_explained).sum()),
        below_article=int((explained < article_explained).sum()),
        reach_best=int((explained == best).sum()),
        class_explains=int(compared.attrs["class explains"]),
    )
    options = [o for o in case.options.index if o in fit.columns]
    split_options = [o for o in options if fit[o].nunique() > 1]
    values["split_options"] = [str(case.options.loc[o, "short_label"]) for o in split_options]
    values["same_options"] = [str(case.options.loc[o, "short_label"]) for o in options
                              if o not in split_options]

    # The class's average against the article's reading.
    more, less = compared["difference"].idxmax(), compared["difference"].idxmin()
    values.update(
        class_more_label=str(labels[more]),
        class_more=_points(compared.loc[more, "difference"]),
        class_less_label=str(labels[less]),
        class_less=_points(-compared.loc[less, "difference"]),
        class_order=list(compared.sort_values("class average", ascending=False,
                                              kind="stable")["label"]),
        article_order=list(compared.sort_values("article", ascending=False,
                                                kind="stable")["label"]),
    )
    return values


def _empty_class() -> dict:
    """The class facts when no weighting could be read: the text says so."""
    return {"spread_sentence": "No weighting could be read, so there is nothing to compare.",
            "split_labels": [], "agree_labels": [], "too_few": True, "widest": "",
            "widest_label": "", "widest_iqr": "", "widest_median": "", "widest_article": "",
            "widest_low": "", "widest_high": "", "narrowest_label": "", "narrowest_iqr": "",
            "top_median_label": "", "top_median": "", "article_top_label": "",
            "article_outside": [], "group_count": 0, "group_lines": "- (no weighting)",
            "largest_group": 0, "largest_group_size": 0, "nearest_top": [],
            "nearest_top_count": 0, "nearest_tally": [], "nearest_none": [],
            "article_nearest_count": 0, "farthest_name": "", "farthest_distance": "",
            "known_total": 0, "article_explained": 0, "best_count": 0, "fit_low": 0,
            "fit_high": 0, "fit_median": "", "beats_article": 0, "ties_article": 0,
            "below_article": 0, "reach_best": 0, "class_explains": 0, "split_options": [],
            "same_options": [], "class_more_label": "", "class_more": "",
            "class_less_label": "", "class_less": "", "class_order": [], "article_order": []}


# -- the roles --------------------------------------------------------------------------------

def role_facts(case) -> dict:
    """What the text says of the roles and their cards (from roles.csv and the cards'
    sources: ``model.briefing``)."""
    from ..model import briefing

    roles = case.roles
    names = case.actors["short_name"]
    focus_roles = roles[roles["actor_id"] == case.focus_actor]
    ties = briefing.actor_ties(case, case.focus_actor)
    spoken = set(roles["actor_id"])
    changed = ties[ties["change"].notna() & (ties["change"] != "unchanged")
                   & ties["other"].isin(spoken)]
    events = {str(r): len(briefing.actor_events(case, a)) for r, a in roles["actor_id"].items()}
    most = max(events.values(), default=0)
    priorities = briefing.reading_priorities(case)
    return {
        "role_count": len(roles),
        "role_actors": [str(names[a]) for a in roles["actor_id"]],
        "role_titles": list(roles["title"]),
        "focus_role": str(focus_roles["title"].iloc[0]) if len(focus_roles) else "",
        "tie_changes": [f"{row.partner} ({row.change}: {row.before} before, {row.tie} now)"
                        for row in changed.itertuples()],
        "tie_unchanged": [str(row.partner) for row in ties.itertuples()
                          if row.other in spoken and row.change == "unchanged"],
        "most_events_roles": [str(names[roles.loc[r, "actor_id"]]) for r, n in events.items()
                              if n == most],
        "most_events": most,
        "reading_tops": "\n".join(f"   - {row.reading}: {joined(row.factors)}" for row in
                                   priorities.itertuples() if not row.all_same)
        or "   - (every reading weighs every factor the same)",
        "tie_period": str(case.periods.loc[case.default_period, "label"])
        if "label" in case.periods.columns else str(case.default_period),
    }
