#!/usr/bin/env bash
# Checks data/ with the app's own schema and rules (as build.rs does) without building the app,
# and prints coverage figures. Usage: scripts/check-data.sh [--strict] [DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
exec cargo run --quiet --manifest-path "$here/datacheck/Cargo.toml" \
    --target-dir "${DATACHECK_TARGET_DIR:-$here/../target/datacheck}" -- "$@"
