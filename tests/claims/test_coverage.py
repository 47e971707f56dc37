"""``check`` fails on every claim no ledger entry covers, naming file and line."""

from __future__ import annotations

from pathlib import Path

from course.claims.coverage import check_claims
from course.loading import load_course
from tests.helpers_check import check, run_cli


def test_the_mini_course_is_fully_covered(mini_course) -> None:
    report = check_claims(mini_course)
    assert (report.tokens, report.covered, report.uncovered, report.stale) == (4, 4, [], [])
    result = check(Path(mini_course.root))
    assert result.returncode == 0, result.stderr
    assert "4 of 4 claims" in result.stdout


def add_to_module(course_root: Path, text: str) -> int:
    """Append ``text`` as a paragraph to the mini course's first module; return its file line."""
    module = course_root / "modules" / "01-grundmodul.md"
    lines = module.read_text("utf-8").splitlines()
    module.write_text("\n".join([*lines, "", text]) + "\n", "utf-8")
    return len(lines) + 2


def test_an_unledgered_claim_fails_check_with_its_line(mini_copy: Path) -> None:
    line = add_to_module(mini_copy, "Politiet skal rejse sigtelse inden for 4 uger efter straffeloven § 243.")
    result = check(mini_copy)
    assert result.returncode == 1
    assert (f'modules/01-grundmodul.md:{line}: påstand uden kilde i claims.yml: "4 uger" '
            "(frist eller varighed;") in result.stderr
    assert f'modules/01-grundmodul.md:{line}: påstand uden kilde i claims.yml: "§ 243"' in result.stderr
    assert "2 claims without a source in claims.yml" in result.stderr


def test_a_matching_entry_covers_it(mini_copy: Path) -> None:
    add_to_module(mini_copy, "Straffen er fængsel i op til 3 år.")
    ledger = mini_copy / "claims.yml"
    ledger.write_text(ledger.read_text("utf-8") + """
- id: psykisk-vold-strafferamme
  states: Psykisk vold straffes med bøde eller fængsel i op til 3 år.
  match: ["fængsel i op til 3 år"]
  source: {title: Straffeloven, publisher: Retsinformation, url: "https://www.retsinformation.dk/eli/lta/2025/1",
           section: § 243, read: 2026-11-20}
  verified: 2026-11-20
  review_by: 2027-11-20
  status: verified
""", "utf-8")
    assert check(mini_copy).returncode == 0


def test_a_phrase_elsewhere_in_the_text_does_not_cover(mini_copy: Path) -> None:
    # "Ring 112 ved akut fare" is on the Få hjælp page; a bare 112 in a module stays uncovered.
    line = add_to_module(mini_copy, "Er der fare, så ring 112.")
    problems = check_claims(load_course(mini_copy)).uncovered
    assert [(p.path, p.line) for p in problems] == [("modules/01-grundmodul.md", line)]


def test_a_claim_in_a_folded_yaml_string_is_reported_on_its_line(mini_copy: Path) -> None:
    scenario = mini_copy / "scenarios" / "01-test-scenarie.yml"
    text = scenario.read_text("utf-8").replace(
        "content_note: Handler om partnervold.",
        "content_note: >-\n  Handler om partnervold\n  og om de 24 timer efter.")
    scenario.write_text(text, "utf-8")
    result = check(mini_copy)
    line = text.splitlines().index("  og om de 24 timer efter.") + 1
    assert f'scenarios/01-test-scenarie.yml:{line}: påstand uden kilde i claims.yml: "24 timer"' in result.stderr


def test_a_stale_phrase_is_a_warning(mini_copy: Path) -> None:
    page = mini_copy / "pages" / "hjaelp.md"
    page.write_text(page.read_text("utf-8").replace("Lev Uden Vold: 1888.", "Lev Uden Vold: ring 1888."), "utf-8")
    result = check(mini_copy)
    assert "claims.yml:20: warning: match 'Lev Uden Vold: 1888' of 'lev-uden-vold-1888' matches nothing" \
        in result.stderr
    assert 'pages/hjaelp.md:5: påstand uden kilde i claims.yml: "1888"' in result.stderr


def test_enforce_false_turns_uncovered_claims_into_warnings(mini_copy: Path) -> None:
    line = add_to_module(mini_copy, "Fristen er 3 hverdage.")
    settings = mini_copy / "course.yml"
    settings.write_text(settings.read_text("utf-8") + "claims:\n  enforce: false\n", "utf-8")
    result = check(mini_copy)
    assert result.returncode == 0, result.stderr
    assert f"modules/01-grundmodul.md:{line}: warning: påstand uden kilde" in result.stderr
    assert "1 not yet (claims.enforce is false in course.yml)" in result.stdout


def test_build_refuses_an_unledgered_claim(mini_copy: Path, tmp_path: Path) -> None:
    add_to_module(mini_copy, "Ring 70 20 30 82.")
    result = run_cli("--course", str(mini_copy), "build", "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "claims without a source" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_large_course_tallied_in_workers_gives_the_same_report(mini_copy: Path, monkeypatch) -> None:
    import multiprocessing

    from course.claims import coverage

    for name in ("01-grundmodul.md", "02-rollemodul.md"):  # uncovered claims in both bodies, so in both workers
        module = mini_copy / "modules" / name
        module.write_text(module.read_text("utf-8") + "\nRing 70 20 30 40 inden for 3 hverdage.\n", "utf-8")
    settings = mini_copy / "course.yml"
    settings.write_text(settings.read_text("utf-8") + "claims:\n  enforce: false\n", "utf-8")
    course = load_course(mini_copy)
    alone = check_claims(course)
    monkeypatch.setattr(coverage, "PARALLEL_FROM", 1)
    monkeypatch.setattr(coverage, "cores", lambda: 2)
    monkeypatch.setattr(coverage, "worker_context", lambda: multiprocessing.get_context("fork"))
    parallel = check_claims(course)
    assert parallel == alone
    assert {problem.path for problem in parallel.uncovered} == {"modules/01-grundmodul.md", "modules/02-rollemodul.md"}
