#!/usr/bin/env python3
"""Check that a CSV file is valid HXL: usage `check-hxl.py FILE.csv`.

Parses the file with libhxl (`pip install libhxl`; 5.2.2 also needs `six`, which it does not
declare), requires a hashtag row, requires every column to carry a syntactically valid HXL 1.1
hashtag, refuses a UTF-8 byte order mark (libhxl reads it as part of the first
header, so HXL files should be written without one), and prints the tags and the number of data rows. Exits 0 when all is well, 1 on any
problem, 2 on wrong usage.
"""
import re
import sys

import hxl

HASHTAG = re.compile(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*")


def main(argv):
    if len(argv) != 2:
        print("usage: check-hxl.py FILE.csv", file=sys.stderr)
        return 2
    path = argv[1]
    problems = []
    try:
        source = hxl.data(path, hxl.InputOptions(allow_local=True))
        columns = source.columns
        rows = sum(1 for _ in source)
    except Exception as error:  # libhxl raises several unrelated types; any of them is a failure
        print(f"{path}: cannot be read as HXL: {error}", file=sys.stderr)
        return 1
    with open(path, "rb") as raw:
        if raw.read(3) == b"\xef\xbb\xbf":
            problems.append("the file starts with a UTF-8 byte order mark, which libhxl keeps as part of the first header")
    if not columns:
        problems.append("no HXL hashtag row found")
    for number, column in enumerate(columns, start=1):
        tag = column.display_tag
        if not tag:
            problems.append(f"column {number} ({column.header!r}) has no hashtag")
        elif not HASHTAG.fullmatch(tag):
            problems.append(f"column {number} ({column.header!r}) has an invalid hashtag {tag!r}")
    for column in columns:
        print(f"{column.display_tag or '(none)'}\t{column.header or ''}")
    print(f"rows: {rows}")
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
