"""The CLI as an author uses it: build swaps in a new site only when everything worked."""

from __future__ import annotations

from pathlib import Path

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
