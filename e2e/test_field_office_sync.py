"""Two real Sanad processes: a field office (SQLite) and its centre (PostgreSQL when E2E_CENTRE_DATABASE_URL is
set, as in CI; SQLite otherwise) — issue 11's end-to-end test.

Both hold the organisation's key file (installed by hand, as at enrolment). The centre enrols the office
(`sanad nodes add`), the office joins (`sanad sync join`) and takes its first copy. Then, cut off: the centre and
the office both change the nationality of a woman registered at the centre, from the same value; the office also
registers a man. `sanad sync now` on the office prints `pushed N, pulled M, conflicts 1`. A supervisor at the centre
sees the conflict in the browser (English and Arabic), with both values and who changed them, and keeps the office's
value; the next `sync now` brings it to the office. A revoked office is refused by name.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import _ANSI, _free_port, _resolve_server_binary, http_get
import test_first_start as ui

PASSWORD = "Sanad-e2e-field-office-passphrase"
_http = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Node:
    """One Sanad: a data folder, the shared key file, maybe a PostgreSQL database, maybe a running server."""

    def __init__(self, name: str, root: Path, key_file: Path, database_url: str | None) -> None:
        self.name = name
        self.data_dir = root / name
        self.data_dir.mkdir()
        self.env = dict(os.environ, SANAD_DATA_DIR=str(self.data_dir), SANAD_KEY_FILE=str(key_file))
        self.env.pop("SANAD_MASTER_KEY", None)
        self.env.pop("DATABASE_URL", None)
        if database_url:
            self.env["DATABASE_URL"] = database_url
        # No background exchange during the test: every exchange is one the test asks for.
        self.env["SANAD_SYNC_INTERVAL"] = "100000"
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.log = root / f"{name}.log"

    def cli(self, *args: str, stdin: str | None = None, ok: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(_resolve_server_binary()), *args], input=stdin, env=self.env, capture_output=True, text=True,
            timeout=300,
        )
        if ok:
            assert result.returncode == 0, f"{self.name}: sanad {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        return result

    def user(self, username: str, role: str) -> None:
        self.cli("users", "create", "--username", username, "--role", role, "--centre", "SD01", "--password-stdin",
                 stdin=PASSWORD + "\n")

    def token(self, username: str) -> str:
        return self.cli("users", "token", "--username", username).stdout.strip().splitlines()[-1]

    def start(self) -> None:
        self.port = _free_port()
        with open(self.log, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [str(_resolve_server_binary()), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, f"{self.name} exited:\n{self.output()}"
            try:
                if http_get(self.url("/health"), timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            assert time.monotonic() < deadline, f"{self.name} did not answer /health:\n{self.output()}"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def check_alive(self) -> None:
        """What the browser helpers of test_first_start ask of a server."""
        if self.process is not None and self.process.poll() is not None:
            pytest.fail(f"{self.name} exited:\n{self.output()[-4000:]}", pytrace=False)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def output(self) -> str:
        return _ANSI.sub("", self.log.read_text(encoding="utf-8", errors="replace")) if self.log.exists() else ""

    def api(self, token: str, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url(path), data=data, method=method)
        request.add_header("Authorization", f"Bearer {token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with _http.open(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as err:
            pytest.fail(f"{self.name}: {method} {path} answered {err.code}: {err.read()[:400]!r}", pytrace=False)


@pytest.fixture
def nodes(artifacts: Path):
    root = Path(tempfile.mkdtemp(prefix="sanad-e2e-sync-"))
    key_file = root / "organisation.key"
    key_file.write_text(secrets.token_hex(32) + "\n")
    key_file.chmod(0o600)
    centre_url = os.environ.get("E2E_CENTRE_DATABASE_URL")
    centre = Node("centre", root, key_file, centre_url)
    office = Node("office", root, key_file, None)
    try:
        yield centre, office, bool(centre_url)
    finally:
        centre.stop()
        office.stop()
        for node in (centre, office):
            shutil.copy(node.log, artifacts / f"sync-{node.name}.log") if node.log.exists() else None
        if os.environ.get("E2E_KEEP_DATA") != "1":
            shutil.rmtree(root, ignore_errors=True)


def sync_now(office: Node) -> tuple[int, int, int]:
    out = office.cli("sync", "now").stdout
    match = re.search(r"pushed (\d+), pulled (\d+), conflicts (\d+)", out)
    assert match, f"sanad sync now printed: {out!r}"
    return int(match[1]), int(match[2]), int(match[3])


def test_field_office_and_centre(nodes, browser: WebDriver, artifacts: Path) -> None:
    centre, office, on_postgres = nodes
    if os.environ.get("CI") and not on_postgres:
        pytest.fail("CI runs this with the centre on PostgreSQL: set E2E_CENTRE_DATABASE_URL", pytrace=False)
    centre.user("sup-sync", "supervisor")
    centre.user("cw-centre", "caseworker")
    added = centre.cli("nodes", "add", "--name", "office-kassala", "--centre", "SD01").stdout
    code = re.search(r"code[^:]*: (\S+)", added)
    assert code, f"sanad nodes add printed: {added!r}"
    centre.start()

    joined = office.cli("sync", "join", centre.url(""), "--code", code[1]).stdout
    assert "Joined as office-kassala" in joined, joined
    office.user("cw-office", "caseworker")
    office.start()
    centre_cw, office_cw = centre.token("cw-centre"), office.token("cw-office")

    woman = centre.api(centre_cw, "POST", "/api/v1/people", {
        "nameOriginal": "Amina Saleh", "sex": "Feminine", "estimatedAge": 24, "nationality": "ERI", "centre": "SD01",
    })
    pushed, pulled, conflicts = sync_now(office)
    assert pulled > 0 and conflicts == 0
    at_office = office.api(office_cw, "GET", f"/api/v1/people/{woman['id']}")
    assert at_office["nameOriginal"] == "Amina Saleh" and at_office["registrationNumber"] == woman["registrationNumber"]

    # Cut off: no exchange while both sides work.
    office.api(office_cw, "PATCH", f"/api/v1/people/{woman['id']}", {"nationality": "ETH", "version": at_office["version"]})
    centre.api(centre_cw, "PATCH", f"/api/v1/people/{woman['id']}", {"nationality": "SDN", "version": woman["version"]})
    man = office.api(office_cw, "POST", "/api/v1/people", {
        "nameOriginal": "Yonas Tesfay", "sex": "Masculine", "estimatedAge": 31, "nationality": "ERI", "centre": "SD01",
    })
    assert man["registrationNumber"].split("-")[-1].startswith("1"), "an office numbers in its own block"

    pushed, pulled, conflicts = sync_now(office)
    assert pushed > 0 and conflicts == 1, (pushed, pulled, conflicts)
    assert centre.api(centre_cw, "GET", f"/api/v1/people/{man['id']}")["nameOriginal"] == "Yonas Tesfay"
    assert centre.api(centre_cw, "GET", f"/api/v1/people/{woman['id']}")["nationality"] == "SDN"

    d = browser
    ui.visit(d, centre, "/signin")
    ui.sign_in(d, centre, "sup-sync", PASSWORD)
    ui.visit(d, centre, f"/people/{woman['id']}")
    assert d.find_elements(By.ID, "sync-conflict"), f"no conflict badge on the person's page{ui.where(d)}"
    ui.visit(d, centre, "/sync/conflicts")
    text = d.find_element(By.TAG_NAME, "main").text
    assert "Nationality" in text and "Amina Saleh" in text and "SDN" in text and "ETH" in text and "office-kassala" in text, text
    d.save_screenshot(str(artifacts / "sync-conflicts-en.png"))
    ui.click_and_wait(d, centre, "#lang-ar", "/sync/conflicts")
    assert d.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert "تغييرات تحتاج إلى مراجعة" in d.find_element(By.TAG_NAME, "h1").text
    d.save_screenshot(str(artifacts / "sync-conflicts-ar.png"))
    # Keep the office's value: the radio whose label names the office.
    held = [label for label in d.find_elements(By.CSS_SELECTOR, "section.conflict label") if "ETH" in label.text]
    assert held, f"the office's value is not offered{ui.where(d)}"
    d.find_element(By.ID, held[0].get_attribute("for")).click()
    ui.click_and_wait(d, centre, "section.conflict button[type=submit]", "/sync/conflicts")
    assert "لا شيء للمراجعة" in d.find_element(By.TAG_NAME, "main").text
    assert centre.api(centre_cw, "GET", f"/api/v1/people/{woman['id']}")["nationality"] == "ETH"

    pushed, pulled, conflicts = sync_now(office)
    assert pulled > 0 and conflicts == 0
    assert office.api(office_cw, "GET", f"/api/v1/people/{woman['id']}")["nationality"] == "ETH"
    assert sync_now(office) == (0, 0, 0), "a second exchange with nothing new moves nothing"

    # A stolen laptop: the centre revokes the office, whose next exchange is refused by name.
    centre.cli("nodes", "revoke", "office-kassala")
    refused = office.cli("sync", "now", ok=False)
    assert refused.returncode != 0 and "revoked" in (refused.stdout + refused.stderr), refused
