#!/usr/bin/env bash
# Check the JSON API against its own OpenAPI document with schemathesis, once per role.
#
#   scripts/api-conformance.sh [PATH/TO/sanad]        (or SANAD_BIN=PATH/TO/sanad)
#
# Creates a throw-away SQLite data folder and master key, fills it with `sanad demo --people 300`,
# serves it on a free loopback port, and for each role (demo-<role>) gets an API token with
# `sanad users token` and runs schemathesis against /api/v1/openapi.json with the checks
# not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance
# and response_headers_conformance. Before that it reads real ids from the demo data (and opens one
# shelter stay and one approval request, which the demo has none of) and hands them to schemathesis as
# dictionaries, so that most requests to /people/{id}, /cases/{cid}, … reach a real record while some
# still use random ids. No operation is excluded. Exits 1 if any check fails for any role.
#
# Environment (all optional):
#   SANAD_BIN                     the sanad binary, when not given as the argument (its resource bundles
#                                 must be beside it)
#   API_CONFORMANCE_VENV          venv holding schemathesis; created from
#                                 scripts/api-conformance-requirements.txt when it lacks the pinned
#                                 version (default: <repo>/.venv-api-conformance)
#   API_CONFORMANCE_OUT           folder for logs, JUnit and NDJSON reports, the generated
#                                 schemathesis.toml and the server log (default: a new /tmp folder)
#   API_CONFORMANCE_ROLES         roles to test (default: "administrator supervisor caseworker
#                                 data-officer partner")
#   API_CONFORMANCE_MAX_EXAMPLES  test cases per operation and phase (default 20)
#   API_CONFORMANCE_SEED          generation seed (default 20261206)
#   API_CONFORMANCE_PHASES        schemathesis phases (default examples,coverage,fuzzing,stateful)
#   API_CONFORMANCE_WORKERS       schemathesis workers (default 1: the same seed then sends the same requests
#                                 in the same order; 2 also races writes against each other, but on
#                                 CPython 3.11 hypothesis then sometimes fails with "AST constructor
#                                 recursion depth mismatch", reported as a schemathesis error, not an API one)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REQUIREMENTS="$REPO_ROOT/scripts/api-conformance-requirements.txt"

BIN=${1:-${SANAD_BIN:-}}
if [ -z "$BIN" ]; then
  echo "usage: $0 PATH/TO/sanad   (or set SANAD_BIN)" >&2
  exit 2
fi
if [ ! -x "$BIN" ]; then
  echo "not an executable: $BIN" >&2
  exit 2
fi
BIN_DIR=$(cd "$(dirname "$BIN")" && pwd)
BIN_NAME=$(basename "$BIN")

VENV=${API_CONFORMANCE_VENV:-$REPO_ROOT/.venv-api-conformance}
ROLES=${API_CONFORMANCE_ROLES:-administrator supervisor caseworker data-officer partner}
MAX_EXAMPLES=${API_CONFORMANCE_MAX_EXAMPLES:-20}
SEED=${API_CONFORMANCE_SEED:-20261206}
PHASES=${API_CONFORMANCE_PHASES:-examples,coverage,fuzzing,stateful}
WORKERS=${API_CONFORMANCE_WORKERS:-1}
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
START=$(date +%s)

# ---------------------------------------------------------------------------- schemathesis
PINNED=$(sed -n 's/^schemathesis==//p' "$REQUIREMENTS")
if [ "$("$VENV/bin/schemathesis" --version 2>/dev/null || true)" != "schemathesis, version $PINNED" ]; then
  echo "=== installing schemathesis $PINNED into $VENV"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  case "$VENV" in "$REPO_ROOT"/*) printf '*\n' >"$VENV/.gitignore" ;; esac
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
fi
ST="$VENV/bin/schemathesis"
PY="$VENV/bin/python"
if "$ST" run --help | grep -q response_headers_conformance; then
  CHECKS="$CHECKS,response_headers_conformance"
fi

# ---------------------------------------------------------------------------- data, key, server
OUT=${API_CONFORMANCE_OUT:-$(mktemp -d /tmp/sanad-api-conformance.XXXXXX)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DATA_DIR=$(mktemp -d /tmp/sanad-api-conformance-data.XXXXXX)
SERVER_PID=""

cleanup() {
  local status=$?
  set +e
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$DATA_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export SANAD_DATA_DIR="$DATA_DIR"
SANAD_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
export SANAD_MASTER_KEY
unset DATABASE_URL

sanad() { (cd "$BIN_DIR" && exec "./$BIN_NAME" "$@"); }

echo "=== demo data (300 people) in $DATA_DIR"
# The demo prints the accounts' passwords: keep them in the data folder, which is removed on exit.
sanad demo --people 300 >"$DATA_DIR/demo.log" 2>&1 || { tail -n 30 "$DATA_DIR/demo.log"; exit 1; }
tail -n 1 "$DATA_DIR/demo.log"

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
(cd "$BIN_DIR" && exec "./$BIN_NAME" serve --hostname 127.0.0.1 --port "$PORT") >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
echo "=== serving on $BASE (pid $SERVER_PID, log $OUT/server.log)"
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server exited:"; tail -n 30 "$OUT/server.log"; exit 1
  fi
  if "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2).read()' "$BASE/health" 2>/dev/null; then
    break
  fi
  sleep 0.5
done
"$PY" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "$BASE/health"

declare -A TOKENS
for role in $ROLES supervisor caseworker; do
  [ -n "${TOKENS[$role]:-}" ] || TOKENS[$role]=$(sanad users token --username "demo-$role" | tail -n 1)
done

# ---------------------------------------------------------------------------- real ids for schemathesis
# Reads ids with the supervisor's and caseworker's tokens, opens a shelter stay and asks for an approval
# when the demo has none, and writes schemathesis.toml with one dictionary per kind of id.
CONFIG="$OUT/schemathesis.toml"
cat >"$OUT/discover.py" <<'PYTHON'
import json
import sys
import urllib.error
import urllib.request

base, config_path, tokens = sys.argv[1], sys.argv[2], [t for t in sys.argv[3:] if t]
LIMIT = 12


def call(method, path, token, body=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + "/api/v1" + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as error:
        return error.code, None


def get(path, token):
    status, body = call("GET", path, token)
    return body if status == 200 else None


ids = {name: [] for name in ["people", "cases", "events", "referrals", "screenings", "instruments", "centres",
                             "returns", "stays", "approvals", "partners", "beds", "caseworkers"]}


def add(name, value):
    if value and value not in ids[name]:
        ids[name].append(value)


case_files = {}
for token in tokens:
    for person in (get("/people?per=100", token) or {}).get("items", []):
        add("people", person.get("id"))
        add("centres", person.get("centre"))
    for page in (1, 2):
        for case in (get(f"/cases?page={page}", token) or {}).get("items", []):
            add("cases", case.get("id"))
            add("people", case.get("personId"))
            add("centres", case.get("centre"))
            add("caseworkers", case.get("caseworkerId"))
    for event in (get("/events", token) or {}).get("items", [])[:LIMIT]:
        add("events", event.get("id"))
    for referral in (get("/referrals", token) or {}).get("items", []):
        add("referrals", referral.get("id"))
    for instrument in get("/screening/instruments", token) or []:
        add("instruments", instrument.get("id"))
    for partner in get("/partners", token) or []:
        add("partners", partner.get("id"))
    for person in ids["people"][:40]:
        for screening in get(f"/people/{person}/screenings", token) or []:
            add("screenings", screening.get("id"))
    for case in ids["cases"][:80]:
        case_file = get(f"/cases/{case}", token)
        if not case_file:
            continue
        case_files[case] = case_file
        for ret in case_file.get("returns") or []:
            add("returns", ret.get("id"))
        if case_file.get("stay"):
            add("stays", case_file["stay"].get("id"))
        for approval in case_file.get("approvals") or []:
            add("approvals", approval.get("id"))

free_beds = {}
for token in tokens:
    for centre in ids["centres"]:
        for bed in get(f"/shelters/{centre}/occupancy", token) or []:
            add("beds", bed.get("id"))
            if not bed.get("occupied"):
                free_beds.setdefault(centre, []).append(bed.get("id"))

seeded = []
token = tokens[-1]  # the caseworker's, when given
if not ids["stays"]:
    for case, case_file in case_files.items():
        centre = (case_file.get("case") or {}).get("centre")
        if case_file.get("stay") or (case_file.get("case") or {}).get("stage") == "closed" or not free_beds.get(centre):
            continue
        status, stay = call("POST", f"/cases/{case}/stays", token, {"bed": free_beds[centre].pop()})
        if status == 201 and stay:
            add("stays", stay.get("id"))
            seeded.append("stay")
            break
if not ids["approvals"]:
    for case, case_file in case_files.items():
        if (case_file.get("case") or {}).get("stage") == "closed":
            continue
        status, _ = call("POST", f"/cases/{case}/approvals", token,
                         {"kind": "trafficking-confirmation", "subject": "ActualVictimOfTrafficking"})
        if status == 204:
            for approval in (get(f"/cases/{case}", token) or {}).get("approvals") or []:
                add("approvals", approval.get("id"))
            seeded.append("approval")
            break

# Path parameters: most requests use a real id, the rest a generated one (404 and 422 paths stay tested).
PATH_PROBABILITY = 0.8
BODY_PROBABILITY = 0.5
global_bindings = {
    "path.id": ("people", PATH_PROBABILITY),
    "path.cid": ("cases", PATH_PROBABILITY),
    "path.eid": ("events", PATH_PROBABILITY),
    "path.iid": ("instruments", PATH_PROBABILITY),
    "path.centre": ("centres", PATH_PROBABILITY),
    "path.aid": ("approvals", PATH_PROBABILITY),
    "body.partner": ("partners", BODY_PROBABILITY),
    "body.bed": ("beds", BODY_PROBABILITY),
    "body.instrument": ("instruments", BODY_PROBABILITY),
    "body.other": ("people", BODY_PROBABILITY),
    "body.caseworker": ("caseworkers", BODY_PROBABILITY),
}
# {sid} and {rid} name different things on different paths.
operation_bindings = [
    ("^/api/v1/screenings/", "path.sid", "screenings"),
    ("^/api/v1/stays/", "path.sid", "stays"),
    ("^/api/v1/referrals/", "path.rid", "referrals"),
    ("^/api/v1/returns/", "path.rid", "returns"),
]


def toml(value):
    return json.dumps(value, ensure_ascii=False)


lines = ["# Generated by scripts/api-conformance.sh from the demo data.", ""]
for name, values in ids.items():
    if values:
        lines += [f"[dictionaries.{name}]", "values = " + toml(values[:LIMIT]), ""]
lines.append("[parameters]")
for key, (name, probability) in global_bindings.items():
    if ids[name]:
        lines.append(f'{toml(key)} = {{ dictionary = {toml(name)}, probability = {probability} }}')
lines.append("")
for regex, key, name in operation_bindings:
    if ids[name]:
        lines += ["[[operations]]", f"include-path-regex = {toml(regex)}",
                  f'parameters = {{ {toml(key)} = {{ dictionary = {toml(name)}, probability = {PATH_PROBABILITY} }} }}', ""]
with open(config_path, "w", encoding="utf-8") as config:
    config.write("\n".join(lines))

print("real ids: " + ", ".join(f"{name} {len(values[:LIMIT])}" for name, values in ids.items())
      + (f" (seeded: {', '.join(seeded)})" if seeded else ""))
missing = [name for name, values in ids.items() if not values]
if missing:
    print("no real ids for: " + ", ".join(missing) + " (those parameters are generated only)")
PYTHON
echo "=== reading real ids from the demo data"
"$PY" "$OUT/discover.py" "$BASE" "$CONFIG" "${TOKENS[supervisor]}" "${TOKENS[caseworker]}"

# ---------------------------------------------------------------------------- schemathesis per role
declare -A RC
for role in $ROLES; do
  echo
  echo "=== [$(date -u '+%H:%M:%S')] schemathesis as demo-$role"
  rc=0
  "$ST" --config-file "$CONFIG" run "$BASE/api/v1/openapi.json" \
    -H "Authorization: Bearer ${TOKENS[$role]}" \
    --checks "$CHECKS" \
    --phases "$PHASES" \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers "$WORKERS" \
    --request-timeout 30 \
    --no-color \
    --report junit,ndjson \
    --report-dir "$OUT/reports" \
    --report-junit-path "$OUT/reports/$role.junit.xml" \
    --report-ndjson-path "$OUT/reports/$role.ndjson" \
    2>&1 | tee "$OUT/$role.log" || rc=$?
  RC[$role]=$rc
done

# ---------------------------------------------------------------------------- summary
echo
echo "=== summary (seed $SEED, max examples $MAX_EXAMPLES, phases $PHASES; details in $OUT)"
failed=0
for role in $ROLES; do
  "$PY" - "$role" "${RC[$role]}" "$OUT/reports/$role.junit.xml" <<'PYTHON'
import sys
import xml.etree.ElementTree as ET

role, rc, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
try:
    cases = list(ET.parse(path).getroot().iter("testcase"))
except (OSError, ET.ParseError):
    print(f"  {role:14} exit {rc}: no JUnit report")
    sys.exit(0)


def first_line(element):
    text = (element.get("message") or "") + " " + (element.text or "")
    return " ".join(text.split())[:160]


failing, errored, skipped = [], [], []
for case in cases:
    for child in case:
        if child.tag == "failure":
            failing.append((case.get("name"), first_line(child)))
        elif child.tag == "error":
            errored.append((case.get("name"), first_line(child)))
        elif child.tag == "skipped":
            skipped.append((case.get("name"), first_line(child)))
operations = sum(1 for case in cases if case.get("name") != "Stateful tests")
print(f"  {role:14} exit {rc}: {operations} operations, {len(failing)} failing a check, "
      f"{len(errored)} schemathesis errors, {len(skipped)} skipped")
for label, items in (("failing", failing), ("error  ", errored), ("skipped", skipped)):
    for name, line in items:
        print(f"      {label} {name}: {line}")
PYTHON
  [ "${RC[$role]}" -eq 0 ] || failed=1
done
errors=$(grep -c 'status=5[0-9][0-9]' "$OUT/server.log" || true)
echo "  server log: $errors responses with status 5xx"
echo "  took $(( $(date +%s) - START ))s"
if [ "$failed" -ne 0 ]; then
  echo "=== API conformance FAILED"
  exit 1
fi
echo "=== API conformance passed"
