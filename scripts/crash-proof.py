#!/usr/bin/env python3
"""kill -9 during concurrent writes, repeated (issue 12, item 7).

Starts `sanad serve` on a fresh database, has several writers register people through the API as fast as they
can, kills the server with SIGKILL at a random moment, starts it again, and checks that every registration the
server acknowledged (201) is there with the name it was given. After the last round: `sanad audit verify` and, on
SQLite, `PRAGMA integrity_check`. SQLite by default; PostgreSQL when DATABASE_URL is set (the database must be
empty). Standard library only.

    scripts/crash-proof.py .build/release/sanad --rounds 20 --writers 8
"""
import argparse
import base64
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, env, *args, stdin=None):
    return subprocess.run([binary, *args], env=env, input=stdin, capture_output=True, text=True, check=True).stdout


def wait_healthy(base, server, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode} while starting")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.2)
    raise SystemExit("the server did not become healthy")


def call(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read() or b"null")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="sanad-crash-")
    env = dict(os.environ, SANAD_DATA_DIR=os.path.join(work, "data"),
               SANAD_MASTER_KEY=base64.b64encode(os.urandom(32)).decode())
    database = "postgresql" if env.get("DATABASE_URL") else "sqlite"
    run(args.binary, env, "migrate")
    run(args.binary, env, "users", "create", "--username", "crash-writer", "--role", "caseworker",
        "--centre", "SD01", "--password-stdin", stdin="crash-proof-password-123\n")
    token = run(args.binary, env, "users", "token", "--username", "crash-writer").strip().splitlines()[-1]
    acknowledged = {}  # id -> name
    lock = threading.Lock()
    attempted = 0
    rows = []
    for round_number in range(1, args.rounds + 1):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(os.path.join(work, f"server-{round_number}.log"), "w")
        server = subprocess.Popen([args.binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
        wait_healthy(base, server)
        # Everything acknowledged before this crash must have survived the previous one.
        missing = []
        for pid, name in list(acknowledged.items()):
            status, person = call(base, token, "GET", f"/api/v1/people/{pid}")
            if status != 200 or person.get("nameOriginal") != name:
                missing.append(pid)
        stop = threading.Event()
        before = len(acknowledged)

        def writer(n):
            nonlocal attempted
            i = 0
            while not stop.is_set():
                i += 1
                name = f"Crash R{round_number} W{n} N{i}"
                with lock:
                    attempted += 1
                try:
                    status, person = call(base, token, "POST", "/api/v1/people",
                                          {"nameOriginal": name, "sex": "Feminine", "estimatedAge": 30,
                                           "centre": "SD01"})
                except (urllib.error.URLError, ConnectionError, socket.timeout, json.JSONDecodeError):
                    return  # the server is gone: an unanswered write promises nothing
                if status == 201:
                    with lock:
                        acknowledged[person["id"]] = name

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(args.writers)]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.5, 3.0))
        server.kill()  # SIGKILL: no shutdown, no flush, no goodbye
        server.wait()
        stop.set()
        for t in threads:
            t.join()
        log.close()
        rows.append((round_number, len(acknowledged) - before, len(missing)))
        if missing:
            print(f"round {round_number}: {len(missing)} acknowledged writes lost", file=sys.stderr)
    # A last start to read back the final round's writes.
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_healthy(base, server)
    lost = [pid for pid, name in acknowledged.items()
            if call(base, token, "GET", f"/api/v1/people/{pid}")[1].get("nameOriginal") != name]
    server.terminate()
    server.wait()
    audit = subprocess.run([args.binary, "audit", "verify"], env=env, capture_output=True, text=True)
    integrity = "n/a (PostgreSQL)"
    if database == "sqlite":
        with sqlite3.connect(os.path.join(work, "data", "sanad.sqlite")) as db:
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    print(f"| database | rounds | writers | writes attempted | acknowledged | lost | integrity_check | audit verify |")
    print(f"|---|---|---|---|---|---|---|---|")
    print(f"| {database} | {args.rounds} | {args.writers} | {attempted} | {len(acknowledged)} | {len(lost)} | "
          f"{integrity} | {audit.stdout.strip()} |")
    ok = not lost and integrity in ("ok", "n/a (PostgreSQL)") and audit.returncode == 0 and all(m == 0 for _, _, m in rows)
    if not ok:
        print(f"FAILED; the data folder is kept at {work}", file=sys.stderr)
        return 1
    subprocess.run(["rm", "-rf", work])
    return 0


if __name__ == "__main__":
    sys.exit(main())
