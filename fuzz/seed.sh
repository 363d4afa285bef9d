#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the bundled examples and test fixtures (and the saved
# regression inputs of tests/fuzz_corpus/). Run from anywhere; idempotent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$root/fuzz/corpus
mkdir -p "$corpus"/{load_check,actuals,render,lsp_change}
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  cp "$f" "$corpus/load_check/seed-$n"
  cp "$f" "$corpus/render/seed-$n"
  # lsp_change: the document, then one change (0xFF, a 4-byte range, new text).
  { cat "$f"; printf '\xff\x03\x02\x03\x06'; printf '9.9亿元'; } > "$corpus/lsp_change/seed-$n"
done < <(find "$root/examples" "$root/tests/fixtures" -name '*.plan.yaml' -size -64k -print0 | sort -z)
m=0
while IFS= read -r -d '' f; do
  m=$((m + 1))
  case "$f" in
    *.csv) pick='\x00' ;;
    *.xlsx) pick='\x01' ;;
    *) pick='\x02' ;;
  esac
  { printf "$pick"; cat "$f"; } > "$corpus/actuals/seed-$m"
done < <(find "$root/examples" "$root/tests/fixtures" \( -name '*.csv' -o -name '*.xlsx' -o -name '*.actuals.yaml' \) -size -256k -print0 | sort -z)
for t in load_check actuals render lsp_change; do
  cp -n "$root/tests/fuzz_corpus/$t/"* "$corpus/$t/" 2>/dev/null || true
done
echo "seeded: $n plans, $m actuals files"
