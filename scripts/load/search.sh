#!/usr/bin/env bash
# People search under load (issue 13, item 6), outside CI: for each kind of query — a full Latin name, the name in
# its original script, two parts of a name, a registration number, a phone number, a document number — wrk with
# 2 threads and 16 connections for DURATION through `GET /api/v1/people?q=`, against the load database of run.sh.
#   scripts/load/search.sh .build/release/sanad [30s]
set -euo pipefail
BIN=$(realpath "${1:?binary}"); DURATION=${2:-30s}
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK=${LOAD_DIR:-/tmp/load}
cd "$WORK"
source "$HERE/common.sh"
start_server
trap 'kill $PID' EXIT
# Queries made from 300 people the API returns (pages far apart), written URL-encoded, one file per kind.
for page in 1 300 900; do
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8111/api/v1/people?per=100&page=$page"
  echo
done | python3 -c '
import json, sys, urllib.parse
kinds = {k: [] for k in ["name-latin", "name-original", "name-parts", "registration", "phone", "document"]}
for line in filter(str.strip, sys.stdin):
    for p in json.loads(line)["items"]:
        latin = p["nameLatin"].split()
        kinds["name-latin"].append(p["nameLatin"])
        kinds["name-original"].append(p["nameOriginal"])
        if len(latin) >= 3: kinds["name-parts"].append(latin[0] + " " + latin[2])
        kinds["registration"].append(p["registrationNumber"])
        if p.get("phone"): kinds["phone"].append(p["phone"])
        for d in p.get("documents") or []:
            if d.get("number"): kinds["document"].append(d["number"])
for kind, qs in kinds.items():
    with open(f"q-{kind}.txt", "w") as f:
        f.write("\n".join(urllib.parse.quote(q) for q in qs) + "\n")
    print(kind, len(qs), file=sys.stderr)
'
echo "| query | queries | requests | req/s | p50 ms | p99 ms | max ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for kind in name-latin name-original name-parts registration phone document; do
  n=$(grep -c . "q-$kind.txt" || true)
  [ "$n" -gt 0 ] || continue
  QUERY_FILE="$WORK/q-$kind.txt" SANAD_BEARER="$TOKEN" wrk -t2 -c16 -d5s -s "$HERE/search.lua" http://127.0.0.1:8111 >/dev/null
  set -- $(QUERY_FILE="$WORK/q-$kind.txt" SANAD_BEARER="$TOKEN" wrk -t2 -c16 -d"$DURATION" --timeout 30s -s "$HERE/search.lua" http://127.0.0.1:8111 | grep '^RESULT')
  echo "| $kind | $n | $2 | $3 | $4 | $5 | $6 | $7 |"
done
