"""Second processes for the big steps (reading a large tree, making each language): the
machines we build on have two cores, and Python code runs on one per process."""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

Result = TypeVar("Result")
_inherited: Any = None  # what forked workers find here without it being pickled


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_shared(function: Callable[..., Result], shared: Any,
               calls: list[tuple[Any, ...]]) -> list[Result]:
    """`function(shared, *args)` for each args of `calls`: the first in this process, each other
    in a worker process of its own. A forked worker inherits `shared` (the derived tree:
    pickling it to each worker took seconds at 10,000 nodes); a spawned one receives it pickled."""
    global _inherited
    context = _start_method()
    _inherited = shared
    try:
        with worker_pool(len(calls) - 1, context) as pool:
            if context.get_start_method() == "fork":
                futures = [pool.submit(_with_inherited, function, *args) for args in calls[1:]]
            else:
                futures = [pool.submit(function, shared, *args) for args in calls[1:]]
            first = function(shared, *calls[0])
            return [first, *(future.result() for future in futures)]
    finally:
        _inherited = None


def _with_inherited(function: Callable[..., Result], *args: Any) -> Result:
    return function(_inherited, *args)


@contextmanager
def worker_pool(workers: int, context: multiprocessing.context.BaseContext | None = None
                ) -> Iterator[concurrent.futures.ProcessPoolExecutor]:
    """Worker processes, started the cheapest safe way. Frozen meanwhile: the forked workers'
    cycle collector leaves alone what they inherited (a big tree) instead of scanning it, which
    would also copy every page of it into each worker."""
    gc.freeze()
    try:
        with concurrent.futures.ProcessPoolExecutor(workers,
                                                    mp_context=context or _start_method()) as pool:
            yield pool
    finally:
        gc.unfreeze()


def _start_method() -> multiprocessing.context.BaseContext:
    """fork on Linux when this process has one thread (the CLI, `mkdocs build`): the workers
    start at once, sharing what is loaded. Otherwise spawn: forking a process with threads
    (`mkdocs serve`) can deadlock, and macOS libraries do not survive a fork."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
