"""The issuer's key pair.

The private key lives in a folder of its own (default ``keys/``, git-ignored)
and is only ever read by ``certificates``. The public key is appended to
``course-key.pub`` beside ``course.yml``: that file is meant to be committed,
so every build of the site (on any machine) can verify every certificate ever
issued, also after a new key pair replaces an old one.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from course.certificates.signing import key_id, raw_public_key
from course.code_format import PUBLIC_KEYS_FILE, key_line
from course.errors import OpsporError

PRIVATE_KEY_FILE = "issuer-ed25519.pem"
SIGNATURE_FILES = ("signatur.png", "signatur.jpg")  # the issuer's scanned signature, optional


class IssuerKeyError(OpsporError):
    """A key problem the issuer can fix (missing, unreadable, in a public place)."""


def public_keys_path(course_root: Path) -> Path:
    return course_root / PUBLIC_KEYS_FILE


def _tracked_by_git(path: Path) -> bool:
    """True when ``path`` is inside a git work tree and not ignored (so it could be committed)."""
    try:
        inside = subprocess.run(["git", "-C", str(path.parent), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, check=False)
        if inside.returncode != 0:
            return False
        ignored = subprocess.run(["git", "-C", str(path.parent), "check-ignore", "-q", str(path)],
                                 capture_output=True, check=False)
        return ignored.returncode != 0
    except OSError:
        return False


def init_keys(keys_dir: Path, course_root: Path, forbidden: list[Path]) -> tuple[Path, str]:
    """Create a new key pair; returns (private key path, key id). Never overwrites a key."""
    keys_dir = keys_dir.resolve()
    for folder in forbidden:
        if keys_dir == folder.resolve() or folder.resolve() in keys_dir.parents:
            raise IssuerKeyError(f"{keys_dir} is inside {folder}, which is published; choose another folder")
    private_path = keys_dir / PRIVATE_KEY_FILE
    if private_path.exists():
        raise IssuerKeyError(f"{private_path} already exists; move it away first if you really want a new key")
    keys_dir.mkdir(parents=True, exist_ok=True)
    if _tracked_by_git(private_path):
        raise IssuerKeyError(f"{keys_dir} is in a git repository and not ignored; add it to .gitignore first")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    raw = raw_public_key(key.public_key())
    kid = key_id(raw)
    public_path = public_keys_path(course_root)
    header = "" if public_path.exists() else (
        "# Public keys of this course's certificate issuer (commit this file).\n"
        "# One key a line: type, key id, base64url key. Keep old keys so old certificates stay valid.\n")
    with public_path.open("a", encoding="utf-8") as handle:
        handle.write(f"{header}{key_line(raw)}\n")
    return private_path, kid


def load_private_key(keys_dir: Path) -> Ed25519PrivateKey:
    path = keys_dir / PRIVATE_KEY_FILE
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise IssuerKeyError(f"no issuer key at {path}; run 'python build.py keys init' first") from None
    except ValueError as exc:
        raise IssuerKeyError(f"{path} is not a readable private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise IssuerKeyError(f"{path} is not an Ed25519 key")
    return key


def signature_image(keys_dir: Path) -> Path | None:
    """The issuer's scanned signature in the key folder (``signatur.png`` or ``.jpg``), or None.

    It is only ever named to the PDF asset fetcher, which checks it again (regular file,
    size, PNG/JPEG content); a link or a folder by that name is refused here already.
    """
    for name in SIGNATURE_FILES:
        path = keys_dir / name
        if not os.path.lexists(path):
            continue
        if path.is_symlink() or not path.is_file():
            raise IssuerKeyError(f"{path} must be a regular image file, not a link or folder")
        return path
    return None
