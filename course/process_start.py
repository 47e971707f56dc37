"""How Opspor starts worker processes: forked when that is safe, else fresh interpreters.

A forked worker has everything the parent imported already (Python-Markdown, pydantic, the
course model) and starts in milliseconds; a spawned one imports it all again, about half a
second of CPU each, which on a 2-core machine is most of what a second worker saves on a
1,000-page course. Forking is only safe while the parent runs one thread: a lock held by another
thread (logging, an HTTP server's) would stay locked forever in the child. So the live preview,
which builds beside its server thread, gets "spawn"; the command line gets "fork".
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from multiprocessing.context import BaseContext


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def worker_context() -> BaseContext:
    """"fork" when available and the process has one thread, else "spawn"."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
