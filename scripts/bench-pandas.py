#!/usr/bin/env python3
"""The benchmark's pandas side: the same grouping as Sanad, timed in the same run.

  bench-pandas.py dashboard DIR   DIR holds people.csv and services.csv from `sanad bench dashboard --export DIR`
  bench-pandas.py ctdc FILE.csv   groups a CTDC-format file by the default quasi-identifiers

Prints one Markdown table row: load seconds, grouping seconds, and a figure to compare with Sanad's output
(unique people assisted; number of quasi-identifier groups and rows in groups smaller than 11).
"""
import sys
import time

import pandas as pd

QUASI = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", "majorityStatus"]


def dashboard(folder):
    t0 = time.perf_counter()
    people = pd.read_csv(f"{folder}/people.csv")
    services = pd.read_csv(f"{folder}/services.csv")
    t1 = time.perf_counter()
    joined = services.merge(people, left_on="person_id", right_on="id")
    end_year = joined["date"].str.slice(0, 4).astype(int).max()
    joined["age_group"] = (end_year - joined["birth_year"]).map(lambda a: "children" if a < 18 else "adults")
    assisted = joined.groupby(["sex", "age_group"])["person_id"].nunique()
    by_type = joined.groupby("service_type").agg(
        records=("person_id", "size"), quantity=("quantity", "sum"), people=("person_id", "nunique"))
    monthly = joined.assign(month=joined["date"].str.slice(0, 7)).groupby("month")["person_id"].nunique()
    t2 = time.perf_counter()
    print("| pandas | load s | group s | unique assisted | service types | months |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| {pd.__version__} | {t1 - t0:.2f} | {t2 - t1:.2f} | {joined['person_id'].nunique()} "
          f"| {len(by_type)} | {len(monthly)} |")
    del assisted


def ctdc(path):
    t0 = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    t1 = time.perf_counter()
    sizes = frame.groupby(QUASI, dropna=False).size()
    small = int(sizes[sizes < 11].sum())
    t2 = time.perf_counter()
    print("| pandas | rows | load s | group s | groups | rows in groups < 11 |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| {pd.__version__} | {len(frame)} | {t1 - t0:.2f} | {t2 - t1:.2f} | {len(sizes)} | {small} |")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("dashboard", "ctdc"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    (dashboard if sys.argv[1] == "dashboard" else ctdc)(sys.argv[2])
