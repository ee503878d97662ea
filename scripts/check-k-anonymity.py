#!/usr/bin/env python3
"""Independent check of an anonymised CTDC-format CSV file.

Usage:
    .venv-e2e/bin/python scripts/check-k-anonymity.py OUTPUT.csv [--k 11]
        [--quasi yearOfRegistration,gender,...] [--input ORIGINAL.csv]

Exits 0 when the file passes, 1 when it does not, 2 on a usage or read error. It fails when:
  * a column is not in the CTDC k-anonymised format (2017-2021 releases), or appears twice;
  * a quasi-identifier column is absent;
  * some combination of the quasi-identifier values occurs fewer than k times (a missing value is a
    value like any other here, so the all-missing combination must occur k times too);
  * a missing value is written other than as -99 (empty cell, or "Missing" in any case).
With --input it also prints the share of the original rows that were kept.

This shares no code with Sanad's Swift engine: it is written from the data standard
(the CTDC k-anonymity method the README describes) so that it can catch the engine's mistakes.
Needs pandas (pip install pandas into the virtual environment that runs it).
"""

import argparse
import sys

import pandas as pd

CTDC_COLUMNS = [
    "yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus",
    "majorityStatusAtExploit", "majorityEntry", "citizenship", "meansOfControlDebtBondage",
    "meansOfControlTakesEarnings", "meansOfControlRestrictsFinancialAccess",
    "meansOfControlThreats", "meansOfControlPsychologicalAbuse", "meansOfControlPhysicalAbuse",
    "meansOfControlSexualAbuse", "meansOfControlFalsePromises",
    "meansOfControlPsychoactiveSubstances", "meansOfControlRestrictsMovement",
    "meansOfControlRestrictsMedicalCare", "meansOfControlExcessiveWorkingHours",
    "meansOfControlUsesChildren", "meansOfControlThreatOfLawEnforcement",
    "meansOfControlWithholdsNecessities", "meansOfControlWithholdsDocuments",
    "meansOfControlOther", "meansOfControlNotSpecified", "meansOfControlConcatenated",
    "isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour", "isForcedMarriage",
    "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices", "typeOfExploitConcatenated",
    "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourBegging",
    "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality",
    "typeOfLabourIllicitActivities", "typeOfLabourManufacturing", "typeOfLabourMiningOrDrilling",
    "typeOfLabourPeddling", "typeOfLabourTransportation", "typeOfLabourOther",
    "typeOfLabourNotSpecified", "typeOfLabourConcatenated", "typeOfSexProstitution",
    "typeOfSexPornography", "typeOfSexRemoteInteractiveServices", "typeOfSexPrivateSexualServices",
    "typeOfSexConcatenated", "isAbduction", "RecruiterRelationship", "CountryOfExploitation",
    "recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily",
    "recruiterRelationOther", "recruiterRelationUnknown",
]
DEFAULT_QUASI = "yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,majorityStatus"
MISSING = "-99"


def read(path):
    # Every cell as text, nothing turned into NaN: "", "-99" and "NA" stay what they are.
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--k", type=int, default=11)
    parser.add_argument("--quasi", default=DEFAULT_QUASI)
    parser.add_argument("--input", help="the original file, to report the share of rows kept")
    args = parser.parse_args()
    quasi = [name.strip() for name in args.quasi.split(",") if name.strip()]
    if args.k < 2 or not quasi:
        print("k must be at least 2 and the quasi-identifier list must not be empty", file=sys.stderr)
        return 2
    try:
        table = read(args.output)
    except Exception as error:  # noqa: BLE001 - any read failure is a usage error here
        print(f"cannot read {args.output}: {error}", file=sys.stderr)
        return 2

    problems = []
    header = list(table.columns)
    # pandas renames a repeated header "x" to "x.1"; that name is not standard, so it is caught here.
    unknown = [name for name in header if name not in CTDC_COLUMNS]
    if unknown:
        problems.append(f"columns outside the CTDC standard: {', '.join(unknown)}")
    absent = [name for name in quasi if name not in header]
    if absent:
        problems.append(f"quasi-identifier columns not in the file: {', '.join(absent)}")

    missing_spellings = 0
    for name in header:
        cells = table[name].str.strip()
        missing_spellings += int(((cells == "") | (cells.str.lower() == "missing")).sum())
    if missing_spellings:
        problems.append(f"{missing_spellings} missing cells not written as {MISSING}")

    rows = len(table)
    if not absent and rows:
        sizes = table.groupby(quasi, sort=False, dropna=False).size()
        rare = sizes[sizes < args.k]
        print(f"{rows} rows, {len(sizes)} quasi-identifier combinations, smallest class {int(sizes.min())}")
        if len(rare):
            problems.append(
                f"{len(rare)} combinations ({int(rare.sum())} rows) occur fewer than {args.k} times, e.g. "
                + "; ".join(" | ".join(map(str, key if isinstance(key, tuple) else (key,)))
                            + f" ({count})" for key, count in rare.head(5).items()))
    else:
        print(f"{rows} rows")

    if args.input:
        try:
            original = read(args.input)
        except Exception as error:  # noqa: BLE001
            print(f"cannot read {args.input}: {error}", file=sys.stderr)
            return 2
        share = rows / len(original) if len(original) else 1.0
        print(f"kept {rows} of {len(original)} rows ({100 * share:.3f}%)")

    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        return 1
    print(f"OK: every combination of {', '.join(quasi)} occurs at least {args.k} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())
