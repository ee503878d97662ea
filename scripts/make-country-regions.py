#!/usr/bin/env python3
"""Regenerate SanadCore's country -> region table used by disclosure control.

Usage: python3 scripts/make-country-regions.py [REPO_ROOT]

Reads REPO_ROOT/../shared/data/ctdc/country-regions.csv (columns ISO2, ISO3, Country,
Countrydescription, UNRegion, UNSubRegion, IOMRegion) and writes
REPO_ROOT/Sources/SanadCore/Resources/country-regions.json:

    {"AD": {"unSubRegion": "Southern Europe", "unRegion": "Europe", "iomRegion": "RO Brussels"}, ...}

Keys are ISO 3166-1 alpha-2 codes as CTDC files write them. A field the CSV leaves
empty or "NULL" is left out; a code with no region at all is left out, and the
anonymiser then treats it like any code it does not know (kept at the country level,
written as -99 at the region levels). Edit this script, not the JSON.
"""

import csv
import json
import sys
from pathlib import Path

SOURCE = "ctdc/country-regions.csv"
TARGET = "Sources/SanadCore/Resources/country-regions.json"

# The UN M49 sub-region of Jersey is Northern Europe (Channel Islands); the CTDC
# file's "Eastern Europe" is a slip (make-reference-data.py applies the same fix).
SUBREGION_FIXES = {"JE": "Northern Europe"}

# Codes the CSV lists without regions because they are withdrawn or private; older
# CTDC files may still use them, so they take the regions of their successor.
# TP Timor-Leste, ZR Zaire, Y2 Montenegro, Y3 Serbia, YU Serbia and Montenegro,
# TB Tibet.
SUCCESSORS = {"TP": "TL", "ZR": "CD", "Y2": "ME", "Y3": "RS", "YU": "RS", "TB": "CN"}

# CTDC files Kosovo under the private code Y1; XK is the code the EU, IOM and CLDR use.
ALIASES = {"XK": "Y1"}


def clean(value):
    value = (value or "").strip()
    return None if value in ("", "NULL") else value


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    source = root.parent / "shared" / "data" / SOURCE
    regions = {}
    with source.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso2 = row["ISO2"].strip().upper()
            entry = {
                "unSubRegion": clean(row["UNSubRegion"]),
                "unRegion": clean(row["UNRegion"]),
                "iomRegion": clean(row["IOMRegion"]),
            }
            if iso2 in SUBREGION_FIXES:
                entry["unSubRegion"] = SUBREGION_FIXES[iso2]
            regions[iso2] = entry
    for old, new in SUCCESSORS.items():
        regions[old] = dict(regions[new])
    for alias, code in ALIASES.items():
        regions[alias] = dict(regions[code])
    for iso2, entry in regions.items():
        # A sub-region without its region (or the reverse) would break the hierarchy.
        if (entry["unSubRegion"] is None) != (entry["unRegion"] is None):
            sys.exit(f"{iso2}: UN sub-region and region must both be given or both be empty")
    output = {}
    for iso2 in sorted(regions):
        entry = {key: value for key, value in regions[iso2].items() if value is not None}
        if entry:
            output[iso2] = entry
    target = root / TARGET
    lines = [f"{json.dumps(iso2)}:{json.dumps(entry, ensure_ascii=False, separators=(',', ':'))}"
             for iso2, entry in output.items()]
    target.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"wrote {len(output)} countries to {target}")


if __name__ == "__main__":
    main()
