#!/usr/bin/env python3
"""Writes a plan with N findings: examples/org/company.plan.yaml with `swot.strengths`
replaced by N items that are not objects (one schema finding each).

    gen_findings.py N OUT [--one-line]

--one-line puts every item on one line (a flow sequence), so all N findings quote the
same long line.
"""
import pathlib
import re
import sys

n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
one_line = "--one-line" in sys.argv
src = (pathlib.Path(__file__).resolve().parent.parent / "examples/org/company.plan.yaml").read_text()
start = src.index("  strengths:\n")
end = src.index("  weaknesses:\n")
if one_line:
    items = "  strengths: [" + ", ".join(str(i) for i in range(n)) + "]\n"
else:
    items = "  strengths:\n" + "".join(f"    - {i}\n" for i in range(n))
out.write_text(src[:start] + items + src[end:])
