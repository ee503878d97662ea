#!/usr/bin/env python3
"""Checks the screening instrument catalogue in Sources/SanadCore/Resources/instruments.

Every *.json file there is validated: exact keys, id formats and uniqueness, valid dimension / level
references, strengths, rules, and bilingual wording (non-empty English and Arabic; the Arabic in Arabic
script, with Arabic punctuation; the English without Arabic letters). The shipped ILO files also have
their counts per dimension x strength checked against the figures of docs/screening.md section 2 (embedded
below), and, when screening.md itself is available, every row (order, wording, weight, [check]).

Usage: python3 scripts/check-instruments.py [--dir DIR] [--reference screening.md]
Prints the counts per dimension x strength (and per level x kind for DoMV). Exits 1 on any problem.
"""
import argparse
import collections
import json
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "Sources" / "SanadCore" / "Resources" / "instruments"
DEFAULT_REFERENCE = pathlib.Path(os.environ.get("SANAD_SCREENING_REFERENCE", "/work/shared/reference/screening.md"))

STRENGTHS = ("strong", "medium", "weak")
DIMENSIONS = ("D1", "D2", "D3", "D4", "D5", "D6")
STATUSES = ("verified", "provisional")
LEVELS = {"individual": "case", "household": "case", "community": "place", "structural": "place"}
KINDS = ("risk", "protective")

ILO_KEYS = {"id", "version", "status", "population", "exploitationType", "title", "source", "note",
            "dimensions", "indicators", "rules"}
DIM_KEYS = {"id", "title"}
IND_KEYS = {"id", "dimension", "strength", "text", "question", "check"}
DOMV_KEYS = {"id", "version", "status", "title", "source", "levels", "factors"}
LEVEL_KEYS = {"id", "assessed", "title", "description"}
FACTOR_KEYS = {"id", "level", "kind", "text", "question"}

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ILO_ID = re.compile(rf"^(D[1-6])\.({SLUG})$")
FACTOR_ID = re.compile(rf"^([a-z]+)\.({SLUG})$")
INSTRUMENT_ID = re.compile(rf"^{SLUG}$")

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Latin tokens allowed inside Arabic text: the dimension codes used by the UI in both languages.
ARABIC_ALLOWED_LATIN = re.compile(r"\bD[1-6]\b")
ASCII_PUNCT_IN_ARABIC = re.compile(r"[?,;]")

S, M, W = "strong", "medium", "weak"
# Expected counts per dimension x strength, from docs/screening.md section 2.
EXPECTED = {
    "ilo-adult-labour": {
        "total": 67, "status": "verified", "population": "adult",
        "conclusion": [["D1", "D2", "D3"], ["D4"], ["D5", "D6"]],
        "counts": {
            "D1": {S: 1, M: 8, W: 1},
            "D2": {S: 1, M: 9, W: 0},
            "D3": {S: 0, M: 14, W: 2},
            "D4": {S: 1, M: 7, W: 1},
            "D5": {S: 4, M: 10, W: 1},
            "D6": {S: 0, M: 5, W: 2},
        },
        "checked": {"D3.difficulties-in-the-past", "D3.difficulty-to-organize-travel"},
    },
    "ilo-child-labour": {
        "total": 65, "status": "provisional", "population": "child",
        "conclusion": [["D1", "D2", "D3"], ["D4"]],
        "counts": {
            "D1": {S: 2, M: 8, W: 0},
            "D2": {S: 4, M: 6, W: 0},
            "D3": {S: 0, M: 15, W: 0},
            "D4": {S: 1, M: 7, W: 0},
            "D5": {S: 8, M: 7, W: 0},
            "D6": {S: 0, M: 7, W: 0},
        },
        "checked": "all",
    },
}
EXPECTED_DIMENSION_RULE = [
    [{"of": ["strong"], "count": 2}],
    [{"of": ["strong"], "count": 1}, {"of": ["medium", "weak"], "count": 1}],
    [{"of": ["medium"], "count": 3}],
    [{"of": ["medium"], "count": 2}, {"of": ["weak"], "count": 1}],
]
DOMV_RANGES = {"individual": (14, 18), "household": (8, 10), "community": (8, 10), "structural": (8, 10)}


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def keys(self, where, obj, expected):
        if not isinstance(obj, dict):
            self.fail(where, f"expected an object, got {type(obj).__name__}")
            return False
        missing, extra = expected - obj.keys(), obj.keys() - expected
        if missing:
            self.fail(where, f"missing keys {sorted(missing)}")
        if extra:
            self.fail(where, f"unexpected keys {sorted(extra)}")
        return not missing

    def string(self, where, value):
        if not isinstance(value, str) or not value.strip():
            self.fail(where, "must be a non-empty string")
            return False
        if value != value.strip():
            self.fail(where, "leading or trailing whitespace")
        if "  " in value:
            self.fail(where, "double space")
        return True

    def bilingual(self, where, value, question=False):
        if not self.keys(where, value, {"en", "ar"}):
            return
        en, ar = value["en"], value["ar"]
        if self.string(f"{where}.en", en):
            if ARABIC_LETTER.search(en):
                self.fail(f"{where}.en", "English text contains Arabic letters")
            if question and not en.endswith("?"):
                self.fail(f"{where}.en", "a question should end with '?'")
        if self.string(f"{where}.ar", ar):
            if not ARABIC_LETTER.search(ar):
                self.fail(f"{where}.ar", "contains no Arabic letters")
            latin = LATIN_LETTER.findall(ARABIC_ALLOWED_LATIN.sub("", ar))
            if latin:
                self.fail(f"{where}.ar", f"Latin letters in Arabic text: {''.join(latin)!r}")
            if ASCII_PUNCT_IN_ARABIC.search(ar):
                self.fail(f"{where}.ar", "use Arabic punctuation (، ؛ ؟), not ASCII , ; ?")
            if question and not ar.endswith("؟"):
                self.fail(f"{where}.ar", "a question should end with '؟'")

    def header(self, where, doc, path):
        ok = True
        if not (isinstance(doc.get("id"), str) and INSTRUMENT_ID.match(doc["id"])):
            self.fail(where, "id must be a kebab-case string")
            ok = False
        if not (isinstance(doc.get("version"), str) and re.fullmatch(r"[1-9][0-9]*", doc["version"])):
            self.fail(where, "version must be a string holding a positive integer")
            ok = False
        if ok and path.name != f"{doc['id']}.v{doc['version']}.json":
            self.fail(where, f"file name should be {doc['id']}.v{doc['version']}.json")
        if doc.get("status") not in STATUSES:
            self.fail(where, f"status must be one of {STATUSES}")
        self.bilingual(f"{where}.title", doc.get("title"))
        self.string(f"{where}.source", doc.get("source"))

    # ---------------------------------------------------------------- ILO-style indicator sets
    def ilo(self, path, doc):
        where = path.name
        self.keys(where, doc, ILO_KEYS)
        self.header(where, doc, path)
        if doc.get("population") not in ("adult", "child"):
            self.fail(where, "population must be 'adult' or 'child'")
        if doc.get("exploitationType") not in ("labour", "sexual"):
            self.fail(where, "exploitationType must be 'labour' or 'sexual'")
        self.bilingual(f"{where}.note", doc.get("note"))

        dims = doc.get("dimensions")
        dim_ids = []
        if not isinstance(dims, list):
            self.fail(where, "dimensions must be a list")
            dims = []
        for i, d in enumerate(dims):
            w = f"{where}.dimensions[{i}]"
            if self.keys(w, d, DIM_KEYS):
                dim_ids.append(d["id"])
                self.bilingual(f"{w}.title", d["title"])
        if dim_ids != list(DIMENSIONS):
            self.fail(where, f"dimensions must be {list(DIMENSIONS)} in order, got {dim_ids}")
        valid_dims = set(dim_ids)

        inds = doc.get("indicators")
        if not isinstance(inds, list) or not inds:
            self.fail(where, "indicators must be a non-empty list")
            inds = []
        seen = set()
        counts = {d: collections.Counter() for d in DIMENSIONS}
        last_dim = 0
        for i, ind in enumerate(inds):
            w = f"{where}.indicators[{i}]"
            if not self.keys(w, ind, IND_KEYS):
                continue
            iid, dim, strength = ind["id"], ind["dimension"], ind["strength"]
            w = f"{where}:{iid}"
            m = ILO_ID.match(iid) if isinstance(iid, str) else None
            if not m:
                self.fail(w, "id must be '<dimension>.<kebab-case slug>'")
            elif m.group(1) != dim:
                self.fail(w, f"id prefix {m.group(1)} differs from dimension {dim}")
            if iid in seen:
                self.fail(w, "duplicate id")
            seen.add(iid)
            if dim not in valid_dims:
                self.fail(w, f"unknown dimension {dim!r}")
            else:
                n = DIMENSIONS.index(dim)
                if n < last_dim:
                    self.fail(w, "indicators must be grouped by dimension in order D1..D6")
                last_dim = n
            if strength not in STRENGTHS:
                self.fail(w, f"strength must be one of {STRENGTHS}, got {strength!r}")
            elif dim in counts:
                counts[dim][strength] += 1
            if not isinstance(ind["check"], bool):
                self.fail(w, "check must be true or false")
            self.bilingual(f"{w}.text", ind["text"])
            self.bilingual(f"{w}.question", ind["question"], question=True)
        # The same English wording may appear in two dimensions, but not twice in one.
        pairs = collections.Counter((x.get("dimension"), x.get("text", {}).get("en")) for x in inds if isinstance(x, dict))
        for (dim, en), n in pairs.items():
            if n > 1:
                self.fail(where, f"{dim} lists {en!r} {n} times")

        self.rules(where, doc.get("rules"), valid_dims)
        self.expectations(where, doc, inds, counts)
        return counts

    def rules(self, where, rules, valid_dims):
        w = f"{where}.rules"
        if not self.keys(w, rules, {"dimension", "conclusion"}):
            return
        dr = rules["dimension"]
        if self.keys(f"{w}.dimension", dr, {"anyOf", "description"}):
            self.bilingual(f"{w}.dimension.description", dr["description"])
            alts = dr["anyOf"]
            if not isinstance(alts, list) or not alts:
                self.fail(f"{w}.dimension.anyOf", "must be a non-empty list")
            else:
                for a, alt in enumerate(alts):
                    if not isinstance(alt, list) or not alt:
                        self.fail(f"{w}.dimension.anyOf[{a}]", "must be a non-empty list of terms")
                        continue
                    for t, term in enumerate(alt):
                        tw = f"{w}.dimension.anyOf[{a}][{t}]"
                        if not self.keys(tw, term, {"of", "count"}):
                            continue
                        of = term["of"]
                        if not isinstance(of, list) or not of or any(s not in STRENGTHS for s in of) or len(set(of)) != len(of):
                            self.fail(tw, f"'of' must be a non-empty list of distinct strengths {STRENGTHS}")
                        if not isinstance(term["count"], int) or isinstance(term["count"], bool) or term["count"] < 1:
                            self.fail(tw, "'count' must be a positive integer")
        cr = rules["conclusion"]
        if self.keys(f"{w}.conclusion", cr, {"allOf", "description"}):
            self.bilingual(f"{w}.conclusion.description", cr["description"])
            groups = cr["allOf"]
            if not isinstance(groups, list) or not groups:
                self.fail(f"{w}.conclusion.allOf", "must be a non-empty list of groups")
            else:
                used = []
                for g, group in enumerate(groups):
                    if not isinstance(group, list) or not group:
                        self.fail(f"{w}.conclusion.allOf[{g}]", "must be a non-empty list of dimension ids")
                        continue
                    for d in group:
                        if d not in valid_dims:
                            self.fail(f"{w}.conclusion.allOf[{g}]", f"unknown dimension {d!r}")
                        used.append(d)
                if len(used) != len(set(used)):
                    self.fail(f"{w}.conclusion.allOf", "a dimension appears in more than one group")

    def expectations(self, where, doc, inds, counts):
        exp = EXPECTED.get(doc.get("id"))
        if exp is None:
            return
        if len(inds) != exp["total"]:
            self.fail(where, f"expected {exp['total']} indicators, found {len(inds)}")
        for key in ("status", "population"):
            if doc.get(key) != exp[key]:
                self.fail(where, f"{key} should be {exp[key]!r}, found {doc.get(key)!r}")
        for dim, want in exp["counts"].items():
            got = {s: counts[dim][s] for s in STRENGTHS}
            if got != want:
                self.fail(where, f"{dim} counts {got} differ from screening.md {want}")
        rules = doc.get("rules") or {}
        if (rules.get("dimension") or {}).get("anyOf") != EXPECTED_DIMENSION_RULE:
            self.fail(where, "dimension rule differs from screening.md")
        if (rules.get("conclusion") or {}).get("allOf") != exp["conclusion"]:
            self.fail(where, f"conclusion rule should be {exp['conclusion']}")
        checked = {x["id"] for x in inds if isinstance(x, dict) and x.get("check") is True}
        if exp["checked"] == "all":
            if len(checked) != len(inds):
                self.fail(where, "every indicator of this set must have check: true")
        elif checked != exp["checked"]:
            self.fail(where, f"check: true expected exactly on {sorted(exp['checked'])}, found {sorted(checked)}")

    # ---------------------------------------------------------------- DoMV
    def domv(self, path, doc):
        where = path.name
        self.keys(where, doc, DOMV_KEYS)
        self.header(where, doc, path)
        levels = doc.get("levels")
        level_ids = []
        if not isinstance(levels, list):
            self.fail(where, "levels must be a list")
            levels = []
        for i, lv in enumerate(levels):
            w = f"{where}.levels[{i}]"
            if not self.keys(w, lv, LEVEL_KEYS):
                continue
            level_ids.append(lv["id"])
            if LEVELS.get(lv["id"]) != lv["assessed"]:
                self.fail(w, f"level {lv['id']!r} should be assessed per {LEVELS.get(lv['id'])!r}")
            self.bilingual(f"{w}.title", lv["title"])
            self.bilingual(f"{w}.description", lv["description"])
        if level_ids != list(LEVELS):
            self.fail(where, f"levels must be {list(LEVELS)} in order, got {level_ids}")

        factors = doc.get("factors")
        if not isinstance(factors, list) or not factors:
            self.fail(where, "factors must be a non-empty list")
            factors = []
        seen = set()
        counts = {lv: collections.Counter() for lv in LEVELS}
        for i, f in enumerate(factors):
            w = f"{where}.factors[{i}]"
            if not self.keys(w, f, FACTOR_KEYS):
                continue
            fid, lv, kind = f["id"], f["level"], f["kind"]
            w = f"{where}:{fid}"
            m = FACTOR_ID.match(fid) if isinstance(fid, str) else None
            if not m:
                self.fail(w, "id must be '<level>.<kebab-case slug>'")
            elif m.group(1) != lv:
                self.fail(w, f"id prefix {m.group(1)} differs from level {lv}")
            if fid in seen:
                self.fail(w, "duplicate id")
            seen.add(fid)
            if lv not in LEVELS:
                self.fail(w, f"unknown level {lv!r}")
            if kind not in KINDS:
                self.fail(w, f"kind must be one of {KINDS}, got {kind!r}")
            elif lv in counts:
                counts[lv][kind] += 1
            self.bilingual(f"{w}.text", f["text"])
            self.bilingual(f"{w}.question", f["question"], question=True)
        if doc.get("id") == "domv":
            for lv, (lo, hi) in DOMV_RANGES.items():
                n = sum(counts[lv].values())
                if not lo <= n <= hi:
                    self.fail(where, f"{lv}: {n} factors, expected {lo}-{hi}")
        for lv in LEVELS:
            for kind in KINDS:
                if counts[lv][kind] == 0:
                    self.fail(where, f"{lv}: no {kind} factor")
        return counts

    # ---------------------------------------------------------------- screening.md cross-check
    def reference(self, ref_path, docs):
        """Row-by-row comparison with the adults/labour table of screening.md."""
        text = ref_path.read_text(encoding="utf-8")
        m = re.search(r"^### Adults, labour exploitation.*?$(.*?)^### ", text, re.M | re.S)
        if not m:
            self.fail(str(ref_path), "adults/labour table not found")
            return
        letter = {"S": S, "M": M, "W": W}
        rows = []
        for line in m.group(1).splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 4 or not re.fullmatch(r"D[1-6]", cells[0]):
                continue
            dim, en, adult, child = cells
            adult_check = "[check" in adult
            adult_w = letter[adult.split()[0]]
            child_w = None if "not in child set" in child else letter[child.split()[0]]
            rows.append((dim, en, adult_w, adult_check, child_w))
        if len(rows) != 67:
            self.fail(str(ref_path), f"parsed {len(rows)} rows, expected 67")
        for set_id, child in (("ilo-adult-labour", False), ("ilo-child-labour", True)):
            doc = docs.get(set_id)
            if doc is None:
                self.fail(set_id, "file not found")
                continue
            want = [(d, en, (cw if child else aw), (True if child else ac))
                    for d, en, aw, ac, cw in rows if not (child and cw is None)]
            got = [(x.get("dimension"), x.get("text", {}).get("en"), x.get("strength"), x.get("check"))
                   for x in doc.get("indicators", []) if isinstance(x, dict)]
            if len(want) != len(got):
                self.fail(set_id, f"{len(got)} indicators, screening.md has {len(want)}")
            for n, (w, g) in enumerate(zip(want, got)):
                if w != g:
                    self.fail(f"{set_id} row {n + 1}", f"screening.md {w} != file {g}")


def print_ilo(doc_id, counts, n):
    print(f"{doc_id} — {n} indicators")
    print(f"  {'dim':<4} {'strong':>6} {'medium':>6} {'weak':>6} {'total':>6}")
    tot = collections.Counter()
    for d in DIMENSIONS:
        c = counts[d]
        tot.update(c)
        print(f"  {d:<4} {c[S]:>6} {c[M]:>6} {c[W]:>6} {sum(c.values()):>6}")
    print(f"  {'all':<4} {tot[S]:>6} {tot[M]:>6} {tot[W]:>6} {sum(tot.values()):>6}")
    print("  per dimension: " + "/".join(str(sum(counts[d].values())) for d in DIMENSIONS))


def print_domv(doc_id, counts):
    print(f"{doc_id} — {sum(sum(c.values()) for c in counts.values())} factors")
    print(f"  {'level':<11} {'risk':>5} {'protective':>10} {'total':>6}")
    for lv in LEVELS:
        c = counts[lv]
        print(f"  {lv:<11} {c['risk']:>5} {c['protective']:>10} {sum(c.values()):>6}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=pathlib.Path, default=DEFAULT_DIR)
    ap.add_argument("--reference", type=pathlib.Path, default=None,
                    help="screening.md to compare the ILO tables with row by row "
                         f"(default: {DEFAULT_REFERENCE} if it exists, or $SANAD_SCREENING_REFERENCE)")
    args = ap.parse_args()

    ck = Checker()
    files = sorted(args.dir.glob("*.json"))
    if not files:
        print(f"no instrument files in {args.dir}", file=sys.stderr)
        return 1
    docs = {}
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            ck.fail(path.name, f"cannot read JSON: {e}")
            continue
        if not isinstance(doc, dict):
            ck.fail(path.name, "top level must be an object")
            continue
        if doc.get("id") in docs:
            ck.fail(path.name, f"instrument id {doc.get('id')!r} used by two files")
        docs[doc.get("id")] = doc
        if "indicators" in doc:
            counts = ck.ilo(path, doc)
            print_ilo(doc.get("id"), counts, len(doc.get("indicators") or []))
        elif "factors" in doc:
            print_domv(doc.get("id"), ck.domv(path, doc))
        else:
            ck.fail(path.name, "neither an indicator set nor a factor catalogue")
        print()
    for required in ("ilo-adult-labour", "ilo-child-labour", "domv"):
        if required not in docs:
            ck.fail(required, "instrument file missing")

    ref = args.reference or (DEFAULT_REFERENCE if DEFAULT_REFERENCE.is_file() else None)
    if ref is not None:
        if ref.is_file():
            ck.reference(ref, docs)
            print(f"compared row by row with {ref}")
        else:
            ck.fail(str(ref), "reference file not found")
    else:
        print("screening.md not found: compared with the embedded counts only")

    if ck.problems:
        print(f"\n{len(ck.problems)} problem(s):", file=sys.stderr)
        for p in ck.problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    for set_id, exp in EXPECTED.items():
        per_dim = "/".join(str(sum(exp["counts"][d].values())) for d in DIMENSIONS)
        print(f"OK {set_id}: {exp['total']} = {per_dim}, strengths match screening.md")
    print("OK all instrument files valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
