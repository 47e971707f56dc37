"""Run PDF jobs in forked worker processes, one per core, each with its own renderer.

WeasyPrint is single-threaded and CPU-bound, so a batch (500 certificates, a
course's packs) only uses a 2-core machine fully with two processes. Workers
are forked after WeasyPrint is imported, so they start in milliseconds; each
makes its own ``PrintRenderer`` (fonts are not shared across processes) and
keeps WeasyPrint's font copies in a scratch folder removed at the end.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from course.pdf.renderer import PrintRenderer
from course.scratch import scratch_folder

Job = TypeVar("Job")
Result = TypeVar("Result")
MAX_WORKERS = 4

_worker: dict[str, Any] = {}


def _start(work: Callable[[PrintRenderer, Any], Any], language: str, scratch: str,
           images: tuple[Path, ...] = ()) -> None:
    tempfile.tempdir = scratch  # WeasyPrint's font copies land here and go with the folder
    _worker.update(work=work, renderer=PrintRenderer(language, images))


def _run(job: Any) -> Any:
    return _worker["work"](_worker["renderer"], job)


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), MAX_WORKERS))


def map_in_workers(work: Callable[[PrintRenderer, Job], Result], jobs: Sequence[Job], *, language: str,
                   on_result: Callable[[Result], None] = lambda result: None,
                   workers: int | None = None, images: tuple[Path, ...] = ()) -> list[Result]:
    """``[work(renderer, job) for job in jobs]``, in parallel, results in job order.

    ``work`` may be a closure (workers are forked, it is not pickled); jobs and
    results are pickled, so keep them small (paths, ids, dataclasses).
    """
    workers = min(workers or default_workers(), len(jobs))
    results: list[Result] = []
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        renderer = PrintRenderer(language, images)
        for job in jobs:
            results.append(work(renderer, job))
            on_result(results[-1])
        return results
    import weasyprint  # noqa: F401  (imported before the fork, shared by the workers)

    with scratch_folder("opspor-pdf-") as scratch:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start,
                                                        initargs=(work, language, str(scratch), images))
        try:
            for result in pool.imap(_run, jobs):
                results.append(result)
                on_result(result)
            pool.close()
        finally:
            pool.terminate()
            pool.join()
    return results
