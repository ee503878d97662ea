"""First start of a fresh Sanad server, driven through a real (headless) browser.

setup link -> admin account -> sign in -> create a caseworker -> sign out -> Arabic interface ->
caseworker signs in -> registers a person -> finds her with folded Arabic spellings -> signs out.

Run: SANAD_BIN=$(swift build -c release --show-bin-path)/sanad python -m pytest -q e2e
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import quote, urlparse

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import SanadServer, http_get

WAIT = 20  # seconds for any navigation / element

ADMIN_USER = "admin1"
ADMIN_PASSWORD = "Sanad-e2e-admin-passphrase-2024"
CW_USER = "cw1"
CW_PASSWORD = "Sanad-e2e-caseworker-passphrase-7"

NAME_ORIGINAL = "فاطمة إبراهيم"
NAME_LATIN = "Fatima Ibrahim"

UUID_PATH = re.compile(r"/people/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
REGISTRATION_NUMBER = re.compile(r"GDF-[0-9]{4}-[0-9]{6}")
BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

# A <script> that carries code in the page itself (not src=..., not a JSON/data block).
INLINE_SCRIPTS_JS = """
return Array.from(document.scripts)
  .filter(s => !s.src && s.textContent.trim() !== '' &&
               (s.type === '' || /javascript|ecmascript|module/i.test(s.type)))
  .map(s => s.outerHTML.slice(0, 200));
"""


# --------------------------------------------------------------------------------------------
# helpers


def path_of(driver: WebDriver) -> str:
    return urlparse(driver.current_url).path


def where(driver: WebDriver) -> str:
    """Context for assertion messages: current URL, title and the start of the visible text."""
    try:
        body = driver.find_element(By.TAG_NAME, "body").text
    except Exception:  # noqa: BLE001 - only for a message
        body = "<no body>"
    body = re.sub(r"\s+", " ", body)[:600]
    return f"\n  at: {driver.current_url}\n  title: {driver.title!r}\n  text: {body}"


def html_attrs(driver: WebDriver) -> tuple[str | None, str | None]:
    html = driver.find_element(By.TAG_NAME, "html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def wait_ready(driver: WebDriver) -> None:
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")


def check_page(driver: WebDriver, server: SanadServer, *, allow_error_page: bool = False) -> None:
    """Checks every visited page: server alive, not an error page, no inline script code."""
    server.check_alive()
    wait_ready(driver)
    if not allow_error_page:
        assert not driver.find_elements(By.ID, "error-page"), f"error page shown{where(driver)}"
    inline = driver.execute_script(INLINE_SCRIPTS_JS)
    assert not inline, f"page has inline <script> code: {inline}{where(driver)}"


def visit(driver: WebDriver, server: SanadServer, url_or_path: str, **kw) -> None:
    url = url_or_path if url_or_path.startswith("http") else server.url(url_or_path)
    driver.get(url)
    check_page(driver, server, **kw)


def click_and_wait(driver: WebDriver, server: SanadServer, css: str, expected_path, **kw) -> None:
    """Clicks a submit control, waits for a new document and for the expected path.

    expected_path: a path string or a compiled regex that must fully match the path.
    """
    old_html = driver.find_element(By.TAG_NAME, "html")
    control = driver.find_element(By.CSS_SELECTOR, css)
    control.click()

    def replaced(_: WebDriver) -> bool:
        # While Chromium swaps documents, touching the old <html> raises either a stale-element error or, in a
        # short window, an "unknown error: Node ... does not belong to the document"; both mean it is gone.
        try:
            old_html.is_enabled()
            return False
        except WebDriverException:
            return True

    try:
        WebDriverWait(driver, WAIT).until(replaced)
    except TimeoutException:
        raise AssertionError(f"clicking {css} did not load a new page{where(driver)}") from None

    def path_ok(d: WebDriver) -> bool:
        server.check_alive()  # fail at once, with the server's output, if it crashed
        p = path_of(d)
        return p == expected_path if isinstance(expected_path, str) else bool(expected_path.fullmatch(p))

    try:
        WebDriverWait(driver, WAIT).until(path_ok)
    except TimeoutException:
        want = expected_path if isinstance(expected_path, str) else expected_path.pattern
        raise AssertionError(f"after clicking {css} expected path {want!r}, got {path_of(driver)!r}{where(driver)}") from None
    check_page(driver, server, **kw)


def fill(driver: WebDriver, name: str, value: str) -> None:
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)
    actual = field.get_attribute("value")
    assert actual == value, f"field {name!r} holds {actual!r} after typing {value!r}"


def select(driver: WebDriver, name: str, value: str) -> None:
    Select(driver.find_element(By.NAME, name)).select_by_value(value)


def check(driver: WebDriver, css: str) -> None:
    box = driver.find_element(By.CSS_SELECTOR, css)
    if not box.is_selected():
        box.click()
    assert box.is_selected(), f"checkbox {css} is not checked"


def shot(driver: WebDriver, artifacts: Path, name: str) -> None:
    driver.save_screenshot(str(artifacts / f"{name}.png"))


def assert_arabic(driver: WebDriver) -> None:
    lang, direction = html_attrs(driver)
    assert lang == "ar" and direction == "rtl", f'expected <html lang="ar" dir="rtl">, got lang={lang!r} dir={direction!r}{where(driver)}'


def wait_arabic(driver: WebDriver) -> None:
    def ok(d: WebDriver) -> bool:
        try:
            return html_attrs(d) == ("ar", "rtl")
        except StaleElementReferenceException:
            return False

    try:
        WebDriverWait(driver, WAIT).until(ok)
        return
    except TimeoutException:
        pass
    assert_arabic(driver)  # fails with the details


def assert_signed_in(driver: WebDriver) -> None:
    assert driver.find_elements(By.ID, "signout"), f"no #signout button on a signed-in page{where(driver)}"


def sign_in(driver: WebDriver, server: SanadServer, username: str, password: str) -> None:
    if path_of(driver) != "/signin":
        visit(driver, server, "/signin")
    fill(driver, "username", username)
    fill(driver, "password", password)
    click_and_wait(driver, server, "#submit", "/")
    assert_signed_in(driver)


def sign_out(driver: WebDriver, server: SanadServer) -> None:
    click_and_wait(driver, server, "#signout", "/signin")
    assert not driver.find_elements(By.ID, "signout"), f"#signout still shown after signing out{where(driver)}"


def person_links(driver: WebDriver) -> list[tuple[str, str]]:
    return [(a.text, a.get_attribute("href") or "") for a in driver.find_elements(By.CSS_SELECTOR, "a.person-link")]


def search(driver: WebDriver, server: SanadServer, query: str) -> list[tuple[str, str]]:
    visit(driver, server, "/people?q=" + quote(query))
    assert path_of(driver) == "/people", f"search for {query!r} left /people{where(driver)}"
    return person_links(driver)


def assert_found(links: list[tuple[str, str]], query: str, person_path: str, driver: WebDriver) -> None:
    hits = [(text, href) for text, href in links if NAME_ORIGINAL in text]
    assert hits, f"search q={query!r}: no a.person-link containing {NAME_ORIGINAL!r}; links: {links}{where(driver)}"
    assert any(urlparse(href).path == person_path for _, href in hits), (
        f"search q={query!r}: a.person-link for {NAME_ORIGINAL!r} does not point to {person_path}: {hits}"
    )


# --------------------------------------------------------------------------------------------
# the test


def test_first_start(sanad_server: SanadServer, browser: WebDriver, artifacts: Path) -> None:
    server, d = sanad_server, browser
    started = time.monotonic()

    # a. one-time setup link creates the first administrator
    visit(d, server, server.setup_url)
    lang, _ = html_attrs(d)
    assert lang and not lang.startswith("ar"), f"fresh English browser got html lang={lang!r}{where(d)}"
    fill(d, "username", ADMIN_USER)
    fill(d, "password", ADMIN_PASSWORD)
    fill(d, "password_confirm", ADMIN_PASSWORD)
    shot(d, artifacts, "01-setup-form")
    click_and_wait(d, server, "#submit", "/signin")
    shot(d, artifacts, "02-setup-done-signin")

    # the link is single-use
    visit(d, server, server.setup_url, allow_error_page=True)
    assert not d.find_elements(By.NAME, "password_confirm"), f"setup form still offered after first use{where(d)}"
    assert d.find_elements(By.ID, "setup-invalid"), f"no #setup-invalid notice on a used setup link{where(d)}"
    shot(d, artifacts, "03-setup-link-used")

    # b. administrator signs in
    sign_in(d, server, ADMIN_USER, ADMIN_PASSWORD)
    shot(d, artifacts, "04-admin-home")

    # c. administrator creates a caseworker for Gedaref (SD12)
    visit(d, server, "/admin/users/new")
    assert_signed_in(d)
    fill(d, "username", CW_USER)
    fill(d, "password", CW_PASSWORD)
    select(d, "role", "caseworker")
    check(d, "input[name=centres][value=SD12]")
    shot(d, artifacts, "05-new-caseworker-form")
    click_and_wait(d, server, "#submit", "/admin/users")
    assert_signed_in(d)
    body = d.find_element(By.TAG_NAME, "body").text
    assert CW_USER in body, f"{CW_USER} not listed on /admin/users{where(d)}"
    shot(d, artifacts, "06-admin-users")

    # d. sign out
    sign_out(d, server)

    # e. switch the interface to Arabic (language switch on every page)
    click_and_wait(d, server, "#lang-ar", re.compile(r"/.*"))
    wait_arabic(d)
    shot(d, artifacts, "07-arabic-signin")

    # f. caseworker signs in; the interface stays Arabic
    sign_in(d, server, CW_USER, CW_PASSWORD)
    assert_arabic(d)
    shot(d, artifacts, "08-caseworker-home-ar")

    # g. register a person (age estimate, no birth date)
    visit(d, server, "/people/new")
    assert_signed_in(d)
    assert_arabic(d)
    fill(d, "name_original", NAME_ORIGINAL)
    fill(d, "name_latin", NAME_LATIN)
    select(d, "sex", "Feminine")
    fill(d, "age_estimate", "27")
    assert d.find_element(By.NAME, "birth_date").get_attribute("value") == "", "birth_date is not empty"
    select(d, "nationality", "ERI")
    check(d, "input[name=consent_interview]")
    shot(d, artifacts, "09-new-person-form")
    click_and_wait(d, server, "#submit", UUID_PATH)
    person_path = path_of(d)
    name_text = d.find_element(By.ID, "person-name").text
    assert NAME_ORIGINAL in name_text, f"#person-name is {name_text!r}{where(d)}"
    reg_raw = d.find_element(By.ID, "registration-number").text
    reg = BIDI_MARKS.sub("", reg_raw).strip()
    assert REGISTRATION_NUMBER.fullmatch(reg), f"#registration-number is {reg_raw!r}, expected GDF-NNNN-NNNNNN{where(d)}"

    # i. (person page) right-to-left Arabic
    assert_arabic(d)
    assert_signed_in(d)
    shot(d, artifacts, "10-person-page-ar")

    # h. search folds Arabic letter variants: ة/ه, إ/ا
    links = search(d, server, "فاطمه")
    assert_found(links, "فاطمه", person_path, d)
    assert_arabic(d)  # i. (list page)
    assert_signed_in(d)
    shot(d, artifacts, "11-search-fatmah-ar")

    links = search(d, server, "ابراهيم")
    assert_found(links, "ابراهيم", person_path, d)
    assert_arabic(d)
    shot(d, artifacts, "12-search-ibrahim-ar")

    # control: a name nobody has must not list her (the search really filters)
    links = search(d, server, "زينب")
    assert not [t for t, _ in links if NAME_ORIGINAL in t], f"search q='زينب' lists {NAME_ORIGINAL!r}: {links}{where(d)}"

    # j. sign out; the people list is then closed, also for the old session cookie
    old_cookies = "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())
    status, _, _ = http_get(server.url("/people"), follow_redirects=False, cookie=old_cookies)
    assert status == 200, f"GET /people with the browser's session cookies answered {status} before sign-out"
    sign_out(d, server)
    shot(d, artifacts, "13-signed-out")
    visit(d, server, "/people")
    assert path_of(d) == "/signin", f"/people after sign-out did not redirect to /signin{where(d)}"
    status, headers, _ = http_get(server.url("/people"), follow_redirects=False)
    assert 300 <= status < 400, f"GET /people without a session answered {status}, expected a redirect"
    assert urlparse(headers.get("Location", "")).path == "/signin", f"GET /people redirects to {headers.get('Location')!r}"
    status, headers, _ = http_get(server.url("/people"), follow_redirects=False, cookie=old_cookies)
    assert 300 <= status < 400 and urlparse(headers.get("Location", "")).path == "/signin", (
        f"the session cookie from before sign-out still opens /people (HTTP {status}): sign-out must end the session on the server"
    )

    print(f"\nfirst-start flow took {time.monotonic() - started:.1f} s; screenshots in {artifacts}")
