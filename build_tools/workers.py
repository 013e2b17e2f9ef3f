"""Worker processes for the big steps (reading a large tree, making the pages): the machines we
build on have two cores, and Python code runs on one per process."""

from __future__ import annotations

import concurrent.futures
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

Result = TypeVar("Result")
_inherited: Any = None  # what forked workers find here without it being pickled


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_shared(shared: Any, calls: list[tuple[Any, ...]]) -> list[Any]:
    """Each call `(function, *args)` as `function(shared, *args)`: the first in this process, the
    others meanwhile in worker processes. Returns their results when all are done and the workers
    have ended, so that this process may fork again (it forks only while it has one thread)."""
    pool, others = _start_workers(shared, calls[1:], cores() - 1)  # this process does its share
    with pool:
        function, *args = calls[0]
        first = function(shared, *args)
        return [first, *(future.result() for future in others)]


def start_shared(shared: Any, calls: list[tuple[Any, ...]]) -> list[Future[Any]]:
    """Each call `(function, *args)` as `function(shared, *args)`, in worker processes, in order.
    Returns at once: this process goes on with other work, and waits for a result when it asks
    for it. A worker per core: this process's own share of the work is left to the system."""
    pool, futures = _start_workers(shared, calls, cores())
    pool.shutdown(wait=False)  # the workers end when their calls are done
    return futures


def done(result: Result) -> Future[Result]:
    """A result already at hand, as a future."""
    future: Future[Result] = Future()
    future.set_result(result)
    return future


def _start_workers(shared: Any, calls: list[tuple[Any, ...]], workers: int
                   ) -> tuple[concurrent.futures.ProcessPoolExecutor, list[Future[Any]]]:
    """Up to `workers` processes, started on `calls`. A forked worker inherits `shared` (the
    derived tree: pickling it to each worker took seconds at 10,000 nodes); a spawned one
    receives it pickled."""
    global _inherited
    context = _start_method()
    _inherited = shared
    # Frozen while forking: the workers' cycle collector leaves alone what they inherited (a big
    # tree) instead of scanning it, which would also copy every page of it into each worker.
    gc.freeze()
    try:
        pool = concurrent.futures.ProcessPoolExecutor(max(1, min(len(calls), workers)),
                                                      mp_context=context)
        if context.get_start_method() == "fork":
            futures = [pool.submit(_with_inherited, *call) for call in calls]
        else:
            futures = [pool.submit(function, shared, *args) for function, *args in calls]
        return pool, futures
    finally:  # the workers were forked on the first submit: they hold what they need
        gc.unfreeze()
        _inherited = None


def _with_inherited(function: Callable[..., Any], *args: Any) -> Any:
    return function(_inherited, *args)


def _start_method() -> multiprocessing.context.BaseContext:
    """fork on Linux when this process has one thread (the CLI, `mkdocs build`): the workers
    start at once, sharing what is loaded. Otherwise spawn: forking a process with threads
    (`mkdocs serve`) can deadlock, and macOS libraries do not survive a fork."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
