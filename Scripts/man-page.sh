#!/usr/bin/env bash
# Writes migplan's man page (mdoc, section 1: every subcommand, its options and discussion) with
# swift-argument-parser's `generate-manual` tool, built from the argument-parser checkout SwiftPM
# already holds (no network), run on a built migplan:
#
#   bash Scripts/man-page.sh [OUTDIR]            # default dist/man; then: man -l dist/man/migplan.1
#   MIGPLAN_BIN=path bash Scripts/man-page.sh    # document that binary instead of a debug build
#
# Builds into .build-dist (debug). Scripts/build-wheel.sh puts the same page in the wheel
# (share/man/man1/migplan.1 in the venv, which `man migplan` finds from PATH).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$here/dist/man}
scratch=$here/.build-dist
build() { swift build --package-path "$here" --scratch-path "$scratch" "$@"; }

build --product generate-manual >/dev/null
bin=${MIGPLAN_BIN:-}
if [[ -z $bin ]]; then
  build --product migplan >/dev/null
  bin=$(build --show-bin-path)/migplan
fi
mkdir -p "$out"
"$(build --show-bin-path)/generate-manual" "$bin" --output-directory "$out" \
  --date "$(git -C "$here" log -1 --format=%cs 2>/dev/null || date -u +%F)"
echo "$out/migplan.1"
