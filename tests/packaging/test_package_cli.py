"""The package commands as a course owner runs them, and what a failure leaves behind."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from course.output_safety import OUTPUT_MARKER
from course.packaging.archive import Entry, write_zip
from course.packaging.manifest_check import package_problems
from tests.conftest import MINI
from tests.helpers_check import run_cli


def test_package_all_writes_every_package_from_one_site_build(tmp_path: Path) -> None:
    result = run_cli("--course", str(MINI), "package", "all", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file() and p.name != OUTPUT_MARKER)
    assert (tmp_path / OUTPUT_MARKER).is_file() and (tmp_path / "qti" / OUTPUT_MARKER).is_file()
    assert written == [
        "opspor-laerer-scorm12.zip",
        "opspor-politi-scorm12.zip",
        "opspor-socialraadgiver-scorm12.zip",
        "opspor-sygeplejerske-scorm12.zip",
        "qti/grundmodul.zip",
        "qti/rollemodul.zip",
        "testkursus-offline.zip",
    ]
    for archive in tmp_path.glob("*scorm12.zip"):
        assert package_problems(archive) == [], archive


def test_scorm_2004_for_one_track(tmp_path: Path) -> None:
    result = run_cli("--course", str(MINI), "package", "scorm", "--track", "politi", "--version", "2004",
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "opspor-politi-scorm2004.zip"
    assert package_problems(archive) == []
    assert "2004 4th Edition" in zipfile.ZipFile(archive).read("imsmanifest.xml").decode()


def test_unknown_track_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    result = run_cli("--course", str(MINI), "package", "scorm", "--track", "jordemoder", "--out", str(tmp_path))
    assert result.returncode != 0
    assert "unknown track 'jordemoder'" in result.stderr and "sygeplejerske" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_failed_zip_leaves_the_previous_package_and_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "pakke.zip"
    write_zip([Entry("a.txt", data=b"first")], target)
    with pytest.raises(FileNotFoundError):
        write_zip([Entry("a.txt", data=b"second"), Entry("b.txt", source=tmp_path / "missing")], target)
    assert zipfile.ZipFile(target).read("a.txt") == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["pakke.zip"]
