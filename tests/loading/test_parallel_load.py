"""A large course's modules load in forked workers; the course and its problems are the same as from one loader."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

import course.loading.course_loader as course_loader
from course.diagnostics import CourseError
from course.loading import load_course
from course.model import Course
from tests.conftest import MINI


@pytest.fixture
def workers(monkeypatch) -> None:
    """Two forked workers even for the mini course's few modules (and even if an earlier test left a thread)."""
    monkeypatch.setattr(course_loader, "PARALLEL_LOAD_FROM", 1)
    monkeypatch.setattr(course_loader, "cores", lambda: 2)
    monkeypatch.setattr(course_loader, "worker_context", lambda: multiprocessing.get_context("fork"))


def serial(root: Path, monkeypatch) -> Course | CourseError:
    with monkeypatch.context() as patch:
        patch.setattr(course_loader, "MAX_LOAD_WORKERS", 1)
        return loaded(root)


def loaded(root: Path):
    try:
        return load_course(root)
    except CourseError as error:
        return error


def test_a_course_loaded_in_workers_is_the_one_loaded_in_one(workers, monkeypatch) -> None:
    parallel = loaded(MINI)
    assert not isinstance(parallel, CourseError) and len(parallel.modules) >= 2
    assert parallel == serial(MINI, monkeypatch)


def test_problems_found_in_workers_are_every_problem_one_loader_finds(workers, monkeypatch, tmp_path: Path) -> None:
    root = tmp_path / "course"
    shutil.copytree(MINI, root)
    first, *_, last = sorted((root / "modules").glob("*.md"))
    first.write_text(first.read_text("utf-8").replace("\n---\n", "\nnot: [closed\n---\n", 1), "utf-8")
    last.write_text(last.read_text("utf-8") + "\nSe [her](modul:findes-ikke) og <b>fed</b>.\n", "utf-8")
    parallel, alone = loaded(root), serial(root, monkeypatch)
    assert isinstance(parallel, CourseError) and isinstance(alone, CourseError)
    assert parallel.problems == alone.problems
    paths = {problem.path for problem in parallel.problems}
    assert f"modules/{first.name}" in paths and f"modules/{last.name}" in paths
