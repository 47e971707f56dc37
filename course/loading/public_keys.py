"""Reading ``course-key.pub``: the issuer's public keys, which the verify page and ``verify`` check codes with.

It is a course source like ``course.yml`` (committed beside it, so every build can verify
every certificate ever issued), so it is read and checked here with the other sources
and a bad line is a ``path:line`` problem of ``check``; outputs take the keys from the model.
"""

from __future__ import annotations

import os
from pathlib import Path

from course.code_format import KEY_TYPE, PUBLIC_KEYS_FILE, key_id, unb64url
from course.loading.text_files import read_text


class PublicKeyError(Exception):
    """A line of ``course-key.pub`` that is not a public key; carries the line."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def read_public_keys(course_root: Path) -> dict[str, bytes]:
    """Key id -> raw public key from the course's ``course-key.pub``; empty when the course has no issuer yet.

    Raises :class:`PublicKeyError` (a bad line) or ``SourceTextError`` (not a readable text file).
    """
    path = course_root / PUBLIC_KEYS_FILE
    if not os.path.lexists(path):
        return {}
    return parse_public_keys(read_text(path, course_root))


def parse_public_keys(text: str) -> dict[str, bytes]:
    """Key id -> raw key from the text of ``course-key.pub``; PublicKeyError names the bad line."""
    keys = {}
    for number, line in enumerate(text.split("\n"), 1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        try:
            kind, kid, encoded = fields[:3]
            raw = unb64url(encoded)
        except ValueError:
            raise PublicKeyError(number, "expected 'ed25519 KEY-ID KEY'") from None
        if kind != KEY_TYPE or len(raw) != 32 or key_id(raw) != kid:
            raise PublicKeyError(number, "not a valid ed25519 public key line")
        keys[kid] = raw
    return keys
