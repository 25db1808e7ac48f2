"""Score `detente dates` on TimeML-annotated newswire (TimeBank 1.2).

    python3 benches/timeml_score.py target/release/detente ROWS.tsv [--show]

ROWS.tsv has a header and the columns `docid dct expression value sentence
source`: one row per TIMEX3 of type DATE (the document's creation time
excluded), its sentence with the tags removed, and the document's creation
date as the publication date. TimeBank is distributed by the LDC and is not
copied into this repository; the rows used in docs/reference/dates.md were
taken from a public copy of its documents (the repository and paths are in
each row's `source`).

A row counts as right when the expression Detente finds over the annotated
words resolves to the annotated value, TimeML's forms read as Detente's EDTF
(1989-Q3 as 1989-07/1989-09, 1998-W49 as its Monday to Sunday, 197 as
1970/1979, 1989-SU as 1989-22). Values that are not dates (PRESENT_REF and
the like) are left out. `--show` prints every miss.
"""
import csv
import datetime
import json
import re
import subprocess
import sys

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}


def canon(v):
    """A TimeML value as the EDTF Detente writes."""
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        return f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        a = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return f"{a}/{a + datetime.timedelta(days=6)}"
    if m := re.fullmatch(r"(\d{3})", v):
        return f"{m[1]}0/{m[1]}9"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        return f"{m[1]}-{SEASONS[m[2]]}"
    return v


def main():
    binary, tsv = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv
    rows = list(csv.DictReader(open(tsv, encoding="utf-8"), delimiter="\t"))
    found_in = {}
    stats = {}
    for r in rows:
        v = r["value"]
        if not v or not v[0].isdigit():
            continue
        kind = "weekday" if any(w in r["expression"].lower() for w in WEEKDAYS) else "other"
        key = (r["dct"], r["sentence"])
        if key not in found_in:
            out = subprocess.run(
                [binary, "dates", "--published", r["dct"], "--text", r["sentence"], "--json"],
                capture_output=True, text=True, check=False,
            )
            found_in[key] = json.loads(out.stdout or "[]")
        i = r["sentence"].find(r["expression"])
        s, t = i, i + len(r["expression"])
        hit = [f for f in found_in[key] if f["start"] < t and f["end"] > s] if i >= 0 else []
        if not hit:
            verdict = "missed"
        else:
            got = (hit[0]["edtf"] or "").rstrip("~?")
            verdict = "right" if got in (v, canon(v)) else "wrong"
        for k in (kind, "all"):
            stats.setdefault(k, {}).setdefault(verdict, 0)
            stats[k][verdict] += 1
        if show and verdict != "right":
            got = hit[0]["edtf"] if hit else "-"
            print(f"{verdict.upper()}\t{r['docid']}\t{r['dct']}\t{r['expression']!r}\t"
                  f"gold {v}\tgot {got}\t{r['sentence'][:160]}")
    for k in ("all", "weekday", "other"):
        d = stats.get(k, {})
        n = sum(d.values())
        print(f"{k}: {n} rows, right {d.get('right', 0)}, wrong {d.get('wrong', 0)}, "
              f"missed {d.get('missed', 0)}")


if __name__ == "__main__":
    main()
