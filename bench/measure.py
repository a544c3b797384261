"""Time and peak memory of a command run as a child process, with its worker processes.

The peak is the largest, over samples every 0.1 s, of the summed proportional set
size (PSS: pages shared between the processes counted once) of the child and
all its descendants, and of the child's own peak resident set (``VmHWM``).  Not
``ru_maxrss`` from ``wait4``: Linux carries the forking parent's peak into the
child's across ``exec``, so a benchmark holding a generated corpus would read
its own size as every step's floor; and a command's worker processes would not
be counted.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import IO


def _descendants(pid: int) -> list[int]:
    """A process and all its descendants (workers, a fork server and its children)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(parents.get(current, ()))
    return found


def _pss_mb(pids: list[int]) -> float:
    """The summed proportional set size of processes (shared pages counted once)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total / 1024


def _hwm_mb(pid: int) -> float:
    """A process's own peak resident set so far (``VmHWM``), 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measured(command: list[str], stdout: IO[bytes]) -> tuple[float, float, int]:
    """Run ``command``, its output to ``stdout``: wall seconds, peak MB and exit status."""
    start = time.perf_counter()
    peak = 0.0
    child = subprocess.Popen(command, stdout=stdout)
    while True:
        pid, status, _ = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _pss_mb(_descendants(child.pid)), _hwm_mb(child.pid))
        time.sleep(0.1)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait
    return time.perf_counter() - start, peak, child.returncode
