#!/usr/bin/env bash
# The dashboard benchmark of issue 13 in one run: Sanad's year summary on a fresh database (SQLite, or PostgreSQL
# when DATABASE_URL names an empty one), then pandas grouping the same rows. Outside CI: a million services take
# minutes to insert.
#   [PYTHON=venv/bin/python] scripts/bench-dashboard.sh .build/release/sanad [PEOPLE] [SERVICES]   (pandas needed)
set -euo pipefail
bin=${1:?path to the sanad binary}
people=${2:-100000}
services=${3:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 32 /dev/urandom | base64 > "$work/key.txt"
SANAD_DATA_DIR="$work/data" SANAD_KEY_FILE="$work/key.txt" \
  "$bin" bench dashboard --people "$people" --services "$services" --export "$work/csv"
"${PYTHON:-python3}" "$(dirname "$0")/bench-pandas.py" dashboard "$work/csv"
