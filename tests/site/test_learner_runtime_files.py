"""The learner runtime's static contract: its files ship, its UI strings exist in every language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from course.site import ASSETS, PAGE_SCRIPTS, RUNTIME_SCRIPTS

I18N = Path(__file__).resolve().parents[2] / "course" / "i18n"
STRING_CALL = re.compile(r'\bt\(\s*"([a-z0-9_]+)"\s*[,)]')
DYNAMIC_KEYS = {  # built as "prefix" + value in the runtime
    "rating_": ("god", "acceptabel", "uhensigtsmaessig"),
    "kind_": ("module", "scenario"),
    "level_": ("1", "2"),
    "storage_": ("local", "private", "memory", "lms"),
}


def runtime_keys() -> set[str]:
    keys: set[str] = set()
    for script in ASSETS.glob("opspor*.js"):
        keys |= set(STRING_CALL.findall(script.read_text("utf-8")))
    for prefix, values in DYNAMIC_KEYS.items():
        keys |= {prefix + v for v in values}
    return keys | {"not_started", "in_progress", "completed", "passed"}


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_ui_string_the_runtime_uses_exists(language: str) -> None:
    strings = yaml.safe_load((I18N / f"{language}.yml").read_text("utf-8"))
    missing = sorted(runtime_keys() - set(strings))
    assert missing == [], f"{language}.yml lacks {missing}"


def test_runtime_has_no_hard_coded_danish() -> None:
    for script in ASSETS.glob("opspor*.js"):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script.read_text("utf-8"), flags=re.S)
        assert not re.search(r"[æøåÆØÅ]", code), f"{script.name} has Danish text outside the manifest strings"


def test_built_site_ships_every_runtime_script_in_order(mini_site: Path) -> None:
    html = (mini_site / "moduler" / "grundmodul.html").read_text("utf-8")
    positions = [html.index(f"assets/opspor/{name}") for name in RUNTIME_SCRIPTS]
    assert positions == sorted(positions)
    for name in RUNTIME_SCRIPTS + tuple(n for names in PAGE_SCRIPTS.values() for n in names):
        assert (mini_site / "assets" / "opspor" / name).is_file()


@pytest.mark.parametrize(("path", "kind"), [("moduler/grundmodul.html", "module"),
                                            ("scenarier/test-scenarie.html", "scenario"),
                                            ("bevis.html", "certificate"), ("ordliste.html", "glossary"),
                                            ("index.html", "home")])
def test_each_page_loads_only_the_runtime_files_it_uses(mini_site: Path, path: str, kind: str) -> None:
    html = (mini_site / path).read_text("utf-8")
    own = PAGE_SCRIPTS.get(kind, ())
    for name in own:
        assert re.search(rf'<script src="[./]*assets/opspor/{re.escape(name)}" defer>', html), name
    for name in {n for names in PAGE_SCRIPTS.values() for n in names} - set(own):
        assert f"assets/opspor/{name}" not in html, f"{path} loads {name} it does not use"


def test_manifest_names_the_certificate_page_and_the_content_note(mini_site: Path) -> None:
    manifest = json.loads((mini_site / "assets" / "opspor" / "course-manifest.json").read_text("utf-8"))
    assert (mini_site / manifest["pages"]["certificate"]).is_file()
    assert (mini_site / manifest["pages"]["help"]).is_file()
    assert "Kurset handler om vold." in manifest["content_note_html"]
    assert 'href="hjaelp.html"' in manifest["content_note_html"]


def test_scenario_page_keeps_the_whole_text_for_no_script_and_print(mini_site: Path) -> None:
    html = (mini_site / "scenarier" / "test-scenarie.html").read_text("utf-8")
    text = html[html.index('class="opspor-scenario-text"'):]
    for words in ("Ida sidder med sin partner.", "Du henviser varmt til 1888.", "Ida ringer til 1888."):
        assert words in text
