"""Translatable UI strings: one YAML file per language, Danish first."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent


@cache
def ui_strings(language: str) -> dict[str, str]:
    """The engine's UI strings for ``language``, falling back to Danish key by key."""
    danish = yaml.safe_load((HERE / "da.yml").read_text("utf-8"))
    path = HERE / f"{language}.yml"
    own = yaml.safe_load(path.read_text("utf-8")) if path.exists() else {}
    return {**danish, **own}


def available_languages() -> list[str]:
    """Language codes with a UI translation here (``da.yml``, ``en.yml``, ...)."""
    return sorted(p.stem for p in HERE.glob("*.yml"))

