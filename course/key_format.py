"""The text form of the issuer's Ed25519 public keys, shared by ``course-key.pub`` and certificate codes.

A key is named inside codes by its key id (eight hex digits of its SHA-256) and
written as base64url without padding. The loader reads ``course-key.pub`` with these
(``course.loading.public_keys``), ``keys init`` appends to it and signing names the
key with them (``course.certificates``); so this module imports nothing of the course.
"""

from __future__ import annotations

import base64
import hashlib

PUBLIC_KEYS_FILE = "course-key.pub"
KEY_TYPE = "ed25519"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_raw: bytes) -> str:
    """Eight hex digits naming a public key inside codes."""
    return hashlib.sha256(public_raw).hexdigest()[:8]


def key_line(public_raw: bytes) -> str:
    """One line of ``course-key.pub``: type, key id, base64url key."""
    return f"{KEY_TYPE} {key_id(public_raw)} {b64url(public_raw)}"
