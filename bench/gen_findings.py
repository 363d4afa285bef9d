#!/usr/bin/env python3
"""Writes a plan with N findings: examples/org/company.plan.yaml with `swot.strengths`
replaced by N items that are not objects (one schema finding each).

    gen_findings.py N OUT [--one-line] [--item-bytes B]

--one-line puts every item on one line (a flow sequence), so all N findings quote the
same long line. --item-bytes pads each item's line to about B bytes with Chinese text
(a plain string where a SWOT item needs `title:` and `text:`), so 1 000 000 items of
64 bytes make the 64 MB file of bench/flood.sh.
"""
import pathlib
import sys

n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
one_line = "--one-line" in sys.argv
item_bytes = int(sys.argv[sys.argv.index("--item-bytes") + 1]) if "--item-bytes" in sys.argv else 0
src = (pathlib.Path(__file__).resolve().parent.parent / "examples/org/company.plan.yaml").read_text()
start = src.index("  strengths:\n")
end = src.index("  weaknesses:\n")


def item(i):
    s = str(i)
    if item_bytes:
        # "    - " and "\n" take 7 bytes; each 优 takes 3.
        pad = max(0, item_bytes - 7 - len(s) - 1)
        s = f"{s} " + "优" * (pad // 3) + "x" * (pad % 3)
    return s


if one_line:
    items = "  strengths: [" + ", ".join(item(i) for i in range(n)) + "]\n"
else:
    items = "  strengths:\n" + "".join(f"    - {item(i)}\n" for i in range(n))
out.write_text(src[:start] + items + src[end:])
