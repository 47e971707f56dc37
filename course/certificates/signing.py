"""Ed25519 certificate codes: ``base64url(payload) "." base64url(signature)``.

The payload is a compact JSON array (see ``Certificate.signed_fields``) that names
the key it was signed with, so keys can be rotated: ``course-key.pub`` keeps
every public key ever used, and the site's verify page gets all of them.
The same format is checked in the browser by ``opspor-verify.js``.
"""

from __future__ import annotations

import binascii
import datetime as dt
import json
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from course.certificates.records import CODE_VERSION, Certificate
from course.code_format import MAX_HOURS, MAX_INPUT_CHARS, MAX_TEXT_CHARS, b64url, key_id, unb64url


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


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
    """Accept the bare code or the whole verify URL from the QR code (a code wrapped over lines too)."""
    return "".join(text.strip().rpartition("#")[2].split())


# What a verify answers for a code it cannot read. Plain words for the person checking,
# never a Python error text; the verify page says the same in the course's language.
TOO_LONG = "the code is longer than any certificate code"
NO_DOT = "not a certificate code (no '.')"
BAD_CHARACTERS = "the code contains characters that are never in a certificate code"
DAMAGED = "not a certificate code (damaged or incomplete)"
NESTED = "the code holds nested data, which no certificate code does"
UNKNOWN_FORMAT = "unknown certificate code format (not the nine parts of an Opspor certificate)"

SIGNATURE_BYTES = 64
_CODE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_KEY_ID = re.compile(r"[0-9a-f]{8}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEXT_FIELDS = {2: "certificate number", 3: "name", 4: "track id", 5: "track title", 8: "issuer"}


class CodeError(ValueError):
    """A text that is not a readable certificate code; the message is the plain reason."""


def _nesting(text: str) -> int:
    """How deeply JSON arrays and objects nest in ``text``, counted without parsing (so without recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


def _no_constant(name: str) -> object:
    raise CodeError(DAMAGED)  # NaN and Infinity are not JSON, and never in a code


def _field_problem(fields: list[object]) -> str | None:
    """Why the decoded fields cannot be a certificate, in plain words; None when each has its type."""
    if not (isinstance(fields[1], str) and _KEY_ID.fullmatch(fields[1])):
        return "the key id in the code is not eight hexadecimal digits"
    for index, label in _TEXT_FIELDS.items():
        value = fields[index]
        if not isinstance(value, str) or not value.strip():
            return f"the {label} in the code is missing or not text"
        if len(value) > MAX_TEXT_CHARS:
            return f"the {label} in the code is longer than {MAX_TEXT_CHARS} characters"
    date = fields[6]
    if not (isinstance(date, str) and _DATE.fullmatch(date)):
        return "the date in the code is not a date (YYYY-MM-DD)"
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        return "the date in the code is not a date in the calendar"
    hours = fields[7]
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 <= hours <= MAX_HOURS:
        return f"the hours in the code are not a number from 0 to {MAX_HOURS}"
    return None


def decode(code: str) -> tuple[bytes, bytes, list[object]]:
    """(payload, signature, fields) of a well-formed code; :class:`CodeError` with a plain reason otherwise.

    Every check runs before anything is trusted: size first (a megabyte of input is
    refused without being parsed), then the alphabet, base64url, UTF-8, nesting depth
    (counted, so a payload nested 2,000 deep cannot exhaust the parser's recursion),
    JSON, and each field's type.
    """
    if len(code) > MAX_INPUT_CHARS:
        raise CodeError(TOO_LONG)
    text = code_from_text(code)
    if "." not in text:
        raise CodeError(NO_DOT)
    if not _CODE.fullmatch(text):
        raise CodeError(BAD_CHARACTERS)
    payload_part, signature_part = text.split(".")
    try:
        payload, signature = unb64url(payload_part), unb64url(signature_part)
        json_text = payload.decode("utf-8")
    except (binascii.Error, ValueError):
        raise CodeError(DAMAGED) from None
    if len(signature) != SIGNATURE_BYTES:
        raise CodeError(DAMAGED)
    if _nesting(json_text) > 1:
        raise CodeError(NESTED)
    try:
        fields = json.loads(json_text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise CodeError(DAMAGED) from None
    if not (isinstance(fields, list) and len(fields) == 9 and fields[0] == CODE_VERSION):
        raise CodeError(UNKNOWN_FORMAT)
    problem = _field_problem(fields)
    if problem:
        raise CodeError(problem)
    return payload, signature, fields


def _certificate(fields: list[object]) -> Certificate:
    """The certificate of fields that passed :func:`_field_problem` (so every conversion holds)."""
    _, _, cert_id, name, track_id, track_title, date, hours, issuer = fields
    return Certificate(id=str(cert_id), name=str(name), track_id=str(track_id), track_title=str(track_title),
                       hours=float(hours), date=dt.date.fromisoformat(str(date)), issuer=str(issuer))  # type: ignore[arg-type]


def verify(code: str, public_keys: dict[str, bytes]) -> Verdict:
    """Check ``code`` against the issuer's public keys (key id -> raw 32-byte key)."""
    try:
        payload, signature, fields = decode(code)
    except CodeError as exc:
        return Verdict(False, str(exc))
    certificate = _certificate(fields)
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
