"""The site's verify page in real Chromium, from file:// with the network blocked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from course.certificates.keys import load_private_key
from course.certificates.records import issue
from course.certificates.roster import Participant
from course.certificates.signing import sign
from course.i18n import ui_strings
from course.loading import load_course
from tests.certificates.conftest import Issuer, private_key_pem, tampered
from tests.certificates.malformed_codes import CASES
from tests.conftest import NetworkLog, build_into, offline_context

SHOTS = Path("/work/shots/rosters") if Path("/work/shots").is_dir() else Path("/tmp")
NO_WEBCRYPTO = "Object.defineProperty(window.crypto, 'subtle', {value: undefined, configurable: true});"


@pytest.fixture(scope="module")
def issuer_site(issuer: Issuer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(load_course(issuer.course_root), tmp_path_factory.mktemp("issuer-site") / "site")


@pytest.fixture(scope="module")
def code(issuer: Issuer) -> str:
    course = load_course(issuer.course_root)
    record = issue(course, [Participant("Åse Øberg-Lærkesen", 2)], "laerer", dt.date(2026, 3, 1), "Region Syd")[0]
    return sign(record, load_private_key(issuer.keys_dir))


def check(page, site: Path, text: str, *, via_link: bool) -> tuple[str, str | None, str]:
    url = (site / "bekraeft.html").as_uri()
    if via_link:
        page.goto(f"{url}#{text}")
    else:
        page.goto(url)
        page.fill("#opspor-verify-code", text)
        page.get_by_role("button", name="Kontrollér").click()
    result = page.locator("#opspor-verify-result[data-result]")
    result.wait_for()
    return result.get_attribute("data-result"), result.get_attribute("data-engine"), result.inner_text()


@pytest.mark.parametrize("engine", ["webcrypto", "fallback"])
def test_a_real_code_from_the_qr_link_is_genuine(offline_page, issuer_site: Path, code: str, engine: str) -> None:
    page, network = offline_page
    if engine == "fallback":
        page.add_init_script(NO_WEBCRYPTO)
    state, used, text = check(page, issuer_site, code, via_link=True)
    assert (state, used) == ("genuine", engine)
    assert "Ægte kursusbevis" in text
    assert "Åse Øberg-Lærkesen" in text and "Spor for laerer" in text and "1. marts 2026" in text
    assert network.blocked == []


@pytest.mark.parametrize("engine", ["webcrypto", "fallback"])
@pytest.mark.parametrize(("index", "value"), [(3, "Åse Øberg"), (6, "2026-03-02"), (4, "politi")])
def test_a_tampered_code_is_not_genuine(offline_page, issuer_site: Path, code: str, engine: str, index: int,
                                        value: str) -> None:
    page, network = offline_page
    if engine == "fallback":
        page.add_init_script(NO_WEBCRYPTO)
    state, used, text = check(page, issuer_site, tampered(code, index, value), via_link=False)
    assert (state, used) == ("not-genuine", engine)
    assert "Ikke ægte" in text and "Åse" not in text
    assert network.blocked == []


def test_a_code_from_another_key_and_garbage_are_not_genuine(offline_page, issuer_site: Path,
                                                              issuer: Issuer) -> None:
    page, _ = offline_page
    record = issue(load_course(issuer.course_root), [Participant("Bo", 2)], "laerer", dt.date(2026, 3, 1), "X")[0]
    foreign = sign(record, Ed25519PrivateKey.generate())
    assert check(page, issuer_site, foreign, via_link=False)[0] == "not-genuine"
    assert check(page, issuer_site, "kode-der-ikke-findes", via_link=False)[0] == "not-genuine"


def test_a_site_without_issuer_key_says_it_cannot_check(offline_page, mini_site: Path, code: str) -> None:
    page, _ = offline_page
    state, _, text = check(page, mini_site, code, via_link=True)
    assert state == "info"
    assert "ingen udsteder-nøgle" in text


def test_the_private_key_never_enters_the_site(issuer: Issuer, issuer_site: Path) -> None:
    pem = private_key_pem(issuer)
    secret_line = pem.splitlines()[1]
    for path in issuer_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret_line not in data, path
    assert not list(issuer_site.rglob("*.pem"))


@pytest.mark.parametrize("size", [(390, 844), (1366, 768)], ids=["phone", "desktop"])
def test_a_malformed_code_is_not_genuine_with_a_plain_danish_reason(browser, issuer_site: Path,
                                                                    size: tuple[int, int]) -> None:
    """Each hostile text of malformed_codes, pasted: "Ikke ægte" and the reason, no script error, nothing sent."""
    network = NetworkLog()
    context = offline_context(browser, network, viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    strings = ui_strings("da")
    try:
        for case in CASES:
            state, _, text = check(page, issuer_site, case.text, via_link=False)
            reason = strings[case.page_reason]
            if case.page_field:
                reason = reason.replace("{field}", strings[case.page_field])
            assert (state, text.split()) == ("not-genuine", f"Ikke ægte {reason}".split()), case.id
        result = page.locator("#opspor-verify-result")
        box = result.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size[0]  # the reason wraps, fits
        page.screenshot(path=str(SHOTS / f"verify-malformed-{size[0]}.png"))
    finally:
        context.close()
    assert errors == []
    assert network.blocked == []
