"""Certificate codes and the issuer's Ed25519 public keys as text: base64url, key ids, the codes' limits.

A key is named inside codes by its key id (eight hex digits of its SHA-256) and
written as base64url without padding. The loader reads ``course-key.pub`` with these
(``course.loading.public_keys``), ``keys init`` appends to it, signing and decoding use
them and the limits (``course.certificates.signing``), and the verify page hands the same
limits to the browser (``course.site.verify_page``); so this module imports nothing of the
course, and none of those parts has to import another for them.
"""

from __future__ import annotations

import base64
import hashlib

PUBLIC_KEYS_FILE = "course-key.pub"
KEY_TYPE = "ed25519"

# What a decoder accepts at most, in Python (signing.decode) and in the browser (the verify page).
MAX_INPUT_CHARS = 8192  # a real code is under 2,000 characters, a verify link some 100 more
MAX_TEXT_CHARS = 1000  # any one text in a code (a name is at most 100)
MAX_HOURS = 10_000


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
