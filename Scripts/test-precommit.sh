#!/usr/bin/env bash
# Proves the pre-commit hook in .pre-commit-hooks.yaml: installs `pre-commit` from PyPI into a
# temporary venv, makes a temporary git repository with a Django-like app, and commits through
# the hook: the safe initial migration must pass, a risky one (AddIndexConcurrently in an atomic
# migration) must be refused, and the fixed one must pass again.
#
# The hook definition (entry, files, require_serial) is read from .pre-commit-hooks.yaml; only
# `language: swift` is replaced by `language: system` with a prebuilt binary, because
# pre-commit's swift language runs a full `swift build -c release` of this package on first use.
#
#   bash Scripts/test-precommit.sh                 # builds migplan (release) into .build-precommit
#   MIGPLAN_BIN=path/to/migplan bash Scripts/test-precommit.sh
#   TRY_REPO=1 bash Scripts/test-precommit.sh      # also `pre-commit try-repo` a clone of HEAD
#                                                  # (language: swift, builds the package: slow)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf 'test-precommit: %s\n' "$*"; }
die() {
  printf 'test-precommit: FAIL: %s\n' "$*" >&2
  exit 1
}

bin=${MIGPLAN_BIN:-}
if [[ -z $bin ]]; then
  say "building migplan (release) into .build-precommit"
  swift build --package-path "$here" --scratch-path "$here/.build-precommit" -c release \
    --product migplan >/dev/null
  bin=$here/.build-precommit/release/migplan
fi
[[ -x $bin ]] || die "no migplan binary at $bin"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say "installing pre-commit into a temporary venv"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
precommit=$tmp/venv/bin/pre-commit
"$precommit" --version

repo=$tmp/repo
mkdir -p "$repo/shop/migrations"
cd "$repo"
git init --quiet
git config user.email test@example.com
git config user.name test
git config commit.gpgsign false
export PRE_COMMIT_HOME=$tmp/cache

# The hook from this repository's .pre-commit-hooks.yaml, run as a local system hook.
"$tmp/venv/bin/python" - "$here/.pre-commit-hooks.yaml" "$bin" >.pre-commit-config.yaml <<'PY'
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
hook = next(h for h in hooks if h["id"] == "migplan")
assert hook["language"] == "swift", hook
assert hook["entry"].split()[0] == "migplan", hook
hook["language"] = "system"
hook["entry"] = " ".join([sys.argv[2]] + hook["entry"].split()[1:])
print(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False))
PY
cat .pre-commit-config.yaml
"$precommit" install --install-hooks >/dev/null

touch shop/__init__.py shop/migrations/__init__.py
cat >shop/models.py <<'PY'
# Not a migration: the hook must not run on it.
PY
cat >shop/migrations/0001_initial.py <<'PY'
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("created", models.DateTimeField()),
            ],
        ),
    ]
PY
git add -A
git commit --quiet -m "safe initial migration" >"$tmp/out1" 2>&1 ||
  die "the safe commit was refused: $(cat "$tmp/out1")"
grep -q "migplan" "$tmp/out1" || die "the hook did not run on the safe commit: $(cat "$tmp/out1")"
say "ok: safe migration committed"

risky() {
  cat >shop/migrations/0002_order_created_idx.py <<PY
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = $1

    dependencies = [("shop", "0001_initial")]

    operations = [
        AddIndexConcurrently(
            model_name="order",
            index=models.Index(fields=["created"], name="shop_order_created_idx"),
        ),
    ]
PY
}
risky True
git add -A
if git commit --quiet -m "risky migration" >"$tmp/out2" 2>&1; then
  die "the risky commit was accepted: $(cat "$tmp/out2")"
fi
grep -q "concurrently-in-atomic" "$tmp/out2" ||
  die "the refusal does not name the rule: $(cat "$tmp/out2")"
[[ -z $(git log --format=%s | grep "risky migration" || true) ]] || die "risky commit exists"
say "ok: risky migration refused:"
sed 's/^/    /' "$tmp/out2" | head -12

risky False
git add -A
git commit --quiet -m "fixed migration" >"$tmp/out3" 2>&1 ||
  die "the fixed commit was refused: $(cat "$tmp/out3")"
say "ok: fixed migration committed"

if [[ ${TRY_REPO:-} == 1 ]]; then
  # A clone of HEAD: try-repo would otherwise build the checkout's uncommitted changes too.
  git clone --quiet "$here" "$tmp/clean"
  say "pre-commit try-repo (HEAD $(git -C "$tmp/clean" rev-parse --short HEAD); language: swift, builds the package in release mode)"
  risky True
  if "$precommit" try-repo "$tmp/clean" migplan --files shop/migrations/0002_order_created_idx.py \
    >"$tmp/out4" 2>&1; then
    die "try-repo accepted the risky migration: $(cat "$tmp/out4")"
  fi
  grep -q "concurrently-in-atomic" "$tmp/out4" || die "try-repo failed otherwise: $(cat "$tmp/out4")"
  risky False
  "$precommit" try-repo "$tmp/clean" migplan --files shop/migrations/0002_order_created_idx.py \
    >"$tmp/out5" 2>&1 || die "try-repo refused the fixed migration: $(cat "$tmp/out5")"
  say "ok: try-repo fails on the risky migration and passes on the fixed one"
fi
say "PASS"
