#!/usr/bin/env bash
# The k-anonymity benchmark of issue 13 in one run: `sanad anonymize ctdc` at k = 11 with the default
# quasi-identifiers on the CTDC 2017 release and on a synthetic file of a million rows drawn from it (time and
# peak memory from GNU time, rows and cells kept from Sanad's report), the independent checker on each output,
# then pandas grouping the same rows. Outside CI.
#   [PYTHON=venv/bin/python] scripts/bench-ctdc.sh .build/release/sanad [CTDC.csv] [ROWS]   (pandas needed)
set -euo pipefail
bin=${1:?path to the sanad binary}
source=${2:-$(dirname "$0")/../../shared/data/ctdc/ctdc-global-dataset-2017-11-27.csv}
rows=${3:-1000000}
python=${PYTHON:-python3}
[ -f "$source" ] || { echo "no CTDC file at $source" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" bench ctdc-synthetic "$source" --rows "$rows" --out "$work/synthetic.csv" > /dev/null

echo "| file | rows in | rows out | plain suppression keeps | cells generalised | cells suppressed | seconds | peak MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for input in "$source" "$work/synthetic.csv"; do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" anonymize ctdc "$input" --k 11 --out "$work/out.csv" > "$work/report"
  read -r seconds kib < "$work/time"
  awk -v name="$(basename "$input")" -v s="$seconds" -v kib="$kib" '
    /^rows:/ { rin = $2; rout = $4 }
    /plain suppression/ { plain = $(NF) ; sub(/\)/, "", plain) }
    /^quasi-identifier cells:/ { gen = $3; sup = $5 }
    END { printf "| %s | %s | %s | %s | %s | %s | %.2f | %.0f |\n", name, rin, rout, plain, gen, sup, s, kib / 1024 }
  ' "$work/report"
  "$python" "$(dirname "$0")/check-k-anonymity.py" "$work/out.csv" --k 11 --input "$input" | tail -1 >&2
done
echo
for input in "$source" "$work/synthetic.csv"; do "$python" "$(dirname "$0")/bench-pandas.py" ctdc "$input"; done
