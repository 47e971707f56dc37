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


def test_package_all_writes_every_package(tmp_path: Path) -> None:
    result = run_cli("--course", str(MINI), "package", "all", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                     if p.is_file() and p.name != OUTPUT_MARKER)
    assert (tmp_path / OUTPUT_MARKER).is_file() and (tmp_path / "qti" / OUTPUT_MARKER).is_file()
    assert written == [
        "opspor-laerer-1.0-scorm12.zip",
        "opspor-politi-1.0-scorm12.zip",
        "opspor-socialraadgiver-1.0-scorm12.zip",
        "opspor-sygeplejerske-1.0-scorm12.zip",
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
    archive = tmp_path / "opspor-politi-1.0-scorm2004.zip"
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


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_track_package_holds_its_track_only_and_says_what_it_is(tmp_path: Path, version: str) -> None:
    """The mini politi track is grundmodul + test-scenarie; rollemodul belongs to sygeplejerske only."""
    result = run_cli("--course", str(MINI), "package", "scorm", "--track", "politi", "--version", version,
                     "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    archive = zipfile.ZipFile(tmp_path / f"opspor-politi-1.0-scorm{version.replace('.', '')}.zip")
    names = set(archive.namelist())
    assert {"kursus/moduler/grundmodul.html", "kursus/scenarier/test-scenarie.html", "kursus/spor/politi.html",
            "kursus/bekraeft.html", "kursus/hjaelp.html", "kursus/om.html", "kursus/ordliste.html"} <= names
    assert not any("rollemodul" in n for n in names)
    assert [n for n in names if n.startswith("kursus/spor/")] == ["kursus/spor/politi.html"]
    assert not [n for n in names if n.endswith(".map") or "sitemap" in n]
    lunr = sorted(n.rsplit("/", 1)[1] for n in names if "/lunr/" in n)
    assert lunr == ["lunr.da.min.js", "lunr.multi.min.js", "lunr.stemmer.support.min.js"]
    # Navigation, search and manifest know only this track.
    for page in ("kursus/index.html", "kursus/moduler/grundmodul.html", "kursus/search/search_index.json",
                 "kursus/assets/opspor/course-manifest.js"):
        text = archive.read(page).decode()
        assert "rollemodul.html" not in text and "Rollemodul for" not in text, page  # a link to it keeps its text
        assert "spor/sygeplejerske" not in text, page
    manifest = archive.read("imsmanifest.xml").decode()
    assert "<title>Testkursus – Spor for politi</title>" in manifest
    assert 'version="1.0"' in manifest and "<adlcp:location>opspor-metadata.xml</adlcp:location>" in manifest
    metadata = archive.read("opspor-metadata.xml").decode()
    assert ">Testkursus – Spor for politi<" in metadata and "<language>da</language>" in metadata
    assert ">1.0<" in metadata and ">PT" in metadata and "Et testspor." in metadata
    launch = archive.read("index.html").decode()
    assert '<noscript><p><a href="kursus/spor/politi.html">' in launch
