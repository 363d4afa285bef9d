#!/usr/bin/env bash
# Mutation testing of the checks and the figures with cargo-mutants (https://mutants.rs/):
# it changes one operator or return value at a time and runs the tests; a mutant the tests
# do not catch ("missed") is a check that could break unnoticed. See README, "Development".
#
#   scripts/mutants.sh                  every area below, one after the other
#   scripts/mutants.sh rules            one area: rules | review | compute | actuals | num
#   scripts/mutants.sh --diff [REV]     only the code changed since REV (default HEAD: what is
#                                       not committed yet) — before every commit to a rule
#   scripts/mutants.sh rules -- --shard 0/4 --iterate
#                                       anything after `--` goes to cargo mutants
#
# Results: target/mutants/<area>/mutants.out (caught.txt, missed.txt, timeout.txt,
# unviable.txt). `--iterate` skips mutants caught by an earlier run into the same folder.
# Proven-equivalent mutants are excluded in .cargo/mutants.toml, each with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo mutants --version >/dev/null 2>&1; then
  echo "installing cargo-mutants (once, a few minutes)…" >&2
  cargo install cargo-mutants --locked
fi

files_of() {
  case "$1" in
    rules) echo "src/rules/**" ;;
    review) echo "src/review/**" ;;
    compute) echo "src/review/compute.rs" ;;
    actuals) echo "src/actuals/**" ;;
    num) echo "src/render/num.rs" ;;
    *) echo "unknown area '$1' (rules, review, compute, actuals, num)" >&2; exit 2 ;;
  esac
}

areas=()
diff_rev=""
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    --diff) shift; diff_rev="${1:-HEAD}"; [ $# -gt 0 ] && shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) files_of "$1" >/dev/null; areas+=("$1"); shift ;;
  esac
done

if [ -n "$diff_rev" ]; then
  patch="$(mktemp)"
  trap 'rm -f "$patch"' EXIT
  git diff "$diff_rev" -- src > "$patch"
  if [ ! -s "$patch" ]; then echo "no change under src/ since $diff_rev"; exit 0; fi
  exec cargo mutants --in-diff "$patch" --output target/mutants/diff "$@"
fi

[ ${#areas[@]} -gt 0 ] || areas=(rules review actuals num)
status=0
for area in "${areas[@]}"; do
  echo "== cargo mutants: $area ($(files_of "$area"))"
  cargo mutants --file "$(files_of "$area")" --output "target/mutants/$area" "$@" || status=$?
done
exit $status
