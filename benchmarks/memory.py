"""Measure how much memory a learner's kernels and server take, each lesson against a floor
measured in the same run.

    python benchmarks/memory.py [--repeats 2]

1. The floor: a fresh kernel runs one cell that only imports the course's libraries and loads
   the case (``IMPORTS_ONLY`` of ``run_benchmarks.py``). Then every ready lesson, each in a
   fresh kernel. For each, the kernel process's peak resident memory (``VmHWM`` in
   ``/proc/<pid>/status``, read just before the kernel is shut down) and its ratio to the
   floor; and the seconds its cells take to run, against the floor's. The course's target:
   every lesson's memory within 1.3x the floor.
2. A student: one JupyterLab server from this environment, every ready lesson run through it
   (each in its own kernel, as opening each lesson in JupyterLab does), every kernel kept
   alive to the end. Printed: the server's peak, the kernels' current and peak memory, and
   the total a student's server needs with every lesson open (server peak + every kernel's
   peak: an upper bound, as if every kernel were at its peak at once) and with one lesson at
   a time (server peak + the largest lesson's kernel peak), each also times 30 for a class.
Figures are medians over ``--repeats`` runs, in MB (10^6 bytes); nothing is asserted.
Linux only (it reads ``/proc``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from run_benchmarks import IMPORTS_ONLY  # noqa: E402

from casebook.build import ready_lessons  # noqa: E402
from casebook.lab_server import start_jupyterlab  # noqa: E402
from casebook.refresh import CurrentEnvironmentKernel  # noqa: E402

TARGET = 1.3  # every lesson's kernel peak within this ratio of the floor's
CLASS_SIZE = 30


def proc_memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now (``VmRSS``) and at its peak (``VmHWM``) of a process, in MB.

    >>> import os
    >>> sorted(proc_memory_mb(os.getpid()))
    ['VmHWM', 'VmRSS']
    """
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0]) * 1024 / 1e6  # the kernel reports kB (KiB)
    return found


def ready_notebooks() -> list[Path]:
    """The ready lessons of ``lessons.csv``, in its order."""
    return [REPO / "notebooks" / row["notebook"] for row in ready_lessons(REPO)]


def kernel_peak_mb(notebook) -> tuple[float, float]:
    """Run a notebook in a fresh kernel; return the kernel process's peak resident memory (MB)
    and the seconds its cells took to run (kernel start-up not counted)."""
    from nbclient import NotebookClient

    client = NotebookClient(notebook, kernel_manager_class=CurrentEnvironmentKernel,
                            timeout=600, resources={"metadata": {"path": str(REPO / "notebooks")}})
    with client.setup_kernel():
        start = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        return proc_memory_mb(client.km.provisioner.pid)["VmHWM"], seconds


# -- a student: every lesson through one JupyterLab server ------------------------------------
def request(url: str, method: str = "GET", body: dict | None = None) -> dict | str:
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method),
                                timeout=60) as response:
        text = response.read().decode()
    return json.loads(text) if response.headers.get_content_type() == "application/json" \
        else text


async def run_cells_over_websocket(ws_url: str, cells: list[str]) -> None:
    """Send each cell to a kernel as the browser does and wait for its reply."""
    from tornado.websocket import websocket_connect

    connection = await websocket_connect(ws_url, max_message_size=1 << 30)
    session = uuid.uuid4().hex
    for code in cells:
        msg_id = uuid.uuid4().hex
        await connection.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "student", "session": session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        while True:
            message = await connection.read_message()
            if message is None:
                raise RuntimeError("the kernel's websocket closed")
            if isinstance(message, bytes):  # binary frames carry widget buffers
                continue
            reply = json.loads(message)
            if (reply.get("msg_type") == "execute_reply"
                    and reply["parent_header"].get("msg_id") == msg_id):
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(f"a cell failed: {reply['content'].get('ename')}")
                break
    connection.close()


def student_server(notebooks: list[Path]) -> dict[str, float]:
    """One JupyterLab server, every lesson run in its own kernel, all kept alive."""
    root = Path(tempfile.mkdtemp(prefix="casebook-memory-"))
    for folder in ("notebooks", "lessons_data", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    log = open(root / "server.log", "w")  # noqa: SIM115 - closed below
    try:
        # A script, not a browser, posts to the API: no XSRF cookie to send.
        server, url = start_jupyterlab(root, log, ["--ServerApp.disable_check_xsrf=True"],
                                       wait_seconds=120)
    except RuntimeError as error:
        log.close()
        raise RuntimeError(f"{error}:\n" + (root / "server.log").read_text()) from None
    try:
        request(f"{url}/lab")  # what a browser loads first: the page and every setting
        request(f"{url}/lab/api/settings")
        kernel_pids = []
        for path in notebooks:
            session = request(f"{url}/api/sessions", "POST", {
                "path": f"notebooks/{path.name}", "type": "notebook", "name": path.name,
                "kernel": {"name": "python3"}})
            kernel_id = session["kernel"]["id"]
            cells = [cell.source for cell in nbformat.read(path, as_version=4).cells
                     if cell.cell_type == "code"]
            asyncio.run(run_cells_over_websocket(
                f"ws{url.removeprefix('http')}/api/kernels/{kernel_id}/channels", cells))
            kernel_pids.append(kernel_pid(server.pid, kernel_id))
        kernels = [proc_memory_mb(pid) for pid in kernel_pids]
        return {"server peak": proc_memory_mb(server.pid)["VmHWM"],
                "kernels now": sum(k["VmRSS"] for k in kernels),
                "kernels peak": sum(k["VmHWM"] for k in kernels)}
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


def kernel_pid(server_pid: int, kernel_id: str) -> int:
    """The server's child process whose command line names this kernel's connection file."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    for pid in children:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if any(kernel_id.encode() in part for part in command):
            return int(pid)
    raise RuntimeError(f"no process of the server runs kernel {kernel_id}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="runs to take the median of")
    repeats = parser.parse_args().repeats
    notebooks = ready_notebooks()
    floor_notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS_ONLY)])
    runs: dict[str, list[float]] = {}
    times: dict[str, list[float]] = {}
    students: list[dict[str, float]] = []
    for _ in range(repeats):
        for name, notebook in [("floor", nbformat.from_dict(floor_notebook))] + [
                (path.name, nbformat.read(path, 4)) for path in notebooks]:
            peak, seconds = kernel_peak_mb(notebook)
            runs.setdefault(name, []).append(peak)
            times.setdefault(name, []).append(seconds)
        students.append(student_server(notebooks))
    floor = statistics.median(runs["floor"])
    floor_time = statistics.median(times["floor"])
    print(f"kernel peak resident memory and run time, median of {repeats} run(s); "
          f"memory target <= {TARGET}x floor")
    print(f"{'notebook':40} {'peak MB':>8} {'x floor':>8} {'run s':>7} {'x floor':>8}")
    for name, peaks in runs.items():
        peak, seconds = statistics.median(peaks), statistics.median(times[name])
        flag = "" if peak / floor <= TARGET else f"  memory over {TARGET}x"
        print(f"{name:40} {peak:8.0f} {peak / floor:8.2f} {seconds:7.1f} "
              f"{seconds / floor_time:8.1f}{flag}")
    student = {key: statistics.median(s[key] for s in students) for key in students[0]}
    all_open = student["server peak"] + student["kernels peak"]
    largest = max(statistics.median(peaks) for name, peaks in runs.items() if name != "floor")
    one_at_a_time = student["server peak"] + largest
    print(f"a student, every lesson open in one JupyterLab: server peak "
          f"{student['server peak']:.0f} MB; {len(notebooks)} kernels "
          f"{student['kernels now']:.0f} MB now, {student['kernels peak']:.0f} MB at their peaks; "
          f"total {all_open:.0f} MB (server peak + kernel peaks)")
    print(f"a student, one lesson at a time: {one_at_a_time:.0f} MB "
          f"(server peak + the largest lesson kernel peak)")
    print(f"a class of {CLASS_SIZE}: {CLASS_SIZE * one_at_a_time / 1000:.1f} GB one lesson at a "
          f"time each, {CLASS_SIZE * all_open / 1000:.1f} GB every lesson open")


if __name__ == "__main__":
    main()
