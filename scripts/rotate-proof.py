#!/usr/bin/env python3
"""`sanad keys rotate` killed with SIGKILL at random moments, repeated, while a server serves (issue 12, item 3).

Fills a fresh SQLite database with `sanad demo`, starts `sanad serve` on it with a key file, and keeps readers
(person records through the API) and writers (registrations) going throughout. Starts the rotation and kills it
-9 after a random delay, checks after each kill that every sealed value still opens (`sanad keys status`), and
finally lets a run finish. Then: every value on the new key and none unreadable, every registration the server
acknowledged readable with its name, no read refused while the rotation ran, `sanad audit verify` clean,
`PRAGMA integrity_check` ok, and a start with the old key refused. Standard library only.

    scripts/rotate-proof.py .build/release/sanad --kills 5 --people 300
"""
import argparse
import importlib.util
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error

_spec = importlib.util.spec_from_file_location("crash", os.path.join(os.path.dirname(__file__), "crash-proof.py"))
crash = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(crash)


def status(binary, env):
    result = subprocess.run([binary, "keys", "status"], env=env, capture_output=True, text=True)
    keys = [line for line in result.stdout.splitlines() if line.strip().endswith(" values")]
    return result.returncode, keys, result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="sanad-rotate-")
    key_file = os.path.join(work, "master.key")
    env = {k: v for k, v in os.environ.items() if k not in ("SANAD_MASTER_KEY", "DATABASE_URL")}
    env.update(SANAD_DATA_DIR=os.path.join(work, "data"), SANAD_KEY_FILE=key_file)
    crash.run(args.binary, env, "demo", "--people", str(args.people), "--seed", str(args.seed))
    with open(key_file) as f:
        old_key = f.read()
    crash.run(args.binary, env, "users", "create", "--username", "rotation-reader", "--role", "supervisor",
              "--centre", "SD01", "--centre", "SD11", "--centre", "SD12", "--password-stdin",
              stdin="rotation-proof-password-123\n")
    token = crash.run(args.binary, env, "users", "token", "--username", "rotation-reader").strip().splitlines()[-1]
    port = crash.free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
    crash.wait_healthy(base, server)
    ids = [p["id"] for p in crash.call(base, token, "GET", "/api/v1/people?per=100")[1]["items"]]
    stop = threading.Event()
    lock = threading.Lock()
    counts = {"reads": 0, "refused": 0, "writes": 0}
    acknowledged = {}

    def reader():
        r = random.Random()
        while not stop.is_set():
            try:
                code, _ = crash.call(base, token, "GET", f"/api/v1/people/{r.choice(ids)}")
            except urllib.error.HTTPError as error:
                code = error.code
            with lock:
                counts["reads"] += 1
                counts["refused"] += code != 200

    def writer(n):
        i = 0
        while not stop.is_set():
            i += 1
            name = f"Rotation W{n} N{i}"
            try:
                code, person = crash.call(base, token, "POST", "/api/v1/people",
                                          {"nameOriginal": name, "sex": "Feminine", "estimatedAge": 30,
                                           "centre": "SD01"})
            except urllib.error.HTTPError:
                continue
            if code == 201:
                with lock:
                    counts["writes"] += 1
                    acknowledged[person["id"]] = name
            time.sleep(0.05)

    threads = [threading.Thread(target=reader) for _ in range(2)] + [threading.Thread(target=writer, args=(0,))]
    for t in threads:
        t.start()
    failures = []
    kills = []
    for k in range(args.kills):
        rotation = subprocess.Popen([args.binary, "keys", "rotate", "--batch", "5"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.3, 4.0)
        time.sleep(delay)
        finished = rotation.poll() is not None
        rotation.kill()
        rotation.wait()
        code, keys, summary = status(args.binary, env)
        kills.append(f"{delay:.1f}s{' (had finished)' if finished else ''}: {len(keys)} key(s), {summary}")
        if code != 0:
            failures.append(f"after kill {k + 1}: {summary}")
    final = subprocess.run([args.binary, "keys", "rotate", "--batch", "25"], env=env, capture_output=True, text=True)
    if final.returncode != 0:
        failures.append("the last rotation failed: " + final.stdout + final.stderr)
    time.sleep(3)  # the server notices the rewritten key file
    stop.set()
    for t in threads:
        t.join()
    lost = [pid for pid, name in acknowledged.items()
            if crash.call(base, token, "GET", f"/api/v1/people/{pid}")[1].get("nameOriginal") != name]
    server.terminate()
    server.wait()
    log.close()
    code, keys, summary = status(args.binary, env)
    audit = subprocess.run([args.binary, "audit", "verify"], env=env, capture_output=True, text=True)
    with sqlite3.connect(os.path.join(work, "data", "sanad.sqlite")) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    old_file = os.path.join(work, "old.key")
    with open(old_file, "w") as f:
        f.write(old_key)
    refused = subprocess.run([args.binary, "migrate"], env=dict(env, SANAD_KEY_FILE=old_file),
                             capture_output=True, text=True)
    for line in kills:
        print("kill -9 after " + line)
    print("| kills | reads | reads refused | registrations acknowledged | lost | keys after | sealed values | "
          "integrity_check | audit verify | old key |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    old_refused = refused.returncode != 0 and "retired" in (refused.stdout + refused.stderr)
    print(f"| {args.kills} | {counts['reads']} | {counts['refused']} | {len(acknowledged)} | {len(lost)} | "
          f"{len(keys)} | {summary} | {integrity} | {audit.stdout.strip()} | "
          f"{'refused' if old_refused else 'ACCEPTED'} |")
    ok = (not failures and not lost and counts["refused"] == 0 and code == 0 and len(keys) == 1
          and integrity == "ok" and audit.returncode == 0 and old_refused and counts["reads"] > 0)
    if not ok:
        for failure in failures:
            print(failure, file=sys.stderr)
        print(f"FAILED; the data folder is kept at {work}", file=sys.stderr)
        return 1
    subprocess.run(["rm", "-rf", work])
    return 0


if __name__ == "__main__":
    sys.exit(main())
