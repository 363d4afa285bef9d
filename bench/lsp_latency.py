#!/usr/bin/env python3
"""Latency of `planc lsp` as an editor sees it: from a didChange to its diagnostics.

Usage: bench/lsp_latency.py PLANC_BIN ROOT FILE [CHANGES]

Starts `PLANC_BIN lsp` over stdio with ROOT as the workspace folder, opens FILE (relative
to ROOT), waits for its first diagnostics and for the workspace (its `parent:` resolves),
then breaks and mends the first target value of FILE CHANGES times (default 20), each
time waiting for the diagnostics that follow. Prints the figures; the server's 150 ms
debounce is included in each.
"""
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path


class Client:
    def __init__(self, argv):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next = 0

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = 0
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError("server closed")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        self.next += 1
        self.send({"jsonrpc": "2.0", "id": self.next, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == self.next and "method" not in m:
                return m.get("result")

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, ok):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                if ok(m["params"]["diagnostics"]):
                    return m["params"]["diagnostics"]


def main():
    bin_, root, rel = sys.argv[1], Path(sys.argv[2]).resolve(), sys.argv[3]
    changes = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    path = root / rel
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    t0 = time.perf_counter()
    c = Client([bin_, "lsp"])
    c.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    c.diagnostics(uri, lambda d: True)
    print(f"open → first diagnostics: {(time.perf_counter() - t0) * 1000:.0f} ms")
    parent = next((i for i, l in enumerate(lines) if l.startswith("parent:")), None)
    if parent is not None:
        pos = {"textDocument": {"uri": uri}, "position": {"line": parent, "character": 9}}
        while not c.request("textDocument/definition", pos):
            time.sleep(0.05)
        print(f"open → workspace ready: {(time.perf_counter() - t0) * 1000:.0f} ms")
    targets = next(i for i, l in enumerate(lines) if l.startswith("targets:"))
    line = next(i for i in range(targets, len(lines)) if "value: " in lines[i])
    col = max(i for i, ch in enumerate(lines[line]) if ch.isdigit())
    digit = lines[line][col]
    times = []
    for n in range(changes):
        new, clean = (str((int(digit) + 1) % 10), False) if n % 2 == 0 else (digit, True)
        rng = {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}
        t = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": n + 2},
                                            "contentChanges": [{"range": rng, "text": new}]})
        c.diagnostics(uri, lambda d: (len(d) == 0) == clean)
        times.append((time.perf_counter() - t) * 1000)
    print(f"didChange → diagnostics over {changes} changes: min {min(times):.0f} ms, "
          f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms (150 ms debounce included)")
    c.request("shutdown", None)
    c.notify("exit", None)
    c.p.wait(timeout=10)


if __name__ == "__main__":
    main()
