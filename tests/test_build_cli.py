"""The CLI as an author uses it: build swaps in a new site only when everything worked."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINI
from tests.helpers_check import run_cli


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("check", "build", "serve"):
        assert command in result.stdout


def test_failed_build_leaves_previous_site_untouched(mini_copy: Path) -> None:
    out = mini_copy / "site"
    first = run_cli("--course", str(mini_copy), "build")
    assert first.returncode == 0, first.stderr
    assert (out / "index.html").exists()
    before = snapshot(out)

    module = mini_copy / "modules/01-grundmodul.md"
    module.write_text(module.read_text("utf-8").replace("level: 1", "level: 7"), "utf-8")
    second = run_cli("--course", str(mini_copy), "build")
    assert second.returncode == 1
    assert "modules/01-grundmodul.md:7: level:" in second.stderr
    assert "Traceback" not in second.stderr
    assert snapshot(out) == before
    assert not [p for p in mini_copy.iterdir() if p.name.startswith(".site")], "staging folders left behind"


def test_rebuild_replaces_site(mini_copy: Path) -> None:
    assert run_cli("--course", str(mini_copy), "build").returncode == 0
    module = mini_copy / "modules/01-grundmodul.md"
    module.write_text(module.read_text("utf-8").replace("Grundmodul om underretning", "Nyt navn"), "utf-8")
    assert run_cli("--course", str(mini_copy), "build").returncode == 0
    assert "Nyt navn" in (mini_copy / "site/moduler/grundmodul.html").read_text("utf-8")


def test_a_track_typo_is_a_usage_error_with_the_closest_track_before_any_work(tmp_path: Path) -> None:
    result = run_cli("--course", str(MINI), "packs", "--track", "politti", "--out", str(tmp_path / "pdf"))
    assert result.returncode == 2
    assert ("Invalid value for '--track': unknown track 'politti' (did you mean 'politi'?); "
            "tracks: sygeplejerske, laerer, socialraadgiver, politi") in result.stderr
    assert "Usage:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "pdf").exists()


def test_a_user_error_is_one_error_line_with_what_it_means_for_the_output(tmp_path: Path) -> None:
    roster = tmp_path / "deltagere.csv"
    roster.write_text("Navn;Arbejdssted\n;Skole\n", "utf-8")
    result = run_cli("--course", str(MINI), "workshop", "politi-kort", "--roster", str(roster),
                     "--out", str(tmp_path / "kit"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"Error: {roster}:2: the name is empty", "Nothing was printed."]
    assert not (tmp_path / "kit").exists()
