"""Workers are forked only while the process runs one thread (a lock another thread holds would stay
locked in the child forever); beside a thread, such as the preview's server, they are spawned."""

from __future__ import annotations

import threading

from course import process_start


def test_one_thread_forks(monkeypatch) -> None:
    monkeypatch.setattr(process_start.threading, "active_count", lambda: 1)
    assert process_start.worker_context().get_start_method() == "fork"


def test_beside_another_thread_workers_are_spawned() -> None:
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert process_start.worker_context().get_start_method() == "spawn"
    finally:
        stop.set()
        server.join()
