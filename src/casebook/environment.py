"""Is this Python environment the one the course was tested in?

>>> environment_report().splitlines()[0]
'Python: fine (3.11 or newer)'
"""

from __future__ import annotations

import sys
from importlib import metadata

from packaging.requirements import Requirement

MINIMUM_PYTHON = (3, 11)
FIX = 'pip install -e ".[test]"   (run in the folder that holds pyproject.toml)'


def pinned_requirements(extras: tuple[str, ...] = ()) -> list[Requirement]:
    """The course's pinned packages, read from the installed casebook's own metadata, so
    that pyproject.toml stays the one place where versions are written."""
    found = []
    for text in metadata.requires("casebook") or []:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or any(marker.evaluate({"extra": extra}) for extra in extras):
            found.append(requirement)
    return found


def check_packages(extras: tuple[str, ...] = ()) -> list[tuple[str, str, str | None, bool]]:
    """(package, wanted version, installed version or None, matches) for each pin."""
    rows = []
    for requirement in pinned_requirements(extras):
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            installed = None
        wanted = str(requirement.specifier)
        ok = installed is not None and requirement.specifier.contains(installed, prereleases=True)
        rows.append((requirement.name, wanted, installed, ok))
    return rows


def environment_report(extras: tuple[str, ...] = ()) -> str:
    """A plain-language report: what is fine, what is missing, and the command that fixes it."""
    version = sys.version_info
    python_ok = version[:2] >= MINIMUM_PYTHON
    # The exact version is left out when it is fine, so the stored output is the same on
    # every supported Python.
    lines = ["Python: fine (3.11 or newer)" if python_ok else
             f"Python {version.major}.{version.minor}: too old; the course needs 3.11 or newer"]
    try:
        rows = check_packages(extras)
    except metadata.PackageNotFoundError:
        lines.append("The course package 'casebook' is not installed. Fix: " + FIX)
        return "\n".join(lines)
    problems = [r for r in rows if not r[3]]
    for name, wanted, installed, _ in problems:
        state = "missing" if installed is None else f"version {installed} installed"
        lines.append(f"{name}: {state}, the course was tested with {wanted}")
    if problems:
        lines.append("Fix: " + FIX)
    else:
        lines.append(f"All {len(rows)} course packages are installed at the tested versions.")
    return "\n".join(lines)
