"""Fixtures for the browser end-to-end tests.

`sanad_server` starts a fresh Sanad server (empty data directory, no master key) on a free
loopback port and waits for its one-time setup link and for /health. `browser` is a headless
Debian Chromium driven by Selenium 4. `artifacts` is the folder for screenshots
(env E2E_ARTIFACTS, default e2e/artifacts).

Environment:
  SANAD_BIN       server binary (default .build/release/sanad, relative to the working folder,
                  then to the repository root)
  E2E_ARTIFACTS   screenshot / log folder (default e2e/artifacts)
  E2E_KEEP_DATA   set to 1 to keep the server's temporary data directory
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parent

CHROMIUM_BINARY = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

SETUP_URL_TIMEOUT = 60.0
HEALTH_TIMEOUT = 30.0

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Requests to our own loopback server must never go through an http_proxy from the environment.
_http = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401
        return None  # makes urllib raise HTTPError with the 3xx status instead of following


_http_no_redirect = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def stop_server(proc, thread, data_dir) -> None:
    """Stops a server process and its output reader, and removes its data unless E2E_KEEP_DATA=1."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    thread.join(timeout=5)
    if os.environ.get("E2E_KEEP_DATA") == "1":
        print(f"\nkept Sanad data directory: {data_dir}")
    else:
        shutil.rmtree(data_dir, ignore_errors=True)


def http_get(url: str, *, follow_redirects: bool = True, timeout: float = 5.0, cookie: str | None = None):
    """GET (cookies only as given); returns (status, headers, body text). HTTP errors are returned, not raised."""
    opener = _http if follow_redirects else _http_no_redirect
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with opener.open(request, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", "replace") if err.fp else ""
        return err.code, err.headers, body


def _artifacts_dir() -> Path:
    raw = os.environ.get("E2E_ARTIFACTS")
    path = Path(raw).expanduser() if raw else E2E_DIR / "artifacts"
    path = path.resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _resolve_server_binary() -> Path:
    raw = os.environ.get("SANAD_BIN") or ".build/release/sanad"
    candidates = [Path(raw).expanduser()]
    if not candidates[0].is_absolute():
        candidates = list(dict.fromkeys([Path.cwd() / raw, REPO_ROOT / raw]))
    for cand in candidates:
        if cand.is_file():
            if not os.access(cand, os.X_OK):
                pytest.fail(f"SANAD_BIN {cand} exists but is not executable", pytrace=False)
            return cand.resolve()
    tried = ", ".join(str(c) for c in candidates)
    pytest.fail(
        f"Sanad server binary not found (SANAD_BIN={os.environ.get('SANAD_BIN', '<unset>')}; tried: {tried}).\n"
        "Build it with `swift build -c release --product sanad` and run\n"
        "  SANAD_BIN=$(swift build -c release --show-bin-path)/sanad python -m pytest -q e2e",
        pytrace=False,
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SanadServer:
    base_url: str
    setup_url: str
    port: int
    data_dir: Path
    process: subprocess.Popen
    lines: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def output(self, last: int | None = None) -> str:
        lines = list(self.lines)
        if last is not None:
            lines = lines[-last:]
        return "".join(lines) or "<no output>"

    def check_alive(self) -> None:
        code = self.process.poll()
        if code is not None:
            pytest.fail(
                f"Sanad server exited unexpectedly with code {code}. Its output:\n{self.output(200)}",
                pytrace=False,
            )


@pytest.fixture
def artifacts() -> Path:
    return _artifacts_dir()


@pytest.fixture
def sanad_server(artifacts: Path, request):
    binary = _resolve_server_binary()
    port = _free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="sanad-e2e-data-"))

    env = dict(os.environ)
    env.pop("SANAD_MASTER_KEY", None)
    env.pop("DATABASE_URL", None)  # first start must be on a fresh, empty store
    env["SANAD_DATA_DIR"] = str(data_dir)

    cmd = [str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)]
    # Swift's print() is block-buffered when stdout is a pipe, so a setup link printed with
    # print() and not flushed would never reach us; stdbuf makes glibc stdio line-buffered.
    stdbuf = shutil.which("stdbuf")
    if stdbuf:
        cmd = [stdbuf, "-oL", "-eL", *cmd]

    proc = subprocess.Popen(
        cmd,
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        bufsize=1,
    )

    setup_re = re.compile(rf"(http://127\.0\.0\.1:{port}/setup/\S+)")
    lines: list[str] = []
    found: dict[str, str] = {}
    got_url = threading.Event()
    log_path = artifacts / "server.log"

    def reader() -> None:
        with open(log_path, "w", encoding="utf-8") as log:
            for raw in proc.stdout:  # ends when the server closes stdout (exits)
                line = _ANSI.sub("", raw)
                lines.append(line)
                log.write(line)
                log.flush()
                if not got_url.is_set():
                    match = setup_re.search(line)
                    if match:
                        found["url"] = match.group(1)
                        got_url.set()

    thread = threading.Thread(target=reader, name="sanad-server-stdout", daemon=True)
    thread.start()

    server = SanadServer(
        base_url=f"http://127.0.0.1:{port}",
        setup_url="",
        port=port,
        data_dir=data_dir,
        process=proc,
        lines=lines,
    )

    def stop() -> None:
        stop_server(proc, thread, data_dir)

    try:
        deadline = time.monotonic() + SETUP_URL_TIMEOUT
        while not got_url.wait(timeout=0.2):
            if proc.poll() is not None:
                thread.join(timeout=5)
                pytest.fail(
                    f"Sanad server exited with code {proc.returncode} before printing its setup link.\n"
                    f"Command: {' '.join(cmd)}\nIts output:\n{server.output()}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"No line containing http://127.0.0.1:{port}/setup/ within {SETUP_URL_TIMEOUT:.0f} s.\n"
                    f"Command: {' '.join(cmd)}\nWhat the server printed:\n{server.output()}",
                    pytrace=False,
                )
        server.setup_url = found["url"]

        deadline = time.monotonic() + HEALTH_TIMEOUT
        last = "no answer"
        while True:
            server.check_alive()
            try:
                status, _, _ = http_get(server.url("/health"), timeout=2)
                if status == 200:
                    break
                last = f"HTTP {status}"
            except (OSError, urllib.error.URLError) as err:
                last = repr(err)
            if time.monotonic() > deadline:
                pytest.fail(
                    f"GET /health did not answer 200 within {HEALTH_TIMEOUT:.0f} s (last: {last}).\n"
                    f"What the server printed:\n{server.output()}",
                    pytrace=False,
                )
            time.sleep(0.2)
    except BaseException:
        stop()
        raise

    yield server

    died = proc.poll()
    stop()
    call = getattr(request.node, "rep_call", None)
    if died is not None and not (call is not None and call.failed):  # a failed test already said so
        pytest.fail(
            f"Sanad server exited on its own during the test (code {died}). Its output:\n{server.output(200)}",
            pytrace=False,
        )


@pytest.fixture
def browser(artifacts: Path, request):
    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--no-proxy-server",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    # Deterministic starting language: English, so that the switch to Arabic is observable.
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    options.binary_location = CHROMIUM_BINARY
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            try:
                driver.save_screenshot(str(artifacts / f"FAILED-{name}.png"))
                (artifacts / f"FAILED-{name}.html").write_text(driver.page_source, encoding="utf-8")
                print(f"\nfailure screenshot: {artifacts / f'FAILED-{name}.png'} (page at {driver.current_url})")
            except Exception as err:  # diagnostics only; the test has already failed
                print(f"\ncould not save failure screenshot: {err!r}")
        driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
    if report.failed and report.when == "call":
        server = item.funcargs.get("sanad_server") if hasattr(item, "funcargs") else None
        if isinstance(server, SanadServer):
            report.sections.append(("Sanad server output (last 80 lines)", server.output(80)))


def create_user(server: SanadServer, username: str, role: str, centre: str, password: str) -> None:
    """Creates an account with the CLI against the running server's data folder (SQLite in WAL mode allows it)."""
    env = dict(os.environ, SANAD_DATA_DIR=str(server.data_dir))
    env.pop("SANAD_MASTER_KEY", None)
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [str(_resolve_server_binary()), "users", "create", "--username", username, "--role", role,
         "--centre", centre, "--password-stdin"],
        input=password + "\n", env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, f"users create failed: {result.stdout}\n{result.stderr}"
