#!/usr/bin/env bash
# Builds planc's binary wheel with maturin (bindings = "bin") into target/wheels/, and
# with --test installs it into a fresh virtual environment and checks the bundled
# examples with the installed `planc` — what an analyst with Python and no Rust does.
#
#   scripts/build-wheel.sh          # build
#   scripts/build-wheel.sh --test   # build, install into a new venv, run planc check
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/tools/maturin
if [ ! -x "$tools/bin/maturin" ]; then
  python3 -m venv "$tools"
  "$tools/bin/pip" install --quiet --disable-pip-version-check 'maturin>=1.5,<2'
fi
rm -f target/wheels/planc-*.whl
"$tools/bin/maturin" build --release --strip --out target/wheels
wheel=$(ls target/wheels/planc-*.whl)
echo "wheel: $wheel ($(du -h "$wheel" | cut -f1))"
if [ "${1:-}" = --test ]; then
  venv=$(mktemp -d)/venv
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$wheel"
  echo "installed: $("$venv/bin/planc" --version) at $venv/bin/planc ($(du -h "$venv/bin/planc" | cut -f1))"
  "$venv/bin/planc" check --no-cache examples
  rm -rf "$(dirname "$venv")"
fi
