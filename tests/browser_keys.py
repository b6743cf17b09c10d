"""What the browser tests of the course's widgets share for issue 17: the notebook's cell
count and active cell (a key that reaches the notebook changes one of them), the role, name
and value Chromium itself gives an element (its accessibility tree, not Playwright's own
computation: tests/keyboard_in_jupyterlab.md), and using a control by keys alone.

Typing goes to a field focused as Tab focuses it (``locator.focus()``): after a Playwright
*mouse* click on a field with a list, headless Chromium's list pop-up takes the key events
(tests/keyboard_in_jupyterlab.md), which a real keyboard does not.
"""

from __future__ import annotations

NOTEBOOK_STATE = """() => {
    const notebook = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
    const cells = [...notebook.querySelectorAll('.jp-Cell')];
    return {cells: cells.length,
            active: cells.findIndex(c => c.classList.contains('jp-mod-active'))};
}"""

# Command-mode shortcuts of the notebook that a letter or arrow pressed on a control would
# fire if it reached the notebook: insert a cell above / below, copy it, select the next or
# previous cell, move the active cell.
LETTER_SHORTCUTS = ("a", "b", "c", "j", "k")
ARROW_SHORTCUTS = ("ArrowDown", "ArrowUp")


def first_letters(label: str, labels: list[str]) -> str | None:
    """The fewest first letters that name ``label`` alone among ``labels`` (what a reader
    would type into a ``Choice`` field), or None when no beginning does."""
    from casebook.widgets.controls import matching_labels

    return next((label[:end] for end in range(1, len(label) + 1)
                 if matching_labels(label[:end], labels) == [label]), None)


def notebook_state(page) -> dict:
    """The open notebook's number of cells and the index of its active cell."""
    return page.evaluate(NOTEBOOK_STATE)


def bring_into_view(page, element) -> None:
    """Scroll ``element`` into the viewport. Right after a run the notebook may still be laying
    out its cells, and a first scroll can leave it below the fold; Chromium leaves an element
    out of view out of its accessibility tree."""
    for _ in range(10):
        element.scroll_into_view_if_needed()
        box = element.bounding_box()
        if box and 0 <= box["y"] <= page.viewport_size["height"] - box["height"]:
            return
        page.wait_for_timeout(300)
    raise AssertionError(f"the element stays out of view at {element.bounding_box()}")


def chromium_name_and_value(page, locator) -> tuple[str, str, str]:
    """The role, accessible name and value Chromium itself computes for the element (its
    accessibility tree, through the DevTools protocol). The element is scrolled into view
    first: the notebook leaves cells out of view out of the tree."""
    bring_into_view(page, locator)
    locator.evaluate("element => element.setAttribute('data-casebook-probe', '')")
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("Accessibility.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root,
                                                  "selector": "[data-casebook-probe]"})
        tree = session.send("Accessibility.getPartialAXTree",
                            {"nodeId": node["nodeId"], "fetchRelatives": False})
    finally:
        session.detach()
        locator.evaluate("element => element.removeAttribute('data-casebook-probe')")
    own = next(n for n in tree["nodes"] if not n.get("ignored"))
    return (own["role"]["value"], own.get("name", {}).get("value", ""),
            str(own.get("value", {}).get("value", "")))


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def type_and_enter(page, field, text: str) -> None:
    """Focus ``field`` as Tab does, replace what it holds by ``text`` and press Enter: every
    key a key press, as a keyboard gives them."""
    field.focus()
    page.keyboard.press("Control+a")  # select what the field holds (a notebook shortcut too)
    page.keyboard.press("Backspace")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def press_shortcuts_in(page, field, arrows: bool = True) -> None:
    """Press the notebook's letter shortcuts (and arrows) on a focused text field, then take
    the letters back out again (Backspace): a field keeps them, the notebook must not see
    them. Arrows are left out for number fields, where they change the value."""
    field.focus()
    page.keyboard.press("End")
    for key in LETTER_SHORTCUTS:
        page.keyboard.press(key)
    for _ in LETTER_SHORTCUTS:
        page.keyboard.press("Backspace")
    if arrows:
        for key in ARROW_SHORTCUTS:
            page.keyboard.press(key)
        page.keyboard.press("Escape")  # closes the field's list if the arrows opened it


def wait_for_text(page, locator, text: str, timeout: int = 20_000) -> None:
    """Wait until the element's text contains ``text``."""
    page.wait_for_function("([element, text]) => element.textContent.includes(text)",
                           arg=[locator.element_handle(), text], timeout=timeout)


def wait_for_change(page, locator, attribute: str, before: str, timeout: int = 20_000) -> None:
    """Wait until the element's ``attribute`` differs from ``before``."""
    page.wait_for_function(
        "([element, name, before]) => element.getAttribute(name) !== before",
        arg=[locator.element_handle(), attribute, before], timeout=timeout)
