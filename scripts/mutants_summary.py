#!/usr/bin/env python3
"""Caught / missed / timeout / unviable mutants per area, from cargo-mutants' output.

    scripts/mutants_summary.py target/mutants/rules+num [more output folders…]

Reads `mutants.out/{caught,missed,timeout,unviable}.txt` (and `previously_caught.txt`
after `--iterate`) of each folder; a mutant counted in several runs keeps its latest
outcome. "caught %" counts a timeout as caught (the tests hung: the mutant was noticed).
Equivalent mutants are not here: `.cargo/mutants.toml` excludes them, each with its proof.
"""

import collections
import pathlib
import re
import sys

OUTCOMES = ["caught", "missed", "timeout", "unviable"]
AREAS = [
    ("src/review/compute.rs", "src/review/compute.rs"),
    ("src/render/num.rs", "src/render/num.rs"),
    ("src/rules/", "src/rules/"),
    ("src/review/", "src/review/ (other files)"),
    ("src/actuals/", "src/actuals/"),
]


def area_of(path: str) -> str:
    for prefix, name in AREAS:
        if path.startswith(prefix):
            return name
    return path.rsplit("/", 1)[0] + "/"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    latest: dict[str, str] = {}
    for folder in argv:
        out = pathlib.Path(folder)
        if out.name != "mutants.out":
            out = out / "mutants.out"
        if not out.is_dir():
            print(f"no cargo-mutants output in {out}", file=sys.stderr)
            return 2
        for outcome in ["previously_caught"] + OUTCOMES:
            f = out / f"{outcome}.txt"
            if not f.exists():
                continue
            for line in f.read_text().splitlines():
                if line.strip():
                    latest[line.strip()] = "caught" if outcome == "previously_caught" else outcome
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name, outcome in latest.items():
        path = re.match(r"([^:]+):", name)
        table[area_of(path.group(1) if path else name)][outcome] += 1
    width = max(len(a) for a in table) if table else 10
    print(f"{'area':<{width}}  " + "  ".join(f"{o:>8}" for o in OUTCOMES) + "  caught %")
    for area in sorted(table):
        c = table[area]
        viable = c["caught"] + c["missed"] + c["timeout"]
        pct = 100.0 * (c["caught"] + c["timeout"]) / viable if viable else 100.0
        print(f"{area:<{width}}  " + "  ".join(f"{c[o]:>8}" for o in OUTCOMES) + f"  {pct:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
