#!/usr/bin/env bash
# Fuzzes the tokenizer and parser, the TOML reader, and lint/sql/plan/split on a one-migration
# project, with libFuzzer (Sources/migplan-fuzz).
#
#   bash Scripts/fuzz.sh [SECONDS] [libFuzzer options…]     # default 600 s
#
# Builds a release binary with libFuzzer + AddressSanitizer into .build-fuzz, seeds .fuzz/corpus
# from Fixtures/syntax/**/*.py, Fixtures/toml/**/*.toml and .corpus/**/*.py (run
# Scripts/fetch-corpus.py for the latter; its migrations also go in without their dependencies),
# runs for SECONDS, writes crashing inputs to .fuzz/crashes/ and the whole log to .fuzz/fuzz.log.
# Exits 0 when no crash was found, 1 when one was (its file is printed), 2 on a build error.
# Reproduce a crash: .build-fuzz/release/migplan-fuzz .fuzz/crashes/crash-…
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-600}
shift || true
say() { printf 'fuzz.sh: %s\n' "$*"; }

# Sanitizers go in as one value (two -sanitize flags silently lose coverage). MIGPLAN_FUZZ drops
# the placeholder `main` so that libFuzzer's is used.
build=(swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
  -Xswiftc -use-ld=lld -Xswiftc -DMIGPLAN_FUZZ --product migplan-fuzz --scratch-path .build-fuzz)
say "building: ${build[*]}"
"${build[@]}" || exit 2
bin="$("${build[@]}" --show-bin-path 2>/dev/null)/migplan-fuzz"

mkdir -p .fuzz/corpus .fuzz/crashes
seeds=0
while IFS= read -r -d '' file; do
  name=$(sha1sum "$file" | cut -c1-40)
  if [[ ! -e .fuzz/corpus/$name ]]; then
    cp "$file" ".fuzz/corpus/$name"
    seeds=$((seeds + 1))
  fi
done < <(find -H Fixtures/syntax Fixtures/toml .corpus \( -name '*.py' -o -name '*.toml' \) -type f -print0 2>/dev/null)
# The corpus migrations again with `dependencies = []`: a one-app project whose migration
# depends on nothing gets its state, SQL, plan and split built instead of stopping at the graph.
seeds=$((seeds + $(python3 - <<'PY'
import hashlib, pathlib, re
added = 0
for path in sorted(pathlib.Path(".corpus").rglob("migrations/*.py")):
    text = path.read_bytes()
    alone = re.sub(rb"dependencies = \[.*?\n    \]", b"dependencies = []", text, count=1, flags=re.S)
    if alone == text:
        continue
    out = pathlib.Path(".fuzz/corpus") / hashlib.sha1(alone).hexdigest()
    if not out.exists():
        out.write_bytes(alone)
        added += 1
print(added)
PY
)))
say "corpus: $(find .fuzz/corpus -type f | wc -l) inputs ($seeds new seeds)"

before=$(find .fuzz/crashes -type f | wc -l)
say "running for $seconds s (log: .fuzz/fuzz.log)"
status=0
SWIFT_BACKTRACE=enable=no "$bin" .fuzz/corpus -max_total_time="$seconds" -max_len=65536 \
  -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=.fuzz/crashes/ "$@" \
  >.fuzz/fuzz.log 2>&1 || status=$?

grep -E '^#[0-9]+.*(INITED|DONE)' .fuzz/fuzz.log || true
grep -E '^stat::' .fuzz/fuzz.log || true
after=$(find .fuzz/crashes -type f | wc -l)
if ((status != 0 || after > before)); then
  tail -n 60 .fuzz/fuzz.log
  say "CRASH (libFuzzer exit $status); inputs in .fuzz/crashes/:"
  ls -t .fuzz/crashes | head -n $((after - before > 0 ? after - before : 1))
  exit 1
fi
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' .fuzz/fuzz.log)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' .fuzz/fuzz.log)
say "no crash: ${execs:-?} executions in $seconds s (${rate:-?} exec/s)"
