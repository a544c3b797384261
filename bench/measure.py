"""Time and peak memory of a command run as a child process, with its worker processes.

The peak is the largest, over samples every 0.1 s, of the summed proportional set
size (PSS: pages shared between the processes counted once) of the child and
all its descendants, and of the child's own peak resident set (``VmHWM``).  Not
``ru_maxrss`` from ``wait4``: Linux carries the forking parent's peak into the
child's across ``exec``, so a benchmark holding a generated corpus would read
its own size as every step's floor; and a command's worker processes would not
be counted.

Run as a script, it measures one command (output thrown away) and prints its
wall time, that peak (with ``--unique``, the peak of the summed unique set
sizes instead, sampled: the private pages alone, which other processes mapping
the same libraries do not move as they move the PSS), and the processor seconds
(user + system) of the command's own process and of its descendants (worker
processes), as last seen while they ran, with the load average: figures that a
machine busy with other work moves less than the wall time.  A baseline is measured by running it with the other
version first on ``PYTHONPATH`` (the child inherits it)::

    python bench/measure.py -- python -m claimtrack clusters corpus.jsonl --format jsonl --quiet
    PYTHONPATH=BASE_CHECKOUT python bench/measure.py -- python -m claimtrack clusters ...
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
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
    return _summed_mb(pids, ("Pss",))


def _uss_mb(pids: list[int]) -> float:
    """The summed unique set size of processes: their private pages alone, which
    other processes mapping the same files (another Python run beside) do not move."""
    return _summed_mb(pids, ("Private_Clean", "Private_Dirty"))


def _summed_mb(pids: list[int], fields: tuple[str, ...]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in fields:
                    total += int(value.split()[0])
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


def _cpu_seconds(pid: int) -> float | None:
    """A process's user + system seconds so far (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def observed(command: list[str], *, unique: bool = False) -> dict[str, float]:
    """Run ``command`` (output thrown away): wall seconds, peak MB (as :func:`measured`;
    with ``unique``, of the summed unique set sizes alone), the processor seconds of
    its own process and of its descendants, and its exit status."""
    start = time.perf_counter()
    peak = 0.0
    cpu: dict[int, float] = {}
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(command, stdout=sink)
        while True:
            pid, status, _ = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            family = _descendants(child.pid)
            if unique:  # sampled alone: the command's own peak counts its shared pages
                peak = max(peak, _uss_mb(family))
            else:
                peak = max(peak, _pss_mb(family), _hwm_mb(child.pid))
            for member in family:
                seconds = _cpu_seconds(member)
                if seconds is not None:
                    cpu[member] = seconds
            time.sleep(0.1)
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": time.perf_counter() - start,
        "peak": peak,
        "main_cpu": cpu.get(child.pid, 0.0),
        "other_cpu": sum(v for k, v in cpu.items() if k != child.pid),
        "status": child.returncode,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="+", help="the command, after --")
    parser.add_argument(
        "--unique",
        action="store_true",
        help="peak of the summed unique set sizes (private pages), not of the PSS",
    )
    args = parser.parse_args(argv)
    found = observed(args.command, unique=args.unique)
    load = os.getloadavg()[0]
    print(
        f"wall {found['wall']:.1f} s, peak {found['peak']:.0f} MB, processor: command "
        f"{found['main_cpu']:.1f} s, its workers {found['other_cpu']:.1f} s; "
        f"load average {load:.1f}; exit {found['status']}"
    )
    return int(found["status"])


if __name__ == "__main__":
    sys.exit(main())
