"""What the "Om kurset" page of the offline copy lists: printed PDFs carried in the site's ``Materialer``.

Only the description lives here (the site never prints anything); the PDFs are
made by ``course.packaging.materials`` before the offline copy is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MATERIALS_DIR = "Materialer"


@dataclass(frozen=True)
class Material:
    path: str  # inside the Materialer folder, with '/'
    title: str


@dataclass(frozen=True)
class MaterialGroup:
    title: str
    items: tuple[Material, ...]


@dataclass(frozen=True)
class Materials:
    """The printed folder and what the "Om kurset" page lists from it."""

    folder: Path
    groups: tuple[MaterialGroup, ...]
