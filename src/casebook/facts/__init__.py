"""The facts of each lesson: the numbers, names, lists and dates its text speaks of,
computed from the Case. ``lesson_NN.facts(case)`` returns a dict; a lesson's text cells
fill their templates from it (see ``casebook.text``), so the text follows the data.

Every lesson also gets the common facts of ``common_facts``: its title and minutes, the
article, the focus actor, and the next lesson.

>>> from casebook import load_case
>>> facts = facts_for("00", load_case())
>>> facts["lesson_title"], facts["minutes"] > 0
('Start here', True)
"""

from __future__ import annotations

from importlib import import_module

from ..text import Facts


def facts_for(lesson: str, case, link_glossary: bool = False) -> Facts:
    """The facts of lesson ``lesson`` ("06") for ``case``: the common facts, and the
    lesson's own from ``casebook.facts.lesson_NN`` where there is such a module. With
    ``link_glossary`` (a lesson's text, not an instructor's notes) they carry the case's
    glossary, so that the text links each term where it first uses it."""
    values = common_facts(case, lesson)
    try:
        module = import_module(f".lesson_{lesson}", __name__)
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.lesson_{lesson}":
            raise
    else:
        values.update(module.facts(case))
    facts = Facts(values, lesson=lesson)
    if link_glossary:
        from ..glossary import glossary_entries

        facts.glossary = glossary_entries(case)
    return facts


def common_facts(case, lesson: str) -> dict:
    """What every lesson may say: its own row of lessons.csv, the next ready lesson, the
    article and the focus actor."""
    lessons = case.lessons
    numbers = [str(i)[:2] for i in lessons.index]
    values = {
        "article_title": case.article.title,
        "author": case.article.author,
        "publisher": case.article.publisher,
        "article_date": case.article.date.spelled(),
        "article_year": case.article.year,
        "citation": case.article.citation(),
        "paragraph_count": len(case.paragraphs),
        "first_paragraph": min(case.paragraphs, default=0),
        "last_paragraph": max(case.paragraphs, default=0),
        "focus": case.actors.loc[case.focus_actor, "short_name"],
        "focus_full": case.actors.loc[case.focus_actor, "name"],
        "case_title": case.title,
        # Every lesson's title and minutes by number, e.g. {minutes_of[6]} in a template.
        "minutes_of": {int(n): int(m) for n, m in zip(numbers, lessons["minutes"], strict=True)
                       if n.isdigit()},
        "title_of": {int(n): t for n, t in zip(numbers, lessons["title"], strict=True)
                     if n.isdigit()},
    }
    # The same closing line in every lesson: work on Binder is lost unless downloaded.
    values["save_reminder"] = (
        "**Before you close:** save the notebook (*File ▸ Save Notebook*, Ctrl + S). On Binder, "
        "also download it (*File ▸ Download*) with any file you saved: the session is not "
        "kept.")
    if lesson in numbers:
        row = lessons.iloc[numbers.index(lesson)]
        values.update(lesson_title=row["title"], minutes=int(row["minutes"]))
        later = lessons.iloc[numbers.index(lesson) + 1:]
        ready = later[later["status"] == "ready"]
        if len(ready):
            values.update(next_lesson=str(ready.index[0])[:2], next_title=ready["title"].iloc[0],
                          next_notebook=ready["notebook"].iloc[0])
    return values
