"""`build.py verify` answers NOT GENUINE with a plain reason for any malformed code: no traceback, no Python text."""

from __future__ import annotations

import threading

import pytest
from click.testing import CliRunner

from build import cli
from course.certificates.signing import b64url, decode, verify
from tests.certificates.conftest import Issuer
from tests.certificates.malformed_codes import CASES, Malformed

PYTHON_WORDS = ("Traceback", "Error", "Expecting", "could not convert", "must be in", "invalid literal",
                "object", "NoneType", "recursion", "Internal error")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_verify_answers_not_genuine_with_the_plain_reason(issuer: Issuer, case: Malformed) -> None:
    box: dict[str, object] = {}
    worker = threading.Thread(target=lambda: box.update(result=CliRunner().invoke(
        cli, ["--course", str(issuer.course_root), "verify", case.text])), daemon=True)
    worker.start()
    worker.join(20)
    assert not worker.is_alive(), "verify did not answer within 20 s"
    result = box["result"]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # type: ignore[attr-defined]
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.output == f"NOT GENUINE: {case.reason}\n"  # type: ignore[attr-defined]
    assert not any(word in result.output for word in PYTHON_WORDS)  # type: ignore[attr-defined]


def test_a_megabyte_and_a_payload_nested_100000_deep_are_refused_fast() -> None:
    keys = {"0a1b2c3d": bytes(32)}
    assert not verify("A" * 10_000_000, keys).genuine
    deep = f"{b64url(b'[' * 100_000)}.{b64url(bytes(64))}"
    verdict = verify(deep, keys)
    assert not verdict.genuine and "longer than any certificate code" in verdict.reason


def test_random_damage_to_a_real_code_never_raises(issuer: Issuer) -> None:
    """Seeded mutations of a genuine code: each is answered; only a change that decodes to the same bytes
    (base64's unused bits in a last character) may still be genuine."""
    import datetime as dt
    import random

    from course.certificates.keys import load_private_key
    from course.certificates.records import Certificate
    from course.certificates.signing import sign
    from course.loading.public_keys import read_public_keys

    record = Certificate("20260301-001-ABCD", "Åse", "laerer", "Spor for laerer", 4.5, dt.date(2026, 3, 1), "X")
    code = sign(record, load_private_key(issuer.keys_dir))
    keys = read_public_keys(issuer.course_root)
    original = decode(code)[:2]
    alphabet = "ABCXYZabcxyz0189-_.[]{}\"%#= \u00e6\u202e"
    chance = random.Random(20261202)
    for _ in range(400):
        chars = list(code)
        for _ in range(chance.randint(1, 3)):
            position = chance.randrange(len(chars))
            action = chance.choice(("replace", "delete", "insert"))
            if action == "replace":
                chars[position] = chance.choice(alphabet)
            elif action == "delete":
                del chars[position]
            else:
                chars.insert(position, chance.choice(alphabet))
        verdict = verify("".join(chars), keys)
        assert verdict.reason
        if verdict.genuine:
            assert decode("".join(chars))[:2] == original
