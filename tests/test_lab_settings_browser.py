"""The course's JupyterLab settings take effect: a student who opens lesson 00 in JupyterLab
sees the lesson and no "Jupyter news" question; JupyterLab's settings API reports the
course's values.

Each JupyterLab runs from this environment's JupyterLab on a scratch application folder
(``JUPYTERLAB_DIR``) that links the installed JupyterLab's files and gets the course's
settings from ``casebook.lab_settings.install``, the command the README runs after an
editable install; user settings and workspaces are scratch folders too, so nothing of the
machine's own JupyterLab counts. The same JupyterLab without the course's settings is the
control: there the question must appear, or the check for its absence proves nothing."""

from __future__ import annotations

import json
import os
import shutil
import urllib.request

import pytest

from casebook import lab_settings
from casebook.lab_server import start_jupyterlab
from conftest import REPO, needs_browser

pytestmark = needs_browser

NEWS_QUESTION = "official Jupyter news"
LESSON = "00_start_here.ipynb"


def start_lab(root, with_course_settings: bool, log):
    """A JupyterLab on a copy of lesson 00, writing to ``log``; return (url, process)."""
    from jupyterlab.commands import get_app_dir

    prefix = root / "env"
    app_dir = prefix / "share" / "jupyter" / "lab"
    app_dir.mkdir(parents=True)
    for part in ("static", "schemas", "themes"):
        (app_dir / part).symlink_to(os.path.join(get_app_dir(), part))
    if with_course_settings:
        lab_settings.install(prefix)
    (root / "notebooks").mkdir()
    for folder in ("lessons_data", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "notebooks" / LESSON, root / "notebooks" / LESSON)
    env = dict(os.environ, JUPYTERLAB_DIR=str(app_dir), JUPYTER_CONFIG_DIR=str(root / "config"))
    try:
        server, url = start_jupyterlab(
            root, log, [f"--LabApp.user_settings_dir={root / 'user-settings'}"], env=env)
    except RuntimeError as error:
        pytest.fail(f"{error}:\n" + (root / "server.log").read_text())
    return url, server


def settings_defaults(url: str, plugin_id: str) -> dict:
    """The defaults JupyterLab's settings API reports for a plugin, by setting."""
    with urllib.request.urlopen(f"{url}/lab/api/settings/{plugin_id}", timeout=30) as response:
        schema = json.load(response)["schema"]
    return {key: spec.get("default") for key, spec in schema["properties"].items()}


def prompts_after_opening_the_lesson(chromium, url: str) -> list[str]:
    """Open lesson 00 as a student does, in a fresh browser context (nothing remembered from
    another page), and return the text of every notification and dialog shown."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{url}/lab/tree/notebooks/{LESSON}")
        page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
        page.locator(".jp-RenderedHTMLCommon h1").first.wait_for(timeout=30_000)
        # JupyterLab asks about news once the application has started: allow it ample time.
        page.wait_for_timeout(6_000)
        return page.locator(".Toastify__toast, .jp-Dialog").all_text_contents()
    finally:
        context.close()


@pytest.fixture(scope="module", params=[True, False], ids=["course settings", "control"])
def lab_server(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("lab-settings")
    with open(root / "server.log", "w") as log:
        url, server = start_lab(root, request.param, log)
        yield request.param, url
        server.terminate()
        server.wait(timeout=30)


def test_the_settings_api_reports_the_course_values_and_only_with_the_course_settings(
        lab_server):
    with_course_settings, url = lab_server
    for plugin_id, values in lab_settings.read_overrides().items():
        defaults = settings_defaults(url, plugin_id)
        for key, value in values.items():
            if with_course_settings:
                assert defaults[key] == value, f"{plugin_id} {key}: {defaults[key]!r}"
            else:
                assert defaults[key] != value, f"{plugin_id} {key}: the control has it too"


def test_a_student_opening_lesson_00_gets_no_jupyter_news_question_nor_other_prompt(
        lab_server, chromium):
    with_course_settings, url = lab_server
    prompts = prompts_after_opening_the_lesson(chromium, url)
    news = [text for text in prompts if NEWS_QUESTION in text]
    if with_course_settings:
        assert prompts == [], f"JupyterLab still shows: {prompts}"  # news or any other prompt
    else:
        assert len(news) == 1, "without the course's settings JupyterLab should ask"
