"""Is this Python environment the one the course was tested in?

``casebook check`` and the environment cell of lesson 00 both print ``environment_report()``,
so a learner gets the same advice in a terminal and in a notebook. This module needs the
standard library only: it has to work when the packages it checks for are missing.

>>> environment_report().splitlines()[0]
'Python: fine (3.11 or newer)'
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

MINIMUM_PYTHON = (3, 11)
# pyproject.toml pins every package exactly (tests/test_environment.py checks); an installed
# package's metadata writes each pin as 'name==version' or 'name==version; extra == "test"'.
EXACT_PIN = re.compile(r"""^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*(?P<version>[^\s;]+)
                           \s*(?:;\s*extra\s*==\s*["'](?P<extra>[A-Za-z0-9._-]+)["'])?\s*$""",
                       re.X)
# Where the course's pyproject.toml is when casebook runs from its source folder (src layout).
COURSE_FOLDER = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Pin:
    """One package the course pins, and the version of it installed here (None: missing)."""

    name: str
    version: str
    installed: str | None

    @property
    def ok(self) -> bool:
        return self.installed is not None and same_version(self.installed, self.version)

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


@dataclass(frozen=True)
class EnvironmentCheck:
    """The verdict (``ok``) and the report to print, which ends with the fix if not ok."""

    ok: bool
    report: str


def same_version(installed: str, wanted: str) -> bool:
    """Whether ``installed`` is the version that ``==wanted`` asks for (3.6 is 3.6.0).

    >>> same_version("3.6.0", "3.6"), same_version("3.6.1", "3.6"), same_version("2.0rc1", "2.0")
    (True, False, False)
    """

    def normal(version: str) -> tuple[int, ...] | str:
        version = version.strip().lower()
        if not re.fullmatch(r"\d+(\.\d+)*", version):
            return version
        release = [int(part) for part in version.split(".")]
        while len(release) > 1 and release[-1] == 0:
            release.pop()
        return tuple(release)

    return normal(installed) == normal(wanted)


def running_in_ipython() -> bool:
    """True inside an IPython kernel or shell, where ``%pip`` installs into this very Python
    (a bare ``pip`` may belong to another one)."""
    ipython = sys.modules.get("IPython")
    get_ipython = getattr(ipython, "get_ipython", None)
    return get_ipython is not None and get_ipython() is not None


def install_command(arguments: list[str], in_notebook: bool) -> str:
    """The pip command that installs ``arguments`` into the Python running this code.

    >>> install_command(["networkx==3.6.1", "pandas==3.1.1"], in_notebook=True)
    '%pip install "networkx==3.6.1" "pandas==3.1.1"'
    >>> install_command(["-e", "/home/ana/my course"], in_notebook=False).split(" -m ")[1]
    'pip install -e "/home/ana/my course"'
    """
    words = [quote(argument) for argument in arguments]
    pip = "%pip" if in_notebook else f"{quote(sys.executable)} -m pip"
    return " ".join([pip, "install", *words])


def quote(word: str) -> str:
    """``word`` in double quotes if a shell would split or redirect it (double quotes work
    in the shells of Linux, macOS and Windows alike).

    >>> quote("-e"), quote("pandas==3.1.1")
    ('-e', '"pandas==3.1.1"')
    """
    return f'"{word}"' if re.search(r"[\s=<>|&;()]", word) else word


def fix_lines(command: str, in_notebook: bool) -> list[str]:
    """How to run ``command``, then the command alone on its line, ready to copy."""
    if in_notebook:
        return ["Fix: run this in a new code cell, then use Kernel ▸ Restart Kernel and run "
                "this lesson again:", command]
    return ["Fix: run this in a terminal, then check again:", command]


def installed_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def course_pins(extras: tuple[str, ...] = ()) -> list[Pin]:
    """The course's pinned packages (the runtime ones, and those of ``extras``), read from the
    installed casebook's own metadata, so that pyproject.toml stays the one place where
    versions are written. Raises metadata.PackageNotFoundError if casebook is not installed."""
    pins = []
    for text in metadata.requires("casebook") or []:
        match = EXACT_PIN.match(text)
        if match is None:
            raise ValueError(f"casebook requires {text!r}, which is not an exact pin "
                             "'name==version': pin it in pyproject.toml")
        if match["extra"] is None or match["extra"] in extras:
            pins.append(Pin(match["name"], match["version"], installed_version(match["name"])))
    return pins


def check_environment(extras: tuple[str, ...] = (), in_notebook: bool | None = None,
                      python: tuple[int, int] | None = None) -> EnvironmentCheck:
    """Check Python and every pinned package; the report names each problem and ends with
    one command that installs the exact tested versions. ``in_notebook`` (default: detect)
    chooses ``%pip``, which installs into the running kernel, over ``python -m pip``."""
    if in_notebook is None:
        in_notebook = running_in_ipython()
    major, minor = python or sys.version_info[:2]
    python_ok = (major, minor) >= MINIMUM_PYTHON
    # The exact version is left out when it is fine, so the stored output is the same on
    # every supported Python.
    lines = ["Python: fine (3.11 or newer)" if python_ok else
             f"Python {major}.{minor}: too old; the course needs 3.11 or newer. Install a "
             "newer Python, then set up the course again with it."]
    try:
        pins = course_pins(extras)
    except metadata.PackageNotFoundError:
        lines.append("The course package 'casebook' is not installed in this Python.")
        folder = str(COURSE_FOLDER) if (COURSE_FOLDER / "pyproject.toml").is_file() else "."
        lines += fix_lines(install_command(["-e", folder], in_notebook), in_notebook)
        return EnvironmentCheck(ok=False, report="\n".join(lines))
    problems = [pin for pin in pins if not pin.ok]
    for pin in problems:
        state = "missing" if pin.installed is None else f"version {pin.installed} installed"
        lines.append(f"{pin.name}: {state}, the course was tested with {pin.version}")
    if problems:
        command = install_command([pin.requirement for pin in problems], in_notebook)
        lines += fix_lines(command, in_notebook)
    else:
        lines.append(f"All {len(pins)} course packages are installed at the tested versions.")
    return EnvironmentCheck(ok=python_ok and not problems, report="\n".join(lines))


def environment_report(extras: tuple[str, ...] = (), in_notebook: bool | None = None) -> str:
    """The report of ``check_environment``: what is fine, what is missing, and the fix."""
    return check_environment(extras, in_notebook).report
