"""Measure whole `mkdocs build` processes, one `mkdocs serve` rebuild, and the plugin inside.

Each build is a fresh process; its CPU time (user + sys) and peak memory (ru_maxrss) come
from `os.wait4`, i.e. from that child alone.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + sys of the child
    rss_mib: float  # peak resident set of the child


def build(site: Path) -> Run:
    """One `mkdocs build` of `site` as its own process; fails loudly if the build fails."""
    log = site / "build.log"
    with log.open("w") as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"],
            cwd=site, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{site}: mkdocs build failed; see {log}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def serve_rebuild(site: Path, brief: Path, edits: int = 2) -> list[float]:
    """Seconds from saving an edit of `brief` to mkdocs serve's "Reloading browsers"."""
    with socket.socket() as probe_socket:  # a free port on the loopback interface
        probe_socket.bind(("127.0.0.1", 0))
        port = probe_socket.getsockname()[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml",
         "-a", f"127.0.0.1:{port}"],
        cwd=site, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []
    ready = threading.Condition()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            with ready:
                lines.append((time.perf_counter(), line))
                ready.notify_all()

    threading.Thread(target=read, daemon=True).start()
    original = brief.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(lines, ready, "Serving on", 0, child)
        for i in range(edits):
            seen = len(lines)
            time.sleep(1.0)
            brief.write_text(original + f"\n追記 {i}。\n", encoding="utf-8")
            saved = time.perf_counter()
            done = _wait_for(lines, ready, "Reloading browsers", seen, child)
            times.append(done - saved)
    finally:
        brief.write_text(original, encoding="utf-8")
        child.terminate()
        child.wait(timeout=30)
    return times


def _wait_for(lines, ready, text: str, start: int, child, timeout: float = 600) -> float:
    deadline = time.perf_counter() + timeout
    with ready:
        while True:
            for stamp, line in lines[start:]:
                if text in line:
                    return stamp
            if child.poll() is not None or time.perf_counter() > deadline:
                raise SystemExit(f"mkdocs serve: no '{text}'; output:\n"
                                 + "".join(line for _, line in lines[-30:]))
            ready.wait(timeout=1)


def probe(site: Path) -> dict[str, float]:
    """Time spent in the plugin during one build, and how often the .bib was parsed."""
    out = subprocess.run([sys.executable, "-m", "bench.probe", str(site)], env=ENV,
                         cwd=Path(__file__).resolve().parent.parent, capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"probe of {site} failed:\n{out.stderr[-3000:]}")
    last = out.stdout.strip().splitlines()[-1]
    parses, plugin, total = (float(x) for x in last.split())
    return {"parses": parses, "plugin": plugin, "total": total}
