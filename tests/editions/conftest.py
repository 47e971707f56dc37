"""Editions of the mini course: the shipped-format fixture `lille`, and writable copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from course.editions.loading import load_edition
from course.model import Course
from tests.conftest import FIXTURES, build_into

LILLE = FIXTURES / "editions" / "lille"


@pytest.fixture
def lille_copy(tmp_path: Path) -> Path:
    """A writable copy of the `lille` edition (its folder name is its id)."""
    target = tmp_path / "lille"
    shutil.copytree(LILLE, target)
    return target


@pytest.fixture(scope="session")
def lille_course(mini_course: Course) -> Course:
    course, warnings = load_edition(mini_course, LILLE)
    assert warnings == []
    return course


@pytest.fixture(scope="session")
def lille_site(lille_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(lille_course, tmp_path_factory.mktemp("lille-site") / "site")
