#!/usr/bin/env bash
# The 10-minute load run of issue 12: wrk (Debian's), 2 threads, 64 connections, a centre's daily mix (mix.lua)
# against a demo database, outside CI. Make the database first (about an hour for 100,000 people on two cores):
#   mkdir -p /tmp/load && sanad keys generate > /tmp/load/key.txt
#   SANAD_DATA_DIR=/tmp/load/data SANAD_MASTER_KEY=$(cat /tmp/load/key.txt) sanad demo --people 100000
# then: scripts/load/run.sh .build/release/sanad [600s]   (LOAD_DIR picks another folder than /tmp/load)
set -euo pipefail
BIN=$(realpath "${1:?binary}"); DURATION=${2:-600s}
MIX="$(cd "$(dirname "$0")" && pwd)/mix.lua"
WORK=${LOAD_DIR:-/tmp/load}
export LOAD_DIR=$WORK
mkdir -p "$WORK" && cd "$WORK"
source "$(dirname "$MIX")/common.sh"
start_server
curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8111/api/v1/people?per=100" | python3 -c "import json,sys; [print(p['id']) for p in json.load(sys.stdin)['items']]" > people.txt
curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8111/api/v1/cases?per=100" | python3 -c "import json,sys; [print(c['id']) for c in json.load(sys.stdin)['items']]" > cases.txt
PEOPLE=$(python3 -c "import sqlite3; print(sqlite3.connect('file:$WORK/data/sanad.sqlite?mode=ro', uri=True).execute('select count(*) from people').fetchone()[0])")
echo "people in the database: $PEOPLE; ids: $(wc -l < people.txt) people, $(wc -l < cases.txt) cases"
# Warm up, then memory at the start.
SANAD_COOKIE="sanad_session=$SESSION" SANAD_BEARER="$TOKEN" wrk -t2 -c64 -d20s -s "$MIX" http://127.0.0.1:8111 > warmup.txt
RSS_START=$(ps -o rss= -p $PID)
SANAD_COOKIE="sanad_session=$SESSION" SANAD_BEARER="$TOKEN" wrk -t2 -c64 -d"$DURATION" --timeout 30s --latency -s "$MIX" http://127.0.0.1:8111 | tee wrk.txt
RSS_END=$(ps -o rss= -p $PID)
echo "memory: start ${RSS_START} KiB, end ${RSS_END} KiB, growth $(( (RSS_END - RSS_START) * 100 / RSS_START ))%"
echo "5xx answers: $(grep -c -E '"status":"5|status=5' server.log || true)"
kill $PID
