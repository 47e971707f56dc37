"""Every browser test runs against both HTML shells (issue 14: the proof that the course does not
depend on the shell): ``mini_site``, ``default_site`` and ``lille_site`` are one site per shell here,
and a test's id names the shell. Tests of one shell's own theme live in that shell's test folder and
take its sites by name.

Browser tests of a local edition use the `lille` edition of the mini course (tests/editions/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from course.model import SHELL_NAMES, Course
from tests.conftest import build_into
from tests.editions.conftest import lille_course  # noqa: F401  (fixture)


@pytest.fixture(scope="session", params=SHELL_NAMES)
def shell(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def mini_site(shell: str, request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{shell}_mini_site")


@pytest.fixture(scope="session")
def default_site(shell: str, request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{shell}_default_site")


@pytest.fixture(scope="session")
def lille_site(shell: str, lille_course: Course, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    return build_into(lille_course, tmp_path_factory.mktemp(f"lille-{shell}") / "site", shell)
