"""Anchors `check` accepts are the anchors the shell builds (the shell fails the build on a dead anchor)."""

from __future__ import annotations

from pathlib import Path

from course.loading import load_course
from tests.conftest import build_into


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_links_to_headings_steps_and_endings_pass_check_and_build(mini_copy: Path, tmp_path: Path) -> None:
    edit(mini_copy / "modules/02-rollemodul.md", "\n## ",
         "\n## Særlig del {: #saerlig }\n\nTekst.\n\n## Få hjælp nu\n\n## ")
    edit(mini_copy / "modules/01-grundmodul.md", "Underretningspligten er personlig.",
         "[x](modul:rollemodul#saerlig) [y](modul:rollemodul#faa-hjaelp-nu) [z](#underretning)")
    edit(mini_copy / "scenarios/01-test-scenarie.yml", "feedback: Tal altid med personen alene.",
         "feedback: 'Se [trinnet](scenarie:test-scenarie#trin-alene) og [slut](#slut-godt).'")
    site = build_into(load_course(mini_copy), tmp_path / "site")  # strict: a dead anchor fails the build
    page = (site / "moduler/grundmodul.html").read_text("utf-8")
    assert 'href="rollemodul.html#saerlig"' in page and 'href="rollemodul.html#faa-hjaelp-nu"' in page
    assert 'id="faa-hjaelp-nu"' in (site / "moduler/rollemodul.html").read_text("utf-8")
