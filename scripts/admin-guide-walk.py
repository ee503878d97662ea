#!/usr/bin/env python3
"""Runs every shell block of docs/administrators.md, in order, on this machine (issue 18: a guide that drifts is a
defect).

Each ```sh block must follow a `<!-- walk -->` line (it is run) or a `<!-- walk: covered by … -->` line (it is not,
and says which test covers it); a block with neither fails the walk. The blocks run in one bash script, from the
repository root, as root, with what a CI machine cannot have replaced:

- paths: /opt/sanad, /var/lib/sanad…, /var/backups/sanad, /etc/sanad, /etc/ssl/sanad, /etc/nginx, /etc/systemd/system,
  /etc/cron.d and /usr/local/bin are moved under a scratch root;
- ports: 8080, 80 and 443 become free loopback ports, and https://sanad.example.org carries the TLS port;
- `systemctl`: daemon-reload runs `systemd-analyze verify` on the unit; start/stop run the unit's ExecStart as its
  User with its EnvironmentFile (and wait for /health), reload nginx starts or reloads an nginx whose main
  configuration includes the scratch sites-enabled; `journalctl -u sanad` prints the service's output;
- `apt-get install` checks that the packages are installed (`.ci/run` installs them), `apt-get update` does nothing;
  `useradd` is skipped when the account exists; `curl` resolves sanad.example.org to loopback and trusts the trial
  certificate; the passphrase the guide reads from the terminal comes from this script.

After the blocks: the cron line of /etc/cron.d/sanad-backup is run as written (so the nightly job works), and the
service and nginx are stopped. The `sanad` system account stays, as it would on a server.

Usage (as root): python3 scripts/admin-guide-walk.py
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "administrators.md"
PASSPHRASE = "admin-guide-walk-passphrase-1"
MOVED = [
    "/opt/sanad",
    "/var/lib/sanad-drill",
    "/var/lib/sanad",
    "/var/backups/sanad",
    "/etc/sanad",
    "/etc/ssl/sanad",
    "/etc/nginx/",
    "/etc/systemd/system/",
    "/etc/cron.d/",
    "/usr/local/bin/",
]


def blocks(text: str) -> list[str]:
    """The shell blocks to run; fails on a shell block that is neither run nor said to be covered elsewhere."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```sh":
            before = next((l.strip() for l in reversed(lines[:i]) if l.strip()), "")
            end = lines.index("```", i + 1)
            body = "\n".join(lines[i + 1 : end])
            if before == "<!-- walk -->":
                out.append(body)
            elif not re.fullmatch(r"<!-- walk: covered by .+ -->", before):
                sys.exit(f"admin guide walk: a shell block at line {i + 1} is neither walked nor covered:\n{body}")
            i = end
        i += 1
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def moved(text: str, root: Path, ports: dict[str, int]) -> str:
    for path in MOVED:
        text = re.sub(r"(?<![\w/.-])" + re.escape(path), str(root) + path, text)
    text = text.replace("https://sanad.example.org", f"https://sanad.example.org:{ports['tls']}")
    text = text.replace("8080", str(ports["app"]))
    text = re.sub(r"listen 443\b", f"listen 127.0.0.1:{ports['tls']}", text)
    text = re.sub(r"listen 80\b", f"listen 127.0.0.1:{ports['http']}", text)
    return text


PRELUDE = r"""
set -euo pipefail
ROOT=@ROOT@
APP_PORT=@APP@
TLS_PORT=@TLS@
export PATH="$ROOT/usr/local/bin:$PATH"
say() { echo "--- walk: $*" >&2; }

unit_value() { sed -n "s/^$1=//p" "$ROOT/etc/systemd/system/sanad.service" | head -n 1; }

start_sanad() {
  local user envfile exec
  user=$(unit_value User); envfile=$(unit_value EnvironmentFile); exec=$(unit_value ExecStart)
  say "starting the unit's ExecStart as $user with $envfile"
  (cd "$ROOT/var/lib/sanad" && exec runuser -u "$user" -- env $(grep -v '^#' "$envfile" | xargs) $exec) \
    >>"$ROOT/sanad.log" 2>&1 &
  echo $! >"$ROOT/sanad.pid"
  for _ in $(seq 1 120); do
    if command curl -fsS "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  cat "$ROOT/sanad.log" >&2
  say "the service did not answer /health"; return 1
}

stop_sanad() {
  if [ -f "$ROOT/sanad.pid" ]; then
    pkill -TERM -P "$(cat "$ROOT/sanad.pid")" 2>/dev/null || true
    kill "$(cat "$ROOT/sanad.pid")" 2>/dev/null || true
    for _ in $(seq 1 60); do
      command curl -fsS "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1 || break
      sleep 0.5
    done
    rm -f "$ROOT/sanad.pid"
  fi
}

nginx() { command nginx -p "$ROOT/nginx/" -c "$ROOT/nginx/nginx.conf" "$@"; }

systemctl() {
  case "$*" in
    daemon-reload) say "systemd-analyze verify"; systemd-analyze verify "$ROOT/etc/systemd/system/sanad.service" ;;
    "enable --now sanad"|"start sanad") start_sanad ;;
    "stop sanad") stop_sanad ;;
    "restart sanad") stop_sanad; start_sanad ;;
    "reload nginx"|"restart nginx")
      if [ -s "$ROOT/nginx/nginx.pid" ]; then nginx -s reload; else nginx; fi ;;
    *) say "systemctl $* is not emulated"; return 1 ;;
  esac
}

journalctl() { cat "$ROOT/sanad.log"; }

apt-get() {
  [ "$1" = "update" ] && return 0
  local p
  for p in "$@"; do
    case "$p" in install|-y|-q|-qq) continue ;; esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || { say "package $p is not installed"; return 1; }
  done
}

useradd() {
  local name="${@: -1}"
  if id -u "$name" >/dev/null 2>&1; then say "account $name exists"; else command useradd "$@"; fi
}

curl() {
  command curl --resolve "sanad.example.org:$TLS_PORT:127.0.0.1" --cacert "$ROOT/etc/ssl/sanad/fullchain.pem" "$@"
}
"""


DEMO_PEOPLE = 40

# After the guide: what its sections promise, checked from outside.
CHECKS = r"""
say "checks: plain http is sent to https, the sign-in page comes through TLS, the drill restored the people"
[ "$(command curl -s -o /dev/null -w '%{http_code}' -H 'Host: sanad.example.org' http://127.0.0.1:@HTTP@/)" = 301 ]
page=$(curl -fsS "https://sanad.example.org:$TLS_PORT/signin")
grep -q 'name="password"' <<<"$page" || { say "no sign-in form through the proxy"; exit 1; }
head=$(curl -fsSI "https://sanad.example.org:$TLS_PORT/signin")
grep -qi '^strict-transport-security:' <<<"$head" || { say "no HSTS header through the proxy"; exit 1; }
backed_up=$(sed -n 's/.*: \([0-9]*\) people, audit trail up to entry.*/\1/p' "$ROOT/walk.out" | head -n 1)
[ "${backed_up:-0}" -ge @PEOPLE@ ] || { say "the first backup holds ${backed_up:-no} people"; exit 1; }
[ "$(grep -c "Look-up indexes: $backed_up people checked, 0 mismatched" "$ROOT/walk.out")" -ge 2 ] ||
  { say "the restore drill did not check the $backed_up people the backup holds"; exit 1; }
say "checks passed: $backed_up people backed up, restored in the drill and checked clean"
"""


def main() -> int:
    if os.geteuid() != 0:
        sys.exit("admin guide walk: run as root (the guide's commands are)")
    steps = blocks(GUIDE.read_text(encoding="utf-8"))
    root = Path(tempfile.mkdtemp(prefix="sanad-admin-walk."))
    os.chmod(root, 0o755)
    ports = {"app": free_port(), "tls": free_port(), "http": free_port()}
    (root / "nginx" / "logs").mkdir(parents=True)
    for folder in ("etc/nginx/sites-available", "etc/nginx/sites-enabled", "etc/systemd/system", "etc/cron.d",
                   "usr/local/bin", "var/lib", "var/backups", "opt"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "nginx" / "nginx.conf").write_text(
        f"pid {root}/nginx/nginx.pid;\nerror_log {root}/nginx/logs/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {root}/nginx/logs/access.log;\n  client_body_temp_path {root}/nginx/body;\n"
        f"  proxy_temp_path {root}/nginx/proxy;\n  include {root}/etc/nginx/sites-enabled/*;\n}}\n"
    )
    script = PRELUDE.replace("@ROOT@", str(root)).replace("@APP@", str(ports["app"])).replace("@TLS@", str(ports["tls"]))
    for n, step in enumerate(steps, 1):
        script += f'\nsay "block {n} of {len(steps)}"\n' + moved(step, root, ports) + "\n"
        if "users create" in step:
            # Not in the guide: people to back up and restore, so the drill shows they come back.
            script += f'say "walk only: {DEMO_PEOPLE} demo people"\nsanad-admin demo --people {DEMO_PEOPLE} --seed 3 >/dev/null\n'
    script += CHECKS.replace("@HTTP@", str(ports["http"])).replace("@PEOPLE@", str(DEMO_PEOPLE))
    # The nightly job, as cron would run it (cron's \% is a plain %).
    script += '\nsay "the nightly backup line of /etc/cron.d/sanad-backup"\n'
    script += f"""line=$(grep -v '^#' "{root}/etc/cron.d/sanad-backup" | grep -v '^$')\n"""
    script += """sh -c "$(echo "$line" | cut -d' ' -f7- | sed 's/\\\\%/%/g')"\n"""
    script += 'stop_sanad\nnginx -s stop || true\nsay "done"\n'
    script = f'exec > >(tee -a "{root}/walk.out")\n' + script
    (root / "walk.sh").write_text(script)
    try:
        result = subprocess.run(["bash", str(root / "walk.sh")], cwd=REPO, input=PASSPHRASE + "\n", text=True)
    finally:
        # pkill from a list, not a shell: a shell's own command line would match the pattern and be killed first.
        subprocess.run(["pkill", "-f", f"{root}/opt/sanad/sanad"], check=False)
        subprocess.run(["pkill", "-f", f"nginx -p {root}/nginx/"], check=False)
        (REPO / "sanad.tar.gz").unlink(missing_ok=True)
    if result.returncode != 0:
        print(f"admin guide walk: FAILED (exit {result.returncode}); scratch root kept at {root}", file=sys.stderr)
        return 1
    shutil.rmtree(root, ignore_errors=True)
    print(f"admin guide walk: {len(steps)} blocks of docs/administrators.md ran clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
