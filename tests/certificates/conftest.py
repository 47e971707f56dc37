"""An issuing course: the mini course with an issuer key pair, and helpers to tamper with codes."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from course.certificates.keys import init_keys, load_private_key
from course.certificates.signing import b64url, unb64url
from tests.conftest import MINI

DANISH_ROSTER = "\ufeffNavn;Arbejdssted\nÅse Øberg-Lærkesen;Rigshospitalet\nSøren Ærø Ågård;Skole\nJens Hansen;Politi\n"


@dataclass(frozen=True)
class Issuer:
    course_root: Path
    keys_dir: Path


@pytest.fixture(scope="session")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Issuer:
    base = tmp_path_factory.mktemp("issuer")
    course_root = base / "course"
    shutil.copytree(MINI, course_root)
    keys_dir = base / "private-keys"
    init_keys(keys_dir, course_root, forbidden=[course_root / "site"])
    return Issuer(course_root, keys_dir)


def tampered(code: str, index: int, value: object) -> str:
    """The same signature over a payload with field ``index`` changed."""
    payload, signature = code.split(".")
    fields = json.loads(unb64url(payload))
    fields[index] = value
    new_payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    return f"{b64url(new_payload)}.{signature}"


def private_key_pem(issuer: Issuer) -> bytes:
    load_private_key(issuer.keys_dir)  # it exists and is readable
    return (issuer.keys_dir / "issuer-ed25519.pem").read_bytes()
