"""ruff over the code and the notebooks, as part of the one test command."""

import subprocess
import sys

from conftest import REPO


def test_ruff_finds_nothing_in_code_and_notebooks():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache",
                             "--output-format", "concise", str(REPO)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
