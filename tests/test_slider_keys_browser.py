"""Letters pressed on a slider's handle stay out of the notebook, with the course's JupyterLab
settings (issue 17, item 1).

ipywidgets 8.1.9 lets a slider's handle keep its arrow keys but passes every other key on,
so a letter pressed there reached the notebook's command-mode shortcuts (``a`` inserted a
cell, ``c`` then ``v`` copied and pasted one). The course's settings
(``lab_settings/casebook.json``) bind each of those shortcut keys, on a focused slider handle
only, to a command that no extension defines: JupyterLab's keymap then prefers that binding
(its selector is more specific than the notebook's), stops the key there and runs nothing.
The ``lab`` fixture serves the course's settings as its user settings.
"""

from __future__ import annotations

from browser_keys import bring_into_view, notebook_state, wait_for_change

from casebook import lab_settings
from conftest import needs_browser, run_all

pytestmark = needs_browser

SHORTCUTS = "@jupyterlab/shortcuts-extension:shortcuts"


def kept_keys() -> list[list[str]]:
    """The key sequences the course's settings keep on a slider's handle."""
    return [binding["keys"] for binding in lab_settings.read_overrides()[SHORTCUTS]["shortcuts"]]


def test_the_settings_keep_the_notebooks_letter_shortcuts_on_a_slider_handle():
    kept = {tuple(keys) for keys in kept_keys()}
    # The shortcuts that changed a notebook in the learners' trials, and the kernel's.
    for keys in [("A",), ("B",), ("C",), ("V",), ("X",), ("Z",), ("M",), ("Y",), ("J",),
                 ("K",), ("D", "D"), ("I", "I"), ("0", "0")]:
        assert keys in kept, f"{' '.join(keys)} is not kept on a slider's handle"


def test_letters_on_a_slider_handle_leave_the_notebook_alone_and_arrows_still_move_it(
        page, lab):
    run_all(page, lab, "00_start_here.ipynb")
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.wait_for(timeout=30_000)
    bring_into_view(page, handle)
    handle.focus()
    before = notebook_state(page)
    value = handle.get_attribute("aria-valuenow")
    focused = "element => element === document.activeElement"
    for keys in kept_keys():
        for key in keys:  # JupyterLab writes "Shift K" where Playwright wants "Shift+K"
            page.keyboard.press(key.replace(" ", "+"))
        pressed = " ".join(keys)
        assert notebook_state(page) == before, f"{pressed} on the slider reached the notebook"
        assert handle.evaluate(focused), f"{pressed} took the focus from the slider"
    assert handle.get_attribute("aria-valuenow") == value, "a letter moved the slider"
    page.keyboard.press("ArrowLeft")
    wait_for_change(page, handle, "aria-valuenow", value)
    assert notebook_state(page) == before
