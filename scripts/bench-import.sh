#!/usr/bin/env bash
# Times `sanad import people` on a 15,000-row register (issue 14): rows per second and peak memory, first into an
# empty data folder and then into one that already holds the register's people (a second register of 8,500 rows
# against 14,000 registered), and checks that importing the same file again changes nothing.
# Usage: scripts/bench-import.sh [.build/release/sanad]
set -euo pipefail
bin=$(realpath "${1:-.build/release/sanad}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/make-register.py" --people 20500 --seed 3 --out-dir "$work" 2>/dev/null
export SANAD_DATA_DIR="$work/data"
unset DATABASE_URL
run() { # label file extra-args…
    local label=$1 file=$2; shift 2
    local rows; rows=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8'))) - 1)" "$file")
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/mem" "$bin" import people "$file" --centre SD01 --import-good-rows \
        --report "$work/$label.csv" "$@" 2> "$work/$label.log"
    end=$(date +%s.%N)
    local seconds; seconds=$(echo "$end - $start" | bc)
    printf "| %s | %d | %.1f | %.0f | %d |\n" "$label" "$rows" "$seconds" "$(echo "$rows / $seconds" | bc -l)" \
        "$(( $(cat "$work/mem") / 1024 ))"
    tail -1 "$work/$label.log" >&2
}
echo "| run | rows | seconds | rows/s | peak MiB |"
echo "|---|---:|---:|---:|---:|"
run first "$work/register-a.csv"
run again "$work/register-a.csv"
grep -q "nothing changed" "$work/again.log" || { echo "the second run changed something" >&2; exit 1; }
run second-register "$work/register-b.csv" --mapping "$work/mapping-b.json"
