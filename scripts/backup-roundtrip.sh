#!/usr/bin/env bash
# Backup → wipe → restore through a built binary (issue 12): demo data, `sanad backup --out`, `--verify`, the data
# folder removed, `sanad restore`, then `sanad audit verify` and a second backup must show the same people and the
# same audit trail. Also: a truncated backup and a restore over data without --force are refused, naming why.
# Usage: scripts/backup-roundtrip.sh path/to/sanad
set -euo pipefail
BIN=${1:?usage: $0 path/to/sanad}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SANAD_DATA_DIR="$WORK/data" SANAD_MASTER_KEY
SANAD_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
fail() { echo "backup round trip: $*" >&2; exit 1; }

"$BIN" demo --people 300 --seed 11 >/dev/null
first=$("$BIN" backup --out "$WORK/first.sanad")
echo "$first"
people=$(sed -n 's/.*: \([0-9]*\) people, audit trail up to entry \([0-9]*\),.*/\1/p' <<<"$first")
entries=$(sed -n 's/.*: \([0-9]*\) people, audit trail up to entry \([0-9]*\),.*/\2/p' <<<"$first")
[ -n "$people" ] && [ "$people" -gt 0 ] || fail "no people count in: $first"
"$BIN" backup --verify "$WORK/first.sanad" | tee "$WORK/verify.txt"
grep -q "Audit trail inside: intact, $entries entries." "$WORK/verify.txt" || fail "verify did not find the trail intact"

refused=$("$BIN" restore "$WORK/first.sanad" || true)
grep -q "add --force" <<<"$refused" || fail "a restore over data without --force was not refused: $refused"
head -c "$(($(stat -c %s "$WORK/first.sanad") - 1000))" "$WORK/first.sanad" >"$WORK/truncated.sanad"
refused=$("$BIN" backup --verify "$WORK/truncated.sanad" || true)
grep -q "truncated" <<<"$refused" || fail "a truncated backup was not refused as truncated: $refused"

rm -rf "$WORK/data"   # the wipe: a stolen laptop, a new one
"$BIN" restore "$WORK/first.sanad"
"$BIN" audit verify | tee "$WORK/audit.txt"
grep -q "Audit trail intact: $entries entries." "$WORK/audit.txt" || fail "the restored trail is not the backed-up one"
second=$("$BIN" backup --out "$WORK/second.sanad")
grep -q ": $people people, audit trail up to entry $entries," <<<"$second" || fail "restored data differs: $second"
echo "backup round trip: $people people and $entries audit entries back after the wipe"
