#!/usr/bin/env bash
# Mutation testing of the checks and the figures with cargo-mutants (https://mutants.rs/):
# it changes one operator or return value at a time and runs the tests; a mutant the tests
# do not catch ("missed") is a check that could break unnoticed. See README, "Development".
#
#   scripts/mutants.sh --diff [REV]     only the code changed since REV (default HEAD: what is
#                                       not committed yet) — before every commit to a rule
#   scripts/mutants.sh rules            one area: rules | review | compute | actuals | num
#   scripts/mutants.sh rules num        several areas in one run (one set of scratch builds)
#   scripts/mutants.sh                  rules, review, actuals and num: hours on 2 cores
#   scripts/mutants.sh --quick rules    skip the tests that drive other programs (Chromium,
#                                       LibreOffice, Neovim, poppler) and the slowest ones;
#                                       then `scripts/mutants.sh rules -- --iterate` re-tests
#                                       only what that missed, with every test
#   scripts/mutants.sh rules -- -j 2 --shard 0/4
#                                       anything after `--` goes to cargo mutants
#
# Results: target/mutants/<areas>/mutants.out/ (caught.txt, missed.txt, timeout.txt,
# unviable.txt, outcomes.json), e.g. target/mutants/rules+num/. `--iterate` skips the
# mutants an earlier run into the same folder caught. Proven-equivalent mutants are
# excluded in .cargo/mutants.toml, each with its reason.
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

# Each mutant rebuilds planc and relinks three binaries: no debug info (profile
# `mutation`, Cargo.toml) and mold as the linker when it is installed
# (`apt-get install mold`) make that several times faster.
common=(--profile mutation)
if command -v mold >/dev/null 2>&1; then
  export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-fuse-ld=mold"
fi

areas=()
diff_rev=""
quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    --diff)
      shift
      diff_rev=HEAD
      if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then diff_rev="$1"; shift; fi ;;
    --quick) shift; quick=1 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) files_of "$1" >/dev/null; areas+=("$1"); shift ;;
  esac
done

# Only the unit tests and the integration binary (not the doctests, not main.rs's tests):
# as cargo arguments, so that each mutant's build skips the other test targets too.
common+=(--cargo-arg=--lib --cargo-arg=--test --cargo-arg=integration)
for a in "$@"; do
  if [ "$a" = -- ]; then echo "the script passes the test arguments itself: call cargo mutants by hand for others" >&2; exit 2; fi
done
# Test-binary arguments for --quick: these tests check rendering and protocols through
# other programs, and each takes seconds; a mutant they alone would catch is re-tested by
# the full run with --iterate.
if [ "$quick" = 1 ]; then
  set -- "$@" -- -- --skip serve:: --skip pdf:: --skip docx_layout:: --skip lsp:: --skip packaging:: \
    --skip hostile::a_workbook_with_a_million
fi

if [ -n "$diff_rev" ]; then
  patch="$(mktemp)"
  trap 'rm -f "$patch"' EXIT
  git diff "$diff_rev" -- src > "$patch"
  if [ ! -s "$patch" ]; then echo "no change under src/ since $diff_rev"; exit 0; fi
  mkdir -p target/mutants
  cargo mutants "${common[@]}" --in-diff "$patch" --output target/mutants/diff "$@"
  exit $?
fi

[ ${#areas[@]} -gt 0 ] || areas=(rules review actuals num)
# One cargo-mutants run for all the areas asked for: it builds its scratch copies once.
files=()
for area in "${areas[@]}"; do files+=(--file "$(files_of "$area")"); done
out="target/mutants/$(IFS=+; echo "${areas[*]}")"
mkdir -p "$out"
echo "== cargo mutants: ${areas[*]} → $out"
exec cargo mutants "${common[@]}" "${files[@]}" --output "$out" "$@"
