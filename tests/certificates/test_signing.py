"""Signed certificate codes: every issued code verifies; any change, or another key, does not."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from course.certificates.keys import IssuerKeyError, init_keys, load_private_key
from course.certificates.records import issue
from course.certificates.roster import Participant
from course.certificates.signing import sign, verify
from course.loading.public_keys import read_public_keys
from course.model import Course
from tests.certificates.conftest import Issuer, tampered

NAMES = ["Åse Øberg-Lærkesen", "Søren Ærø", "Bo"]


@pytest.fixture(scope="module")
def codes(issuer: Issuer, mini_course: Course) -> list[str]:
    key = load_private_key(issuer.keys_dir)
    records = issue(mini_course, [Participant(n, i) for i, n in enumerate(NAMES, 2)], "laerer",
                    dt.date(2026, 3, 1), "Region Syd, Hanne Jensen", "Odense")
    return [sign(r, key) for r in records]


def test_every_issued_code_is_genuine_and_carries_the_certificate(issuer: Issuer, codes: list[str]) -> None:
    keys = read_public_keys(issuer.course_root)
    for name, code in zip(NAMES, codes, strict=True):
        verdict = verify(code, keys)
        assert verdict.genuine, verdict.reason
        assert verdict.certificate is not None
        assert (verdict.certificate.name, verdict.certificate.track_id) == (name, "laerer")
        assert verdict.certificate.date == dt.date(2026, 3, 1)
        assert verdict.certificate.issuer == "Region Syd, Hanne Jensen"


@pytest.mark.parametrize(("index", "value"), [(3, "Åse Øberg"), (6, "2026-03-02"), (4, "politi"), (7, 40.0),
                                              (8, "Someone else"), (2, "20260301-009-XXXX")])
def test_a_changed_field_is_not_genuine(issuer: Issuer, codes: list[str], index: int, value: object) -> None:
    verdict = verify(tampered(codes[0], index, value), read_public_keys(issuer.course_root))
    assert not verdict.genuine
    assert "changed" in verdict.reason


def test_a_code_signed_by_another_key_is_not_genuine(issuer: Issuer, mini_course: Course) -> None:
    keys = read_public_keys(issuer.course_root)
    record = issue(mini_course, [Participant("Åse", 2)], "laerer", dt.date(2026, 3, 1), "Falsk")[0]
    foreign = sign(record, Ed25519PrivateKey.generate())
    assert not verify(foreign, keys).genuine
    # A forger who copies our key id into the payload still fails on the signature.
    own_kid = next(iter(keys))
    assert not verify(tampered(foreign, 1, own_kid), keys).genuine


@pytest.mark.parametrize("text", ["", "hello", "abc.def", "W10.AAAA", "https://x/bekraeft.html#"])
def test_garbage_is_not_genuine(issuer: Issuer, text: str) -> None:
    assert not verify(text, read_public_keys(issuer.course_root)).genuine


def test_keys_init_never_overwrites_and_keeps_old_public_keys(tmp_path: Path) -> None:
    course_root = tmp_path / "course"
    course_root.mkdir()
    _, first = init_keys(tmp_path / "keys", course_root, forbidden=[])
    with pytest.raises(IssuerKeyError, match="already exists"):
        init_keys(tmp_path / "keys", course_root, forbidden=[])
    (tmp_path / "keys" / "issuer-ed25519.pem").rename(tmp_path / "old.pem")
    _, second = init_keys(tmp_path / "keys", course_root, forbidden=[])
    assert set(read_public_keys(course_root)) == {first, second}
    assert (tmp_path / "keys" / "issuer-ed25519.pem").stat().st_mode & 0o077 == 0


def test_keys_init_refuses_published_or_committable_folders(tmp_path: Path) -> None:
    course_root = tmp_path / "course"
    (course_root / "site").mkdir(parents=True)
    with pytest.raises(IssuerKeyError, match="published"):
        init_keys(course_root / "site" / "keys", course_root, forbidden=[course_root / "site"])
    subprocess.run(["git", "init", "-q", str(course_root)], check=True)
    with pytest.raises(IssuerKeyError, match="not ignored"):
        init_keys(course_root / "secret", course_root, forbidden=[])
    assert not (course_root / "secret" / "issuer-ed25519.pem").exists()
    (course_root / ".gitignore").write_text("keys/\n")
    init_keys(course_root / "keys", course_root, forbidden=[])
