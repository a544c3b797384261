"""The C heap of a process that loads much and keeps most of it (glibc's malloc).

Python takes memory blocks over 512 bytes (lists, dicts and buffers of any size,
the pickled results of worker processes) from the C library's ``malloc``.
glibc serves large requests with a mapping of their own, returned to the system
when freed; but each time such a block is freed it raises the size from which it
maps, up to 32 MB, so that the next buffers of that size come from the heap
instead, where the holes they leave between objects that live on are not given
back.  On the 100k-claim reprint corpus of ``bench/bench_store.py`` that made the
main process of a one-shot run hold about 60 MB freed but not returned, and
each worker about 10 MB (bench/STORE.md, session 12).

:func:`steady_heap` keeps that size where it starts (128 KiB), as setting
``MALLOC_MMAP_THRESHOLD_`` would; :func:`release_heap` gives the freed pages in
the heap back.  Both change only how memory is held, never a result, and do
nothing where the C library is not glibc.  A library leaves its caller's heap
alone: the command line sets them for its own process, and the worker processes
claimtrack starts set :func:`steady_heap` for themselves.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from typing import Any

__all__ = ["release_heap", "steady_heap"]

#: ``M_MMAP_THRESHOLD`` of glibc's ``mallopt``.
_MMAP_THRESHOLD = -3
#: glibc's starting threshold: requests from this size on get mappings of their own.
_THRESHOLD = 128 * 1024


@functools.cache
def _glibc() -> Any | None:
    """The C library, if it is glibc (it has ``mallopt`` and ``malloc_trim``)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):
        return None
    return libc


def steady_heap() -> bool:
    """Keep glibc's mapping threshold at its start (see the module): large buffers
    freed are given back to the system.  True if it was set."""
    libc = _glibc()
    return libc is not None and libc.mallopt(_MMAP_THRESHOLD, _THRESHOLD) == 1


def release_heap() -> bool:
    """Give the heap's free pages back to the system (glibc's ``malloc_trim``).
    True if the C library could, and did, release memory."""
    libc = _glibc()
    return libc is not None and libc.malloc_trim(0) == 1
