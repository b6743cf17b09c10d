"""A JupyterLab server for the course's browser tests and benchmarks: started on a folder at
a free local port with no token, and waited for until it answers.

Learners never need it; it lives in the package so that the tests and ``benchmarks/`` start
JupyterLab one way.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path


def free_port() -> int:
    """A TCP port on this machine that nothing listens on now.

    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_jupyterlab(root: Path, log=subprocess.DEVNULL, extra_args: Sequence[str] = (),
                     env: Mapping[str, str] | None = None,
                     wait_seconds: float = 60) -> tuple[subprocess.Popen, str]:
    """Start JupyterLab serving ``root`` (its workspaces kept in ``root/workspaces``), writing
    its log to ``log``; return the process and its address once ``/api/status`` answers.
    Raises RuntimeError, the server stopped, if it does not answer within ``wait_seconds``."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
         f"--ServerApp.root_dir={root}", f"--LabApp.workspaces_dir={root / 'workspaces'}",
         *extra_args],
        stdout=log, stderr=subprocess.STDOUT, cwd=root, env=None if env is None else dict(env))
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.5)
    server.terminate()
    server.wait(timeout=30)
    raise RuntimeError(f"JupyterLab did not answer at {url} within {wait_seconds:.0f} s")
