"""Ed25519 certificate codes: ``base64url(payload) "." base64url(signature)``.

The payload is a compact JSON array (see ``Certificate.signed_fields``) that names
the key it was signed with, so keys can be rotated: ``course-key.pub`` keeps
every public key ever used, and the site's verify page gets all of them.
The same format is checked in the browser by ``opspor-verify.js``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from course.certificates.records import CODE_VERSION, Certificate


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public_raw: bytes) -> str:
    """Eight hex digits naming a public key inside codes."""
    return hashlib.sha256(public_raw).hexdigest()[:8]


def sign(certificate: Certificate, private_key: Ed25519PrivateKey) -> str:
    kid = key_id(raw_public_key(private_key.public_key()))
    payload = json.dumps(certificate.signed_fields(kid), ensure_ascii=False, separators=(",", ":")).encode()
    return f"{b64url(payload)}.{b64url(private_key.sign(payload))}"


@dataclass(frozen=True)
class Verdict:
    genuine: bool
    reason: str
    certificate: Certificate | None = None  # decoded fields, shown even when not genuine
    key_id: str | None = None


def code_from_text(text: str) -> str:
    """Accept the bare code or the whole verify URL from the QR code."""
    return text.strip().rpartition("#")[2].strip()


def decode(code: str) -> tuple[bytes, bytes, list[object]]:
    payload_part, dot, signature_part = code_from_text(code).partition(".")
    if not dot:
        raise ValueError("not a certificate code (no '.')")
    try:
        payload, signature = unb64url(payload_part), unb64url(signature_part)
        fields = json.loads(payload.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ValueError("not a certificate code (damaged or incomplete)") from None
    if not (isinstance(fields, list) and len(fields) == 9 and fields[0] == CODE_VERSION):
        raise ValueError("unknown certificate code format")
    return payload, signature, fields


def _certificate(fields: list[object]) -> Certificate:
    _, _, cert_id, name, track_id, track_title, date, hours, issuer = fields
    return Certificate(id=str(cert_id), name=str(name), track_id=str(track_id), track_title=str(track_title),
                       hours=float(hours), date=dt.date.fromisoformat(str(date)), issuer=str(issuer))  # type: ignore[arg-type]


def verify(code: str, public_keys: dict[str, bytes]) -> Verdict:
    """Check ``code`` against the issuer's public keys (key id -> raw 32-byte key)."""
    try:
        payload, signature, fields = decode(code)
        certificate = _certificate(fields)
    except (ValueError, TypeError) as exc:
        return Verdict(False, str(exc))
    kid = str(fields[1])
    raw = public_keys.get(kid)
    if raw is None:
        return Verdict(False, f"signed with an unknown key ({kid}), not by this course's issuer",
                       certificate, kid)
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, payload)
    except InvalidSignature:
        return Verdict(False, "the signature does not match: the certificate has been changed", certificate, kid)
    return Verdict(True, "genuine", certificate, kid)
