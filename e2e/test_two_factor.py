"""Two-factor sign-in in the browser, in Arabic and in English (issue 12).

A supervisor of Khartoum (from the CLI) signs in with a password, sets up the second factor from the account page
(the QR code is drawn and the secret is shown as text), confirms it with a code computed here from that secret as
an authenticator app would (RFC 6238), and is shown ten recovery codes. Signed out and in again, the password alone
opens nothing: the code is asked for on its own page, a wrong code is refused in the page's language, and the
code of the next time step signs in. Screenshots: two-factor-<language>-*.png in the artifacts folder.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import SanadServer, create_user
from test_first_start import assert_signed_in, click_and_wait, fill, path_of, shot, sign_in, sign_out, visit, wait_arabic, where

PASSWORD = "Sanad-e2e-two-factor-passphrase"

EXPECT = {
    "en": {"setup": "Set up two-factor sign-in", "codes": "Your recovery codes", "code": "Enter your code",
           "wrong": "This code is wrong"},
    "ar": {"setup": "إعداد الدخول بخطوتين", "codes": "رموز الاسترداد الخاصة بك", "code": "أدخل الرمز",
           "wrong": "هذا الرمز خاطئ"},
}


def totp(secret: str, at: float) -> str:
    """RFC 6238 with SHA-1, 6 digits, 30-second steps: what every authenticator app computes."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, int(at // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return str((int.from_bytes(mac[offset:offset + 4], "big") & 0x7FFFFFFF) % 1_000_000).zfill(6)


def heading(d: WebDriver) -> str:
    return d.find_element(By.TAG_NAME, "h1").text


@pytest.mark.parametrize("language", ["ar", "en"])
def test_two_factor_sign_in(sanad_server: SanadServer, browser: WebDriver, artifacts: Path, language: str) -> None:
    server, d = sanad_server, browser
    username = f"sup-2fa-{language}"
    create_user(server, username, "supervisor", "SD01", PASSWORD)
    visit(d, server, "/signin")
    if language == "ar":
        click_and_wait(d, server, "#lang-ar", "/signin")
    sign_in(d, server, username, PASSWORD)
    if language == "ar":
        wait_arabic(d)

    visit(d, server, "/account")
    click_and_wait(d, server, "#two-factor-start", "/account/two-factor")
    assert EXPECT[language]["setup"] in heading(d), f"set-up page heading{where(d)}"
    qr = d.find_elements(By.CSS_SELECTOR, "svg#two-factor-qr")
    assert qr and qr[0].size["width"] >= 200, f"no QR code drawn{where(d)}"
    secret = d.find_element(By.ID, "two-factor-secret").text.replace(" ", "")
    assert len(secret) == 32, f"the secret as text: {secret!r}"
    shot(d, artifacts, f"two-factor-{language}-1-setup")
    used = time.time()
    fill(d, "code", totp(secret, used))
    click_and_wait(d, server, "#submit", "/account/two-factor/confirm")
    assert EXPECT[language]["codes"] in heading(d), f"recovery codes page{where(d)}"
    codes = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#recovery-codes li")]
    assert len(codes) == 10, f"{len(codes)} recovery codes shown{where(d)}"
    shot(d, artifacts, f"two-factor-{language}-2-recovery-codes")
    sign_out(d, server)

    # The password alone opens nothing now.
    fill(d, "username", username)
    fill(d, "password", PASSWORD)
    click_and_wait(d, server, "#submit", "/signin")
    assert not d.find_elements(By.ID, "signout"), f"signed in with the password alone{where(d)}"
    assert EXPECT[language]["code"] in heading(d), f"code page heading{where(d)}"
    if language == "ar":
        wait_arabic(d)
    fill(d, "code", "000000")
    click_and_wait(d, server, "#submit", "/signin/code", allow_error_page=True)
    summary = d.find_elements(By.CSS_SELECTOR, ".error-summary")
    assert summary and EXPECT[language]["wrong"] in summary[0].text, f"wrong code not refused in {language}{where(d)}"
    shot(d, artifacts, f"two-factor-{language}-3-wrong-code")
    # A code works once: wait for the next time step after the one the set-up used.
    time.sleep(max(0.0, (int(used // 30) + 1) * 30 - time.time()) + 1)
    fill(d, "code", totp(secret, time.time()))
    click_and_wait(d, server, "#submit", "/")
    assert_signed_in(d)
    assert path_of(d) == "/"
