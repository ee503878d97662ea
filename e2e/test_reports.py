"""The indicators dashboard, its downloads and the awareness events, as a data officer, in English and in Arabic.

A module-scoped server (this module overrides conftest's function-scoped `sanad_server`, so that the demo data is
made once for both languages and the failure hook still appends the server's output): an empty data folder is
filled with `sanad demo --people 400` (a year of synthetic activity over three centres and the demo accounts),
then `sanad serve` starts on it and a data officer of Khartoum (SD01) is created with the CLI.

In the browser, as that data officer: sign in, open the dashboard from the header (headline table with a non-zero
"People assisted", three inline SVG charts, the trend flags), narrow the period to the last three months with the
filter form (the total must not grow), give a reversed period (an error page with HTTP 422), fetch the four
downloads with the browser's session (figures CSV with a byte-order mark; HXL without one, tagged, read by libhxl;
CTDC 2017 columns, k = 11 over the quasi-identifiers), open the events list and its CSV, and check the pages a data
officer must not open (403). Full-page screenshots reports-en.png and reports-ar.png go to the artifacts folder.

Run: SANAD_BIN=/path/to/sanad python -m pytest -q e2e/test_reports.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from conftest import (
    _ANSI,
    REPO_ROOT,
    SanadServer,
    _artifacts_dir,
    _free_port,
    _resolve_server_binary,
    create_user,
    http_get,
    stop_server,
)
from test_first_start import WAIT, assert_arabic, click_and_wait, fill, sign_out, visit, wait_arabic, where

PASSWORD = "Sanad-e2e-reports-passphrase"
DATA_OFFICER = "do-reports"
DEMO_PEOPLE = 400
HEALTH_TIMEOUT = 60.0
BOM = b"\xef\xbb\xbf"

ASSISTED = {"en": "People assisted", "ar": "الأشخاص الذين تلقوا المساعدة"}
CTDC_QUASI = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "majorityStatus"]
CTDC_START = "yearOfRegistration,Datasource,gender,ageBroad"
EVENTS_HEADER = "start_date,end_date,type,title,state_pcode,locality_pcode,centre,partners"

# Demo prints each account once: "  data-officer   demo-data-officer  <password>".
DEMO_ACCOUNT = re.compile(r"^\s+(\S+)\s+(demo-\S+)\s+(\S+)\s*$", re.M)

# Requests to our own loopback server never go through a proxy from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# --------------------------------------------------------------------------------------------
# the server with a year of demo data (module scope)


def _cli_env(data_dir: Path) -> dict[str, str]:
    """The same environment as conftest's server and create_user: this data folder, the default key file."""
    env = dict(os.environ, SANAD_DATA_DIR=str(data_dir))
    env.pop("SANAD_MASTER_KEY", None)
    env.pop("DATABASE_URL", None)
    return env


@pytest.fixture(scope="module")
def sanad_server():
    """Demo data in a fresh data folder, then a server on it, then a data officer of SD01 (module scope)."""
    artifacts = _artifacts_dir()
    binary = _resolve_server_binary()
    data_dir = Path(tempfile.mkdtemp(prefix="sanad-e2e-reports-"))
    env = _cli_env(data_dir)

    started = time.monotonic()
    demo = subprocess.run(
        [str(binary), "demo", "--people", str(DEMO_PEOPLE)],
        cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240,
    )
    shown = DEMO_ACCOUNT.sub(lambda m: m.group(0).replace(m.group(3), "<password>"), demo.stdout)
    (artifacts / "reports-demo.log").write_text(shown + demo.stderr, encoding="utf-8")
    if demo.returncode != 0:
        shutil.rmtree(data_dir, ignore_errors=True)
        pytest.fail(f"sanad demo failed ({demo.returncode}):\n{demo.stdout}\n{demo.stderr}", pytrace=False)
    accounts = {user: password for _, user, password in DEMO_ACCOUNT.findall(demo.stdout)}
    if "demo-data-officer" not in accounts:
        shutil.rmtree(data_dir, ignore_errors=True)
        pytest.fail(f"sanad demo printed no demo-data-officer password:\n{demo.stdout}", pytrace=False)
    print(f"\nsanad demo --people {DEMO_PEOPLE} took {time.monotonic() - started:.1f} s")

    port = _free_port()
    cmd = [str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)]
    if shutil.which("stdbuf"):
        cmd = [shutil.which("stdbuf"), "-oL", "-eL", *cmd]
    proc = subprocess.Popen(
        cmd, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, encoding="utf-8", errors="replace", bufsize=1,
    )
    lines: list[str] = []

    def reader() -> None:
        with open(artifacts / "server-reports.log", "w", encoding="utf-8") as log:
            for raw in proc.stdout:
                line = _ANSI.sub("", raw)
                lines.append(line)
                log.write(line)
                log.flush()

    thread = threading.Thread(target=reader, name="sanad-reports-stdout", daemon=True)
    thread.start()
    server = SanadServer(
        base_url=f"http://127.0.0.1:{port}", setup_url="", port=port, data_dir=data_dir, process=proc, lines=lines
    )
    server.demo_accounts = accounts  # type: ignore[attr-defined]

    def stop() -> None:
        stop_server(proc, thread, data_dir)

    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while True:
            server.check_alive()
            try:
                if http_get(server.url("/health"), timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"/health did not answer 200 within {HEALTH_TIMEOUT:.0f} s:\n{server.output()}",
                            pytrace=False)
            time.sleep(0.2)
        create_user(server, DATA_OFFICER, "data-officer", "SD01", PASSWORD)
    except BaseException:
        stop()
        raise
    yield server
    died = proc.poll()
    stop()
    if died is not None:
        pytest.fail(f"the Sanad server exited on its own (code {died}):\n{server.output(200)}", pytrace=False)


# --------------------------------------------------------------------------------------------
# helpers


def cookie_header(d: WebDriver) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())


def fetch(d: WebDriver, url: str):
    """GET with the browser's session cookies, no proxy; (status, headers (case-insensitive), raw body). HTTP errors are returned."""
    request = urllib.request.Request(url, headers={"Cookie": cookie_header(d)})
    try:
        with _opener.open(request, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read() if err.fp else b""


def headline_total(d: WebDriver, language: str) -> int:
    rows = d.find_elements(By.XPATH, f"//table[@id='headline']/tbody/tr[th[normalize-space()='{ASSISTED[language]}']]")
    assert rows, f"no {ASSISTED[language]!r} row in #headline{where(d)}"
    total = rows[0].find_element(By.XPATH, "./td[1]").text.strip()
    assert re.fullmatch(r"\d+", total), f"the 'people assisted' total is {total!r}, not plain digits{where(d)}"
    return int(total)


def x_label_positions(d: WebDriver) -> list[list[float]]:
    """Per chart: the x of the month labels, in the order of the months (first month first)."""
    return d.execute_script(
        """
        return Array.from(document.querySelectorAll('#main svg[role="img"]')).map(svg =>
          Array.from(svg.querySelectorAll('g[font-size="10"] > text'))
            .filter(t => /^\\d{4}-\\d{2}$/.test(t.textContent.trim()))
            .map(t => parseFloat(t.getAttribute('x'))));
        """
    )


def check_dashboard(d: WebDriver, language: str) -> int:
    """The dashboard's parts; returns the 'people assisted' total."""
    if language == "ar":
        assert_arabic(d)
    total = headline_total(d, language)
    charts = d.find_elements(By.CSS_SELECTOR, '#main svg[role="img"]')
    assert len(charts) == 3, f"{len(charts)} charts (svg[role=img]) instead of 3{where(d)}"
    for chart in charts:
        assert chart.get_attribute("aria-label"), "a chart has no aria-label"
        assert chart.size["width"] > 200 and chart.size["height"] > 50, f"a chart is drawn {chart.size}"
    flags = d.find_elements(By.ID, "trend-flags")
    assert flags, f"no #trend-flags section{where(d)}"
    assert flags[0].find_elements(By.TAG_NAME, "table") or flags[0].find_elements(By.ID, "no-flags"), \
        f"#trend-flags has neither a table nor #no-flags: {flags[0].text!r}"
    return total


def set_period(d: WebDriver, start: dt.date, end: dt.date) -> None:
    for name, value in (("from", start), ("to", end)):
        field = d.find_element(By.CSS_SELECTOR, f"form.filters input[name={name}]")
        assert field.get_attribute("type") == "date", f"input {name} is type {field.get_attribute('type')!r}"
        d.execute_script(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            field, value.isoformat())
        assert field.get_attribute("value") == value.isoformat(), f"could not set {name} to {value}"


def full_page_shot(d: WebDriver, path: Path) -> None:
    d.set_window_size(1280, 4000)
    d.execute_script("window.scrollTo(0, 0);")
    height = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(1280, min(max(1000, height + 20), 8000))
    WebDriverWait(d, WAIT).until(lambda drv: drv.execute_script("return document.readyState") == "complete")
    d.save_screenshot(str(path))
    d.set_window_size(1280, 1000)


# --------------------------------------------------------------------------------------------
# the test


@pytest.mark.parametrize("language", ["en", "ar"])
def test_reports(sanad_server: SanadServer, browser: WebDriver, artifacts: Path, language: str) -> None:
    server, d = sanad_server, browser
    started = time.monotonic()

    # 1. Sign in, open the dashboard from the header, in the chosen language.
    visit(d, server, "/signin")
    fill(d, "username", DATA_OFFICER)
    fill(d, "password", PASSWORD)
    click_and_wait(d, server, "#submit", "/")
    click_and_wait(d, server, "#nav-reports", "/reports")
    if language == "ar":
        click_and_wait(d, server, "#lang-ar", "/reports")
        wait_arabic(d)
    else:
        # The language is remembered with the account, so after an Arabic run the same account comes back in Arabic.
        if d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ar":
            click_and_wait(d, server, "#lang-en", "/reports")
        lang, direction = (d.find_element(By.TAG_NAME, "html").get_attribute(a) for a in ("lang", "dir"))
        assert lang and lang.startswith("en") and direction != "rtl", f"html lang={lang!r} dir={direction!r}{where(d)}"
    year_total = check_dashboard(d, language)
    assert year_total > 0, f"no people assisted in the last year{where(d)}"

    # Time runs left to right in English, right to left in Arabic (the latest month is at the far end).
    for labels in x_label_positions(d):
        assert len(labels) >= 2, f"a chart labels fewer than two months: {labels}"
        ordered = sorted(labels, reverse=(language == "ar"))
        assert labels == ordered, f"month labels' x positions {labels} are not {'right to left' if language == 'ar' else 'left to right'}"

    today = dt.date.fromisoformat(d.find_element(By.CSS_SELECTOR, "form.filters input[name=to]").get_attribute("value"))
    full_page_shot(d, artifacts / f"reports-{language}.png")

    # 3. Downloads, read from the links of the year's dashboard, fetched with the browser's session.
    hrefs = {}
    for link_id in ("download-figures", "download-hxl", "download-hxl-nationality", "download-ctdc"):
        links = d.find_elements(By.ID, link_id)
        assert links, f"no #{link_id} link{where(d)}"
        hrefs[link_id] = links[0].get_attribute("href")
    files = {}
    for link_id, href in hrefs.items():
        status, headers, body = fetch(d, href)
        assert status == 200, f"GET {href} answered {status}: {body[:300]!r}"
        assert headers.get("Content-Type", "").startswith("text/csv"), f"{href}: Content-Type {headers.get('Content-Type')}"
        path = artifacts / f"reports-{language}-{link_id}.csv"
        path.write_bytes(body)
        files[link_id] = (href, body, path)

    href, body, _ = files["download-figures"]
    assert body.startswith(BOM), f"{href}: no UTF-8 byte-order mark: {body[:20]!r}"
    figures = body[len(BOM):].decode("utf-8")
    # Labelled in the page's language (issue 20, finding 16): the headline table's first row names the line.
    assisted_label = d.find_element(By.CSS_SELECTOR, "#headline tbody tr th").text.strip()
    assert assisted_label in figures, f"{href}: no {assisted_label!r} in {figures[:300]!r}"
    if language == "ar":
        assert "indicator" not in figures.splitlines()[0], f"{href}: English headers from the Arabic page"
    figures_total = next(
        (int(r.split(",")[1]) for r in figures.splitlines() if r.split(",")[0] == assisted_label), None)
    assert figures_total == year_total, f"figures CSV says {figures_total} people assisted, the page {year_total}"

    import hxl  # libhxl

    for link_id in ("download-hxl", "download-hxl-nationality"):
        href, body, path = files[link_id]
        assert not body.startswith(BOM), f"{href}: an HXL file must not start with a byte-order mark"
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        assert len(rows) >= 3, f"{href}: {len(rows)} rows"
        assert rows[1][0] == "#date+start", f"{href}: second row is {rows[1][:4]!r}"
        assert all(len(r) == len(rows[0]) for r in rows), f"{href}: rows of different lengths"
        source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
        columns = source.columns
        untagged = [c.header for c in columns if not c.tag]
        assert columns and not untagged, f"{href}: untagged columns {untagged}"
        assert len(columns) == len(rows[0]), f"{href}: libhxl reads {len(columns)} columns"
        data_rows = list(source)
        assert data_rows, f"{href}: libhxl reads no data rows"
        assert len(data_rows) == len(rows) - 2, f"{href}: libhxl reads {len(data_rows)} rows, the file has {len(rows) - 2}"

    href, body, _ = files["download-ctdc"]
    ctdc = body.decode("utf-8")
    assert ctdc.startswith(CTDC_START), f"{href}: header starts {ctdc[:80]!r}"
    frame = pd.read_csv(io.StringIO(ctdc), dtype=str, keep_default_na=False)
    assert len(frame.columns) == 58, f"{href}: {len(frame.columns)} columns, CTDC 2017 has 58"
    assert len(frame) > 0, f"{href}: no rows"
    sizes = frame.groupby(CTDC_QUASI, dropna=False).size()
    assert sizes.min() >= 11, f"{href}: combinations seen fewer than 11 times:\n{sizes[sizes < 11]}"

    # 2. The last three months: the total does not grow and the page still renders.
    set_period(d, today - dt.timedelta(days=91), today)
    click_and_wait(d, server, "#show-report", "/reports")
    quarter_total = check_dashboard(d, language)
    assert 0 < quarter_total <= year_total, f"last 3 months: {quarter_total} people assisted, the year {year_total}"
    assert d.find_element(By.CSS_SELECTOR, "form.filters input[name=from]").get_attribute("value") == \
        (today - dt.timedelta(days=91)).isoformat(), "the form does not keep the period asked for"

    # … a reversed period is refused with the reason, naming the field, not a crash.
    set_period(d, today, today - dt.timedelta(days=30))
    click_and_wait(d, server, "#show-report", "/reports", allow_error_page=True)
    summary = d.find_elements(By.CSS_SELECTOR, ".error-summary")
    assert summary, f"a reversed period did not say what to fix{where(d)}"
    expected_field = "إلى" if language == "ar" else "To"
    assert expected_field in summary[0].text, f"the refusal does not name the end date: {summary[0].text!r}"
    if language == "ar":
        assert_arabic(d)
    d.save_screenshot(str(artifacts / f"reports-{language}-reversed-period.png"))
    status, _, _ = fetch(d, d.current_url)
    assert status == 422, f"GET {d.current_url} answered {status}, expected 422"
    server.check_alive()

    # 4. Awareness events, from the header.
    click_and_wait(d, server, "#nav-events", "/events")
    if language == "ar":
        assert_arabic(d)
    event_rows = d.find_elements(By.CSS_SELECTOR, "#main table tbody tr")
    assert event_rows, f"the events list is empty{where(d)}"
    assert not d.find_elements(By.ID, "new-event"), f"a data officer is offered #new-event{where(d)}"
    status, _, body = fetch(d, d.find_element(By.ID, "events-csv").get_attribute("href"))
    assert status == 200, f"events CSV answered {status}"
    assert body.startswith(BOM), f"events CSV has no byte-order mark: {body[:20]!r}"
    assert body[len(BOM):].decode("utf-8").startswith(EVENTS_HEADER), f"events CSV header {body[:120]!r}"
    assert len(body.decode("utf-8-sig").splitlines()) >= 2, "events CSV has no event rows"

    for closed in ("/events/new", "/people", "/cases"):
        visit(d, server, closed, allow_error_page=True)
        assert d.find_elements(By.ID, "error-page"), f"a data officer may open {closed}{where(d)}"
        assert "403" in d.find_element(By.ID, "error-page").text, f"{closed}: no 403 on the error page{where(d)}"
        status, _, _ = fetch(d, server.url(closed))
        assert status == 403, f"GET {closed} as a data officer answered {status}, expected 403"

    # The figures are scoped to the account's centres: the demo data officer (all three centres) sees more.
    if language == "en":
        demo_password = server.demo_accounts["demo-data-officer"]  # type: ignore[attr-defined]
        sign_out(d, server)
        fill(d, "username", "demo-data-officer")
        fill(d, "password", demo_password)
        click_and_wait(d, server, "#submit", "/")
        visit(d, server, "/reports")
        all_centres = headline_total(d, language)
        assert all_centres > year_total, f"all centres: {all_centres} people assisted, SD01 alone: {year_total}"

    print(f"\nreports ({language}) took {time.monotonic() - started:.1f} s: people assisted {year_total} in the year, "
          f"{quarter_total} in the last 3 months; {len(frame)} CTDC rows; screenshot {artifacts / f'reports-{language}.png'}")
