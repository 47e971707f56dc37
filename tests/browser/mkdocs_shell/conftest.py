"""Theme-only tests: the sites here are the mkdocs shell's only (no per-shell parameter)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def mini_site(mkdocs_mini_site: Path) -> Path:
    return mkdocs_mini_site


@pytest.fixture(scope="session")
def default_site(mkdocs_default_site: Path) -> Path:
    return mkdocs_default_site
