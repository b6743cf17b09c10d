"""The argument map: the article's claims in three columns, supporting claims -> factors ->
conclusions, with arrows, drawn from the ``role`` and ``factor_ids`` columns of claims.csv.

Every box says what it holds in words (claim, kind, verdict, and whose reading the verdict
is), so that colour only repeats what the text says: a box's fill follows its verdict, an
error is also hatched, and a verdict that is the course's reading of a contested point has a
dashed edge. The course's own factors (not among the article's four) have dashed boxes and
dashed arrows.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from ..model.argument import chains_table, claim_label, claims_with_role
from . import OKABE_ITO, Chart

# Columns of the map, in data units: the axes run from 0 to 10 across, and down by lines
# of text (one unit is one line of FONT_SIZE), so that every box is as tall as its text.
WIDTH_INCHES = 8.8  # at 100 dpi no wider than a lesson's output area on a laptop
SUPPORT_X, SUPPORT_WIDTH = 0.05, 3.15
FACTOR_X, FACTOR_WIDTH = 3.95, 2.45
CONCLUSION_X, CONCLUSION_WIDTH = 7.2, 2.7
FONT_SIZE = 8  # points: 11 px on screen at 100 dpi
LINE_INCHES = FONT_SIZE * 1.3 / 72  # one line of text, with its spacing
BOX_PAD, BOX_GAP, GROUP_GAP = 0.8, 0.5, 1.3  # in lines
CHAR_WIDTH = 0.56  # a character's mean width, in ems (DejaVu Sans, a little generous)
COURSE_READING = "(course's reading)"

VERDICT_FILLS = {
    "accurate": OKABE_ITO[3], "borne_out": OKABE_ITO[3],
    "disputed": OKABE_ITO[1], "unverified": OKABE_ITO[1], "partly_borne_out": OKABE_ITO[1],
    "error": OKABE_ITO[6],
    "not_testable": "0.6", "not_borne_out": "0.6",
}
FILL_ALPHA = 0.28
ERROR_HATCH = "//"


def verdict_text(claim: pd.Series) -> str:
    """Kind and verdict of a claim as a box says them, with whose verdict it is.

    >>> verdict_text(pd.Series({"kind": "fact", "verdict": "error", "verdict_basis": "record"}))
    'fact · error'
    >>> verdict_text(pd.Series({"kind": "inference", "verdict": "partly_borne_out",
    ...                         "verdict_basis": "course_reading"}))
    "inference · partly borne out (course's reading)"
    """
    text = f"{claim['kind']} · {claim['verdict'].replace('_', ' ')}"
    return text + (f" {COURSE_READING}" if claim["verdict_basis"] == "course_reading" else "")


def support_rows(chains: pd.DataFrame) -> list[tuple[str, str]]:
    """(claim id, factor id) for each supporting claim, grouped under the first factor of the
    map that it backs, in the map's factor order, each group in reading order.

    >>> chains = pd.DataFrame({"backed_by": [("c2", "c3"), ("c3", "c4")]}, index=["a", "b"])
    >>> support_rows(chains)
    [('c2', 'a'), ('c3', 'a'), ('c4', 'b')]
    """
    rows, placed = [], set()
    for factor_id, backed in chains["backed_by"].items():
        for claim_id in sorted(backed):
            if claim_id not in placed:
                rows.append((claim_id, factor_id))
                placed.add(claim_id)
    return rows


def wrap_to(text: str, width_units: float, fontsize: float = FONT_SIZE) -> str:
    """Each line of ``text`` wrapped to fit a box ``width_units`` wide (of the 10 across the
    map), at ``fontsize``.

    >>> print(wrap_to("inference · partly borne out (course's reading)", 2.4))
    inference · partly borne out
    (course's reading)
    """
    inches = (width_units - 0.2) / 10 * WIDTH_INCHES
    chars = max(10, int(inches * 72 / (fontsize * CHAR_WIDTH)))
    # Whose reading it is stays on one line (textwrap does not break at a no-break space).
    kept = text.replace(COURSE_READING, COURSE_READING.replace(" ", "\xa0"))
    return "\n".join(textwrap.fill(line, chars) if line else line
                     for line in kept.split("\n")).replace("\xa0", " ")


def factor_positions(backers: dict[str, list[float]], sizes: dict[str, float],
                     height: float) -> dict[str, float]:
    """Each factor's box centre: level with the middle of the claims that back it (or the
    middle of the map if none does), then moved down as little as needed so that no box
    overlaps the one above it (``sizes``: box heights; all in lines).

    >>> factor_positions({"a": [1, 3], "b": [9], "c": []}, {"a": 3, "b": 3, "c": 2}, 10)
    {'a': 2.0, 'b': 9.0, 'c': 5.0}
    >>> factor_positions({"a": [1, 3], "b": [4]}, {"a": 3, "b": 3}, 10)  # b moves down
    {'a': 2.0, 'b': 5.5}
    """
    wanted = {f: sum(ys) / len(ys) if ys else height / 2 for f, ys in backers.items()}
    placed, bottom = {}, -float("inf")
    for factor in sorted(wanted, key=lambda f: wanted[f]):
        centre = max(wanted[factor], bottom + BOX_GAP + sizes[factor] / 2)
        placed[factor] = centre
        bottom = centre + sizes[factor] / 2
    return {f: placed[f] for f in backers}


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _box(ax, x, y, width, height, text, claim=None, dashed=False, fontsize=FONT_SIZE,
         weight=None):
    """A rounded box centred at height ``y`` with its text; a claim's box is filled by its
    verdict, hatched if an error, dashed if the verdict is the course's reading."""
    fill, hatch = "white", None
    if claim is not None:
        fill = VERDICT_FILLS[claim["verdict"]]
        hatch = ERROR_HATCH if claim["verdict"] == "error" else None
        dashed = dashed or claim["verdict_basis"] == "course_reading"
    patch = FancyBboxPatch((x, y - height / 2), width, height,
                           boxstyle="round,pad=0,rounding_size=0.12", facecolor=fill,
                           alpha=None, edgecolor="black", hatch=hatch,
                           linestyle="--" if dashed else "-", linewidth=0.9)
    if claim is not None:
        patch.set_facecolor((*_rgb(fill), FILL_ALPHA))
    ax.add_patch(patch)
    ax.text(x + 0.1, y, text, ha="left", va="center", fontsize=fontsize, fontweight=weight,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.9, "pad": 1.0}
            if hatch else None)
    return patch


def _rgb(colour) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)


def _arrow(ax, start, end, dashed=False):
    ax.annotate("", xy=end, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": "0.25", "linewidth": 0.9,
                            "linestyle": "--" if dashed else "-", "shrinkA": 0,
                            "shrinkB": 0, "mutation_scale": 10})


def _conclusion_text(claim_id: str, claim: pd.Series) -> str:
    return wrap_to(f"{claim_id.split('_')[0]} [¶{int(claim['paragraph'])}]\n“{claim['quote']}”"
                   f"\n{verdict_text(claim)}", CONCLUSION_WIDTH - 0.1)


def argument_map(claims: pd.DataFrame, chains: pd.DataFrame) -> Chart:
    """The argument map: supporting claims (left) -> factors (middle) -> the article's
    conclusions (right). ``chains`` is ``model.argument.factor_chains``.

    >>> from casebook import load_case
    >>> from casebook.model.argument import factor_chains
    >>> case = load_case()
    >>> chart = argument_map(case.claims, factor_chains(case.claims, case.factors))
    >>> chart.description.split(":")[0]
    'Argument map in three columns'
    """
    rows = support_rows(chains)
    conclusions = claims_with_role(claims, "conclusion")
    texts = {}
    for claim_id, _ in rows:
        claim = claims.loc[claim_id]
        texts[claim_id] = wrap_to(f"{claim_label(claim_id)}  [¶{int(claim['paragraph'])}]\n"
                                  f"{verdict_text(claim)}", SUPPORT_WIDTH)
    # Heights in lines: each box as tall as its text, a gap between boxes and between groups.
    positions, sizes, y, previous = {}, {}, 0.0, None
    for claim_id, factor_id in rows:
        if previous is not None:
            y += GROUP_GAP if factor_id != previous else BOX_GAP
        sizes[claim_id] = _lines(texts[claim_id]) + BOX_PAD
        positions[claim_id] = y + sizes[claim_id] / 2
        y += sizes[claim_id]
        previous = factor_id
    factor_texts = {}
    for factor_id, row in chains.iterrows():
        if row["stated_by"]:
            stated = "stated by " + ", ".join(
                f"{i.split('_')[0]} ({claims.loc[i, 'verdict'].replace('_', ' ')})"
                for i in row["stated_by"])
        else:
            stated = "no claim states it"
        whose = "" if row["article's"] else "\ncourse's addition, not the article's"
        factor_texts[factor_id] = wrap_to(f"{row['short_label']}  [¶{row['paragraph']}]\n"
                                          f"{stated}{whose}", FACTOR_WIDTH)
    conclusion_texts = [_conclusion_text(i, conclusions.loc[i]) for i in conclusions.index]
    conclusion_sizes = [_lines(t) + BOX_PAD for t in conclusion_texts]
    stacked = sum(conclusion_sizes) + BOX_GAP * max(len(conclusion_sizes) - 1, 0)
    height = max(y, stacked + 1.0, 1.0)
    factor_y = factor_positions(
        {f: [positions[c] for c, g in rows if g == f] for f in chains.index},
        {f: _lines(factor_texts[f]) + BOX_PAD for f in chains.index}, height)
    height = max(height, *(factor_y[f] + (_lines(factor_texts[f]) + BOX_PAD) / 2
                           for f in chains.index))

    figure = Figure(figsize=(WIDTH_INCHES, LINE_INCHES * (height + 3.0) + 1.3),
                    layout="constrained")
    ax = figure.add_subplot()
    ax.set_xlim(0, 10)
    ax.set_ylim(height + 0.5, -3.0)  # top to bottom, room for the column headings
    ax.axis("off")
    for x, width, heading in ((SUPPORT_X, SUPPORT_WIDTH, "Supporting claims"),
                              (FACTOR_X, FACTOR_WIDTH, "Factors"),
                              (CONCLUSION_X, CONCLUSION_WIDTH, "The article concludes")):
        ax.text(x + width / 2, -2.0, heading, ha="center", va="center", fontsize=11,
                fontweight="bold")

    for claim_id, _ in rows:
        claim = claims.loc[claim_id]
        _box(ax, SUPPORT_X, positions[claim_id], SUPPORT_WIDTH, sizes[claim_id],
             texts[claim_id], claim=claim)
        for factor_id in claim["factor_ids"] or ():
            if factor_id in factor_y:
                _arrow(ax, (SUPPORT_X + SUPPORT_WIDTH, positions[claim_id]),
                       (FACTOR_X, factor_y[factor_id]))

    # The conclusions, stacked in the right-hand column inside one frame.
    top = max(height / 2 - stacked / 2, 0.0)
    frame_top, frame_bottom = top - 0.5, top + stacked + 0.5
    ax.add_patch(FancyBboxPatch((CONCLUSION_X - 0.15, frame_top), CONCLUSION_WIDTH + 0.25,
                                frame_bottom - frame_top,
                                boxstyle="round,pad=0,rounding_size=0.15",
                                facecolor="none", edgecolor="0.3", linewidth=1.4))
    for claim_id, text, size in zip(conclusions.index, conclusion_texts, conclusion_sizes,
                                    strict=True):
        _box(ax, CONCLUSION_X, top + size / 2, CONCLUSION_WIDTH - 0.1, size, text,
             claim=conclusions.loc[claim_id])
        top += size + BOX_GAP

    for factor_id, row in chains.iterrows():
        text = factor_texts[factor_id]
        _box(ax, FACTOR_X, factor_y[factor_id], FACTOR_WIDTH, _lines(text) + BOX_PAD, text,
             dashed=not row["article's"])
        target = min(max(factor_y[factor_id], frame_top + 0.5), frame_bottom - 0.5)
        _arrow(ax, (FACTOR_X + FACTOR_WIDTH, factor_y[factor_id]),
               (CONCLUSION_X - 0.15, target), dashed=not row["article's"])

    figure.legend(handles=legend_handles(), loc="outside lower center", ncol=2,
                  fontsize=FONT_SIZE, frameon=False,
                  title="Box fill and edge (the text in each box says the same)",
                  title_fontsize=FONT_SIZE)
    description = describe_argument_map(claims, chains)
    return Chart(figure, description, chains_table(chains, claims))


def legend_handles() -> list:
    """What the fills, hatching and dashed edges of the map mean."""
    from matplotlib.patches import Patch

    def fill(colour):
        return (*_rgb(colour), FILL_ALPHA)

    return [
        Patch(facecolor=fill(VERDICT_FILLS["accurate"]), edgecolor="black",
              label="accurate or borne out"),
        Patch(facecolor=fill(VERDICT_FILLS["disputed"]), edgecolor="black",
              label="disputed, unverified or partly borne out"),
        Patch(facecolor=fill(VERDICT_FILLS["error"]), edgecolor="black", hatch=ERROR_HATCH,
              label="error"),
        Patch(facecolor=fill(VERDICT_FILLS["not_testable"]), edgecolor="black",
              label="not testable"),
        Patch(facecolor="white", edgecolor="black", linestyle="--",
              label="dashed edge: the course's reading of a contested point,\n"
                    "or a factor the course added"),
    ]


def describe_argument_map(claims: pd.DataFrame, chains: pd.DataFrame) -> str:
    """The map in words: each chain from its supporting claims to its factor, then the
    conclusions, then the claims left out as context.

    >>> claims = pd.DataFrame({
    ...     "role": ["factor", "support", "conclusion", "context"],
    ...     "kind": ["inference", "fact", "prediction", "opinion"],
    ...     "verdict": ["accurate", "error", "borne_out", "not_testable"],
    ...     "paragraph": [2, 3, 8, 5], "quote": ["a", "b", "c", "d"]},
    ...     index=["c1_a", "c2_b", "c3_c", "c4_d"])
    >>> chains = pd.DataFrame({"label": ["Peace"], "paragraph": [2], "article's": [True],
    ...                        "stated_by": [("c1_a",)], "backed_by": [("c2_b",)]},
    ...                       index=["peace"])
    >>> print(describe_argument_map(claims, chains).replace(". ", ".\\n"))
    Argument map in three columns: 1 supporting claim (left) -> 1 factor (middle) -> 1 conclusion (right).
    Peace [¶2], stated by c1 (inference, accurate), backed by c2 (fact, error).
    The factor leads to the conclusion: c3 [¶8] "c" (prediction, borne out).
    Left out of the map as context: c4.
    """  # noqa: E501 - the doctest shows the whole description
    def verdict(row: pd.Series) -> str:
        # The boxes say "(course's reading)" and have dashed edges; the words say it too.
        reading = ", the course's reading" if row.get("verdict_basis") == "course_reading" else ""
        return f"{row['kind']}, {row['verdict'].replace('_', ' ')}{reading}"

    def claim(i: str) -> str:
        return f"{i.split('_')[0]} ({verdict(claims.loc[i])})"

    supports = {c for ids in chains["backed_by"] for c in ids}
    conclusions = claims_with_role(claims, "conclusion")
    context = claims_with_role(claims, "context")
    parts = [f"Argument map in three columns: {_count(len(supports), 'supporting claim')} "
             f"(left) -> {_count(len(chains), 'factor')} (middle) -> "
             f"{_count(len(conclusions), 'conclusion')} (right)."]
    for _, row in chains.iterrows():
        whose = "" if row["article's"] else " (the course's addition, not one of the article's)"
        stated = (", stated by " + ", ".join(claim(i) for i in row["stated_by"])
                  if row["stated_by"] else ", stated by no claim of its own")
        backed = (", backed by " + ", ".join(claim(i) for i in row["backed_by"])
                  if row["backed_by"] else ", backed by no claim")
        parts.append(f"{row['label']} [¶{row['paragraph']}]{whose}{stated}{backed}.")
    lead = "The factor leads" if len(chains) == 1 else "Every factor leads"
    added = chains[~chains["article's"]]
    if len(added):
        lead += (f" ({_listed(added['short_label'].tolist())}, the course's addition, by a dashed "
                 "arrow)")
    parts.append(f"{lead} to the conclusion{'s' * (len(conclusions) != 1)}: " + "; ".join(
        f"{i.split('_')[0]} [¶{int(r['paragraph'])}] \"{r['quote']}\" ({verdict(r)})"
        for i, r in conclusions.iterrows()) + ".")
    if len(context):
        parts.append("Left out of the map as context: "
                     + ", ".join(i.split("_")[0] for i in context.index) + ".")
    return " ".join(parts)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"
