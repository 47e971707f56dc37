"""`certificates --workshop`: what a workshop participant did, with its own hours, signed by a named person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from course.pdf.asset_fetcher import ProjectAssetFetcher, RefusedAsset
from tests.certificates.conftest import DANISH_ROSTER, Issuer
from tests.helpers_check import run_cli

TRACK_WORDING = "har gennemført sporet"


def page_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def images_on(path: Path) -> int:
    return sum(len(page.images) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def keys_with_signature(issuer: Issuer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    keys = tmp_path_factory.mktemp("keys") / "keys"
    shutil.copytree(issuer.keys_dir, keys)
    Image.new("L", (300, 80), 255).save(keys / "signatur.png")
    return keys


def issue(issuer: Issuer, keys: Path, out: Path, *extra: str):
    roster = out.parent / "deltagere.csv"
    roster.write_bytes(DANISH_ROSTER.encode("utf-8"))
    return run_cli("--course", str(issuer.course_root), "certificates", "--roster", str(roster),
                   "--keys", str(keys), "--out", str(out), *extra)


@pytest.fixture(scope="module")
def workshop_certificates(issuer: Issuer, keys_with_signature: Path,
                          tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("workshop-certs") / "out"
    result = issue(issuer, keys_with_signature, out, "--workshop", "politi-kort")
    assert result.returncode == 0, result.stderr
    return out


def test_a_workshop_certificate_states_the_workshop_its_hours_and_scenarios(workshop_certificates: Path) -> None:
    text = page_text(workshop_certificates / "001-aase-oeberg-laerkesen.pdf")
    assert "har deltaget i workshoppen Kort testworkshop (1,5 timer) med scenariet »Testscenarie«" in text
    assert TRACK_WORDING not in text and "Spor for politi" not in text
    assert "15. januar 2027" in text and "Testbyen" in text  # the workshop file's date and place
    assert "Ida Testesen, kursusleder" in text  # its signatory


def test_the_signature_image_is_printed_beside_the_qr_code(workshop_certificates: Path, issuer: Issuer,
                                                           tmp_path: Path) -> None:
    assert images_on(workshop_certificates / "001-aase-oeberg-laerkesen.pdf") == 2  # QR code + signature
    plain = issue(issuer, issuer.keys_dir, tmp_path / "plain", "--workshop", "politi-kort")
    assert plain.returncode == 0, plain.stderr
    assert images_on(tmp_path / "plain" / "001-aase-oeberg-laerkesen.pdf") == 1  # no scan: the QR code only


def test_a_track_certificate_keeps_the_track_wording_and_a_given_signatory(issuer: Issuer, tmp_path: Path) -> None:
    result = issue(issuer, issuer.keys_dir, tmp_path / "track", "--track", "politi", "--date", "2026-05-01",
                   "--signatory", "Bo Berg, chefkonsulent")
    assert result.returncode == 0, result.stderr
    text = page_text(tmp_path / "track" / "003-jens-hansen.pdf")
    assert TRACK_WORDING in text and "workshoppen" not in text
    assert "Bo Berg, chefkonsulent" in text


def test_verify_names_a_workshop_certificate_as_one(workshop_certificates: Path, issuer: Issuer) -> None:
    import csv

    with (workshop_certificates / "kursusbeviser.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["timer"] for row in rows] == ["1.5"] * 3
    assert [row["spor"] for row in rows] == ["workshop:politi-kort"] * 3
    assert rows[1]["Arbejdssted"] == "Skole"  # the roster's own columns stay
    verdict = run_cli("--course", str(issuer.course_root), "verify", rows[0]["kode"])
    assert verdict.returncode == 0, verdict.stdout
    assert "Workshop:    Kort testworkshop (workshop:politi-kort)" in verdict.stdout
    assert "Hours:       1.5" in verdict.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--workshop", "nope"], "no workshop 'nope'"),
    (["--workshop", "politi-kort", "--track", "politi"], "exactly one of --track"),
    ([], "exactly one of --track"),
])
def test_workshop_or_track_mistakes_are_one_line(issuer: Issuer, tmp_path: Path, args: list[str],
                                                 message: str) -> None:
    result = issue(issuer, issuer.keys_dir, tmp_path / "out", *args)
    assert result.returncode in (1, 2) and message in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_a_linked_signature_is_refused(issuer: Issuer, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    shutil.copytree(issuer.keys_dir, keys)
    (keys / "signatur.png").symlink_to("/etc/passwd")
    result = issue(issuer, keys, tmp_path / "out", "--workshop", "politi-kort")
    assert result.returncode == 1
    assert "signatur.png must be a regular image file" in result.stderr and "Traceback" not in result.stderr


def test_the_fetcher_serves_only_the_named_image_and_only_if_it_is_one(tmp_path: Path) -> None:
    image = tmp_path / "signatur.png"
    Image.new("L", (4, 4), 0).save(image)
    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    other = tmp_path / "other.png"
    shutil.copy(image, other)
    fetcher = ProjectAssetFetcher(images=(image, fake))
    served = fetcher.fetch(image.as_uri())
    assert served.content_type == "image/png" and served.read() == image.read_bytes()
    for refused in (fake, other):
        with pytest.raises(RefusedAsset):
            fetcher.fetch(refused.as_uri())
