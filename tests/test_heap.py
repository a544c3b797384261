"""The C heap of the command's process and of its workers (claimtrack.heap)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimtrack import heap

GLIBC = heap._glibc() is not None and hasattr(heap._glibc(), "mallinfo2")

#: Run in a fresh process: a 4 MB buffer freed, then a 1 MB one made; prints
#: whether the 1 MB buffer got a mapping of its own (glibc's ``mallinfo2().hblks``
#: counts them).
_PROBE = """
import ctypes, sys
from claimtrack import heap
class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"
    ).split()]
libc = heap._glibc()
libc.mallinfo2.restype = Info
if sys.argv[1] == "steady":
    assert heap.steady_heap()
big = bytearray(4 << 20)
del big
before = libc.mallinfo2().hblks
small = bytearray(1 << 20)
print(libc.mallinfo2().hblks - before)
"""


def _mapped_after_a_larger_buffer_freed(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


@pytest.mark.skipif(not GLIBC, reason="the C library is not glibc 2.33 or newer")
def test_steady_heap_keeps_large_buffers_out_of_the_heap() -> None:
    # glibc alone raises its threshold to the 4 MB freed, so that the 1 MB buffer
    # comes from the heap, whose holes are not given back (0 here, in every run but
    # one of a full test run: that comparison is not asserted); steadied, it is
    # mapped apart
    assert _mapped_after_a_larger_buffer_freed("steady") == 1


def test_without_glibc_both_do_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_glibc", lambda: None)
    assert heap.steady_heap() is False
    assert heap.release_heap() is False


_HOLES = """
from claimtrack import heap
def resident():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 >> 20
blocks = [bytearray(20_000) for _ in range(4_000)]  # 80 MB, inside the heap
del blocks[::2]  # holes between the blocks that stay: glibc keeps them
before = resident()
released = heap.release_heap()
print(released, before - resident())
"""


@pytest.mark.skipif(not GLIBC, reason="the C library is not glibc 2.33 or newer")
def test_release_heap_gives_back_freed_pages() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _HOLES], capture_output=True, text=True, timeout=60, check=True
    )
    released, given_back_mb = done.stdout.split()
    assert released == "True"
    assert int(given_back_mb) >= 20  # of the 40 MB freed
