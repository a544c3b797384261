"""What building the exchanges of ``compare="workers"`` costs the driver, by number of
partitions: the same task topology (two exchanges, each a pick of every map's
item for every destination, then four rounds that each take one item of every
partition's result) built with Dask's delayed calls, as ``claimtrack.dask`` did
before session 11, or as one dict graph (``claimtrack.dask._Tasks``), with
tiny stand-in tasks so that only the graph costs.

Usage::

    python bench/dask_graphs.py --way tasks --partitions 12 40 120
    python bench/dask_graphs.py --way delayed --partitions 12 24

Prints, for each number of partitions P, the driver's processor time to build
the graph and the wall time to build and compute it on a ``LocalCluster`` of two
worker processes.  Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any


def _part(i: int, n: int) -> list[int]:
    return [i] * n


def _map(part: list[int], n: int) -> list[int]:
    return [len(part)] * n


def _reduce(items: list[Any], *_: Any) -> list[int]:
    return [len(items)] * len(items)


def _step(part: Any, picks: list[Any], *_: Any) -> Any:
    return part


def _pick(items: Sequence[Any], k: int) -> Any:
    return items[k]


def with_delayed(parts: list[Any], n: int) -> list[Any]:
    """The topology built from delayed calls (claimtrack.dask before session 11)."""
    import dask

    pick = dask.delayed(_pick, pure=True)

    def shuffled(maps: list[Any], reduce: Callable[..., Any]) -> list[Any]:
        return [dask.delayed(reduce)([pick(m, d) for m in maps]) for d in range(len(maps))]

    def picked(maps: list[Any], k: int) -> list[Any]:
        return [pick(m, k) for m in maps]

    sent = [dask.delayed(_map)(p, n) for p in parts]
    roles = shuffled(sent, _reduce)
    assigned = [dask.delayed(_step)(p, picked(roles, i)) for i, p in enumerate(parts)]
    rows = [dask.delayed(_map)(p, n) for p in assigned]
    found = shuffled(rows, _reduce)
    joined = [dask.delayed(_step)(p, picked(found, i)) for i, p in enumerate(assigned)]
    selected = [dask.delayed(_step)(p, picked(joined, i)) for i, p in enumerate(assigned)]
    asked = [dask.delayed(_map)(s, n) for s in selected]
    served = [dask.delayed(_step)(p, picked(asked, i)) for i, p in enumerate(assigned)]
    return [dask.delayed(_step)(p, picked(served, i)) for i, p in enumerate(assigned)]


def with_tasks(parts: list[Any], n: int) -> list[Any]:
    """The same topology as one dict graph (claimtrack.dask._Tasks)."""
    from claimtrack.dask import _Tasks

    graph = _Tasks(parts)
    mine = [p.key for p in parts]
    sent = [graph.add("sent", i, _map, p, n) for i, p in enumerate(mine)]
    roles = graph.shuffled("roles", sent, _reduce)
    assigned = [
        graph.add("assigned", i, _step, p, graph.picked("roles", roles, i))
        for i, p in enumerate(mine)
    ]
    rows = [graph.add("rows", i, _map, p, n) for i, p in enumerate(assigned)]
    found = graph.shuffled("found", rows, _reduce)
    joined = [
        graph.add("joined", i, _step, p, graph.picked("found", found, i))
        for i, p in enumerate(assigned)
    ]
    selected = [
        graph.add("selected", i, _step, p, graph.picked("joined", joined, i))
        for i, p in enumerate(assigned)
    ]
    asked = [graph.add("asked", i, _map, s, n) for i, s in enumerate(selected)]
    served = [
        graph.add("served", i, _step, p, graph.picked("asked", asked, i))
        for i, p in enumerate(assigned)
    ]
    return graph.delayed(
        [
            graph.add("compared", i, _step, p, graph.picked("served", served, i))
            for i, p in enumerate(assigned)
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--way", choices=("delayed", "tasks"), required=True)
    parser.add_argument("--partitions", type=int, nargs="+", default=[12, 24])
    args = parser.parse_args()
    import dask
    from distributed import Client, LocalCluster

    import claimtrack.dask  # noqa: F401 (imported before the clock starts)

    build = with_delayed if args.way == "delayed" else with_tasks
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        for n in args.partitions:
            parts = client.persist([dask.delayed(_part)(i, n) for i in range(n)])
            cpu, wall = time.process_time(), time.perf_counter()
            out = build(parts, n)
            built = time.process_time() - cpu
            done = client.gather(client.compute(out))
            assert len(done) == n
            print(
                f"{args.way}: P {n}: build {built:.2f} s of driver CPU; "
                f"build and compute {time.perf_counter() - wall:.1f} s wall",
                flush=True,
            )


if __name__ == "__main__":
    main()
