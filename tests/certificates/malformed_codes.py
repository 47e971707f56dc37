"""Texts that are not certificate codes, each with the plain reason the CLI and the verify page must give.

Shared by the command-line test and the browser test, so both answer the same hostile input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from course.certificates import signing
from course.certificates.signing import b64url

SIGNATURE = b64url(bytes(64))  # the right length, never a valid signature
GOOD = ["opspor1", "0a1b2c3d", "20260301-001-ABCD", "Åse Øberg", "laerer", "Spor for laerer", "2026-03-01", 4.5,
        "Region Syd"]


def _code(payload: bytes | str) -> str:
    data = payload.encode() if isinstance(payload, str) else payload
    return f"{b64url(data)}.{SIGNATURE}"


def _fields(**changes: object) -> str:
    fields: list[object] = list(GOOD)
    for index, value in changes.items():
        fields[int(index[1:])] = value
    return _code(json.dumps(fields, ensure_ascii=False))


@dataclass(frozen=True)
class Malformed:
    id: str
    text: str
    reason: str  # what `build.py verify` prints after "NOT GENUINE: "
    page_reason: str  # the UI string key the verify page shows
    page_field: str | None = None  # the field label key put into verify_reason_field


CASES = [
    Malformed("nested-2000-deep", _code("[" * 2000 + "]" * 2000), signing.NESTED, "verify_reason_nested"),
    Malformed("nested-object", _fields(f7={"timer": [4.5]}), signing.NESTED, "verify_reason_nested"),
    Malformed("key-id-a-number", _fields(f1=12345678), "the key id in the code is not eight hexadecimal digits",
              "verify_reason_field", "verify_field_key"),
    Malformed("name-a-number", _fields(f3=42), "the name in the code is missing or not text",
              "verify_reason_field", "verify_name"),
    Malformed("name-null", _fields(f3=None), "the name in the code is missing or not text",
              "verify_reason_field", "verify_name"),
    Malformed("name-10000-characters", _fields(f3="x" * 1001),
              "the name in the code is longer than 1000 characters", "verify_reason_field", "verify_name"),
    Malformed("impossible-date", _fields(f6="2026-02-30"), "the date in the code is not a date in the calendar",
              "verify_reason_field", "verify_date"),
    Malformed("date-a-number", _fields(f6=20260301), "the date in the code is not a date (YYYY-MM-DD)",
              "verify_reason_field", "verify_date"),
    Malformed("hours-text", _fields(f7="fire"), "the hours in the code are not a number from 0 to 10000",
              "verify_reason_field", "verify_hours"),
    Malformed("hours-true", _fields(f7=True), "the hours in the code are not a number from 0 to 10000",
              "verify_reason_field", "verify_hours"),
    Malformed("hours-1e999", _code(json.dumps(GOOD).replace("4.5", "1e999")),
              "the hours in the code are not a number from 0 to 10000", "verify_reason_field", "verify_hours"),
    Malformed("hours-NaN", _code(json.dumps(GOOD).replace("4.5", "NaN")), signing.DAMAGED, "verify_unreadable"),
    Malformed("missing-fields", _code(json.dumps(GOOD[:2])), signing.UNKNOWN_FORMAT, "verify_reason_format"),
    Malformed("an-object", _code('{"name": "Åse"}'), signing.UNKNOWN_FORMAT, "verify_reason_format"),
    Malformed("not-json", _code("kursusbevis"), signing.DAMAGED, "verify_unreadable"),
    Malformed("not-utf-8", _code(b"\xff\xfe[]"), signing.DAMAGED, "verify_unreadable"),
    Malformed("bad-base64-length", "A.B", signing.DAMAGED, "verify_unreadable"),
    Malformed("short-signature", _fields().split(".")[0] + ".AAAA", signing.DAMAGED, "verify_unreadable"),
    Malformed("foreign-characters", "eyJ9.<script>alert(1)</script>", signing.BAD_CHARACTERS,
              "verify_reason_characters"),
    Malformed("no-dot", "kode-der-ikke-findes", signing.NO_DOT, "verify_unreadable"),
    Malformed("100-kb", "A" * 100_000 + "." + SIGNATURE, signing.TOO_LONG, "verify_reason_too_long"),
]
