"""Controls that work by keyboard alone in JupyterLab and that a screen reader names.

In JupyterLab 4 a menu (``Dropdown``), radio or toggle buttons lose their arrow keys and letters
to the notebook's shortcuts (``a`` inserts a cell), and a slider has no accessible name. A text
field keeps every key (the notebook leaves its shortcuts alone while a ``:read-write`` element
has focus, and ipywidgets stops the field's key events) and is named by its ``description``.
``tests/keyboard_in_jupyterlab.md`` has the measurements. So the course's widgets use:

- ``Choice``: one of a few labelled values, in a text field whose list holds the labels (an
  ``ipywidgets.Combobox``). A reader types a label, or its first letters, and presses Enter, or
  empties the field and picks it from the list (Down arrow, or a click: the list shows only
  the labels that hold what the field holds); the kernel reads what was typed
  (``matching_labels``), writes the whole label back into the field, and says in one sentence
  when the text names no label or several, keeping the last choice meanwhile.
- ``number_field``: a named number field beside a slider and linked to it, for readers who type
  a value or use a screen reader (it also replaces the slider's unnamed readout).

>>> choice = Choice([("First", 1), ("Second", 2)], value=1, description="Order")
>>> choice.field.value = "sec"   # what a reader typed, sent on Enter
>>> choice.value, choice.field.value, choice.message.value
(2, 'Second', '')
"""

from __future__ import annotations

import html
import re
from collections.abc import Hashable, Iterable

import ipywidgets as widgets
import traitlets

# A message names every label when there are at most this many; longer lists point to the
# field's own list instead.
LISTED_LABELS = 8
KEYS_STYLE = "font-size:12px;color:#333;margin:2px 0 6px"


def loose(text: str) -> str:
    """``text`` as it is compared with a label: any case, spaces collapsed, typographic
    apostrophes straight, the multiplication sign as the letter x.

    >>> loose("  Kim Jong-un’s   SUCCESSION ")
    "kim jong-un's succession"
    >>> loose("Peace ×3")
    'peace x3'
    """
    text = str(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u00d7", "x")
    return re.sub(r"\s+", " ", text).strip().casefold()


def short_form(label: str) -> str:
    """A label without a trailing remark in brackets, which a reader may leave out.

    >>> short_form("The crisis (2016-2017)")
    'The crisis'
    >>> short_form("(your own weights)")
    '(your own weights)'
    """
    return re.sub(r"\s*\([^()]*\)\s*$", "", label) or label


def matching_labels(text: str, labels: Iterable[str]) -> list[str]:
    """The labels that ``text`` names, compared ``loose``-ly: the label it spells whole (or
    without its trailing bracket), else the labels that begin with it, else those with a word
    that begins with it. One label is a choice; none or several is a question for the reader.

    >>> labels = ["North Korea", "South Korea", "Japan (observer)"]
    >>> matching_labels("japan", labels), matching_labels("s", labels)
    (['Japan (observer)'], ['South Korea'])
    >>> matching_labels("korea", labels), matching_labels("Peru", labels)
    (['North Korea', 'South Korea'], [])
    """
    wanted = loose(text)
    labels = list(labels)
    if not wanted:
        return []
    for form in (lambda label: loose(label), lambda label: loose(short_form(label))):
        whole = [label for label in labels if form(label) == wanted]
        if whole:
            return whole
    starting = [label for label in labels if loose(label).startswith(wanted)]
    if starting:
        return starting
    return [label for label in labels
            if re.search(r"(^|[\s(\-'])" + re.escape(wanted), loose(label))]


def _either(labels: list[str], word: str) -> str:
    """Labels joined for a sentence: 'A', 'A or B', 'A, B or C'.

    >>> _either(["A", "B", "C"], "or")
    'A, B or C'
    """
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + f" {word} " + labels[-1]


def problem_sentence(text: str, found: list[str], labels: list[str], kind: str,
                     current: str) -> str:
    """What the reader is told when ``text`` names no label, or several.

    >>> problem_sentence("Peru", [], ["Chile", "Japan"], "focus actor", "Chile")
    '“Peru” is no focus actor here: type Chile or Japan (or its first letters) and press Enter, or empty the field and pick one from its list. Still showing Chile.'
    >>> problem_sentence("korea", ["North Korea", "South Korea"], [], "focus actor", "Chile")
    '“korea” could be North Korea or South Korea: type more of it and press Enter. Still showing Chile.'
    """  # noqa: E501 - the doctest shows whole sentences
    if found:
        return (f"“{text.strip()}” could be {_either(found, 'or')}: type more of it and press "
                f"Enter. Still showing {current}.")
    names = (f"type {_either(labels, 'or')} (or its first letters) and press Enter"
             if len(labels) <= LISTED_LABELS else
             "type its first letters and press Enter")
    return (f"“{text.strip()}” is no {kind} here: {names}, or empty the field and pick one "
            f"from its list. Still showing {current}.")


class Choice(widgets.VBox):
    """One of a few values, each with a label, chosen in a text field that keeps its keys.

    ``options`` are (label, value) pairs, as for ``ipywidgets.Dropdown``; ``value`` is the value
    chosen (set it to choose from code); ``label`` its label. ``description`` names the field
    for a screen reader and is shown beside it unless ``hide_name`` (then the name is there for
    the screen reader only, e.g. where the row's own text says it). ``kind`` is what one
    option is, for messages (default: the description in lower case). ``blank`` is the value
    an emptied field means; without it, an emptied field goes back to the label chosen.
    ``note`` is HTML shown under the field (e.g. ``keys_html``: which keys work).
    """

    value = traitlets.Any()

    def __init__(self, options: Iterable[tuple[str, Hashable]], value: Hashable,
                 description: str, *, kind: str | None = None, blank: Hashable = None,
                 hide_name: bool = False, width: str = "420px",
                 description_width: str = "initial", note: str = ""):
        self._options = [(str(label), option) for label, option in options]
        labels = [label for label, _ in self._options]
        if len(set(labels)) != len(labels):
            raise ValueError(f"the labels of {description!r} repeat: {labels}")
        self._label_of = {option: label for label, option in self._options}
        self.kind = kind or description.lower()
        self.blank = blank
        self._writing = False  # the kernel is writing the field: not a reader's entry
        self.field = widgets.Combobox(
            value=self._label_of[value], options=labels, description=description,
            ensure_option=False, continuous_update=False,
            style={"description_width": "0px" if hide_name else description_width},
            layout=widgets.Layout(width=width))
        self.field.add_class("casebook-choice")
        self.message = widgets.HTML(layout=widgets.Layout(margin="0"))
        # A field as wide as the box overflows it by its margins: no scroll bar for that.
        super().__init__([self.field, self.message] + ([widgets.HTML(note)] if note else []),
                         layout=widgets.Layout(overflow="visible"))
        self.value = value
        self.field.observe(self._typed, names="value")
        self.observe(self._chosen, names="value")

    @traitlets.validate("value")
    def _known(self, proposal):
        if proposal["value"] not in self._label_of:
            raise traitlets.TraitError(
                f"{proposal['value']!r} is not one of the values of {self.description!r}: "
                f"{list(self._label_of)}")
        return proposal["value"]

    @property
    def options(self) -> list[tuple[str, Hashable]]:
        """The (label, value) pairs, in the order of the field's list."""
        return list(self._options)

    @property
    def label(self) -> str:
        """The label of the value chosen."""
        return self._label_of[self.value]

    @property
    def description(self) -> str:
        """The field's name (what a screen reader announces)."""
        return self.field.description

    def _write(self, text: str) -> None:
        self._writing = True
        try:
            self.field.value = text
        finally:
            self._writing = False

    def _typed(self, change) -> None:
        if self._writing:
            return
        text = change["new"]
        labels = [label for label, _ in self._options]
        if not text.strip():
            self.message.value = ""
            if self.blank is not None:
                self.value = self.blank
            self._write(self.label)
            return
        found = matching_labels(text, labels)
        if len(found) == 1:
            self.message.value = ""
            self.value = dict(self._options)[found[0]]
            self._write(found[0])  # "jap" becomes "Japan" in the field too
            return
        self.message.value = ("<p role='status' style='margin:0 0 4px'>"
                              + html.escape(problem_sentence(text, found, labels, self.kind,
                                                             self.label)) + "</p>")

    def _chosen(self, change) -> None:
        self.message.value = ""
        self._write(self._label_of[change["new"]])


def number_field(slider: widgets.IntSlider | widgets.FloatSlider, name: str,
                 width: str = "90px") -> widgets.BoundedIntText | widgets.BoundedFloatText:
    """A number field named ``name`` (for a screen reader: the name is not shown, as the
    slider's description shows it), linked to ``slider`` both ways, in place of the slider's
    readout; it keeps the slider's bounds and step, and clamps a value typed outside them.

    >>> slider = widgets.FloatSlider(value=2.5, min=0, max=10, step=0.5, description="Peace")
    >>> field = number_field(slider, "Peace")
    >>> field.value = 4.0   # typed and Enter
    >>> slider.value, slider.readout, field.description
    (4.0, False, 'Peace')
    >>> slider.value = 1.5   # the slider moved
    >>> field.value
    1.5
    """
    kind = (widgets.BoundedIntText if isinstance(slider, widgets.IntSlider)
            else widgets.BoundedFloatText)
    field = kind(value=slider.value, min=slider.min, max=slider.max, step=slider.step,
                 description=name, style={"description_width": "0px"},
                 layout=widgets.Layout(width=width))
    field.add_class("casebook-number")
    slider.readout = False
    widgets.link((slider, "value"), (field, "value"))
    return field


def keys_note(sentence: str) -> widgets.HTML:
    """A widget's line that says which keys work on it.

    >>> keys_note("Tab moves on.").value
    '<p style="font-size:12px;color:#333;margin:2px 0 6px"><b>Keys:</b> Tab moves on.</p>'
    """
    return widgets.HTML(keys_html(sentence))


def keys_html(sentence: str) -> str:
    """The HTML of ``keys_note`` (also for a widget's static view)."""
    return f'<p style="{KEYS_STYLE}"><b>Keys:</b> {sentence}</p>'


def choice_keys(names: list[str]) -> str:
    """The part of a keys sentence that says how ``Choice`` fields named ``names`` work.

    >>> choice_keys(["Period", "Focus actor"])
    "in <i>Period</i> and <i>Focus actor</i>, type a choice's first letters and press Enter, or empty the field and press Down (or click it) to pick from its list"
    """  # noqa: E501 - the doctest shows the whole line
    fields = _either([f"<i>{html.escape(name)}</i>" for name in names], "and")
    return (f"in {fields}, type a choice's first letters and press Enter, or empty the field "
            "and press Down (or click it) to pick from its list")
