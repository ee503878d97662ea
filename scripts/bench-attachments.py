#!/usr/bin/env python3
"""Memory and time of a large attachment through a running `sanad serve` (issue 15: a 50 MB file must go in and
out with under 64 MB of extra memory).

Starts the server on a fresh SQLite database with the attachment limit raised, registers a person through the API,
uploads a PDF of --mb megabytes as multipart in 64 KiB writes, downloads it in 64 KiB reads and checks it byte for
byte (SHA-256), while a sampler reads the server's resident memory (/proc/PID/status VmRSS) every 10 ms. Prints a
Markdown table: the server's memory before, the highest during upload and during download, and the extra.

Run: python3 scripts/bench-attachments.py .build/release/sanad --mb 50
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

crash = import_module("crash-proof")

CHUNK = 64 * 1024


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_kb(self.pid))
            time.sleep(0.01)

    def stop(self) -> int:
        self.running = False
        self.join()
        return self.peak


def content(mb: int):
    """The file in 64 KiB pieces: a PDF header, then bytes that do not compress."""
    seed = hashlib.sha256(b"sanad-bench").digest()
    yield b"%PDF-1.7\n% bench\n"
    block = b""
    for i in range(mb * 1024 * 1024 // 32):
        seed = hashlib.sha256(seed).digest()
        block += seed
        if len(block) >= CHUNK:
            yield block
            block = b""
    yield block + b"\n%%EOF\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--mb", type=int, default=50)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="sanad-attach-bench-")
    env = dict(os.environ, SANAD_DATA_DIR=os.path.join(work, "data"),
               SANAD_MASTER_KEY=base64.b64encode(os.urandom(32)).decode(),
               SANAD_ATTACHMENT_LIMIT_MB=str(args.mb + 10))
    env.pop("DATABASE_URL", None)
    crash.run(args.binary, env, "migrate")
    crash.run(args.binary, env, "users", "create", "--username", "bench-docs", "--role", "caseworker",
              "--centre", "SD01", "--password-stdin", stdin="bench-documents-password-123\n")
    token = crash.run(args.binary, env, "users", "token", "--username", "bench-docs").strip().splitlines()[-1]
    port = crash.free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
    try:
        crash.wait_healthy(base, server)
        _, person = crash.call(base, token, "POST", "/api/v1/people",
                               {"nameOriginal": "Bench Documents", "sex": "Feminine", "estimatedAge": 30,
                                "centre": "SD01"})
        time.sleep(1)
        before = rss_kb(server.pid)

        boundary = "sanad-bench-boundary"
        head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nother\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                "Content-Type: application/pdf\r\n\r\n").encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        size = sum(len(p) for p in content(args.mb))
        digest = hashlib.sha256()
        sampler = Sampler(server.pid)
        sampler.start()
        started = time.time()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        conn.putrequest("POST", f"/api/v1/people/{person['id']}/attachments")
        conn.putheader("Authorization", "Bearer " + token)
        conn.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        conn.putheader("Content-Length", str(len(head) + size + len(tail)))
        conn.endheaders()
        conn.send(head)
        for piece in content(args.mb):
            digest.update(piece)
            conn.send(piece)
        conn.send(tail)
        answer = conn.getresponse()
        body = json.loads(answer.read())
        upload_seconds = time.time() - started
        upload_peak = sampler.stop()
        if answer.status != 201:
            raise SystemExit(f"upload answered {answer.status}: {body}")

        sampler = Sampler(server.pid)
        sampler.start()
        started = time.time()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        conn.request("GET", f"/api/v1/attachments/{body['id']}", headers={"Authorization": "Bearer " + token})
        response = conn.getresponse()
        back = hashlib.sha256()
        received = 0
        while True:
            piece = response.read(CHUNK)
            if not piece:
                break
            back.update(piece)
            received += len(piece)
        download_seconds = time.time() - started
        download_peak = sampler.stop()
        if response.status != 200 or back.digest() != digest.digest():
            raise SystemExit(f"download answered {response.status} with {received} bytes; identical: "
                             f"{back.digest() == digest.digest()}")
        stored = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(work, "data", "attachments"))
                     for f in fs)
        mib = 1024
        print(f"| file | stored (encrypted) | server memory before | peak during upload | peak during download | "
              f"extra (max) | upload | download |")
        print("|---|---|---|---|---|---|---|---|")
        extra = max(upload_peak, download_peak) - before
        print(f"| {size / 1048576:.1f} MiB | {stored / 1048576:.1f} MiB | {before / mib:.1f} MiB | "
              f"{upload_peak / mib:.1f} MiB | {download_peak / mib:.1f} MiB | {extra / mib:.1f} MiB | "
              f"{upload_seconds:.2f} s ({size / 1048576 / upload_seconds:.0f} MiB/s) | "
              f"{download_seconds:.2f} s ({size / 1048576 / download_seconds:.0f} MiB/s) |")
        return 0 if extra < 64 * mib else 1
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
