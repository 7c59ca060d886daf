#!/usr/bin/env python3
"""Fetch the pinned real-world migration corpus into .corpus/ (git-ignored).

Reads Fixtures/corpus-pins.tsv (package, version, wheel, sha256; a copy of ../shared/corpus-pins.tsv), downloads each wheel with
`pip download --no-deps`, checks its sha256, and unpacks only what migplan reads: every
`*/migrations/*.py` module that defines a top-level `class Migration`, each such app's
`apps.py` and its `migrations/__init__.py`. Re-running is cheap: a wheel already unpacked with
the right hash is skipped.
"""
import hashlib, os, re, subprocess, sys, tempfile, zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's own copy of ../shared/corpus-pins.tsv, so a clone is self-contained; when the
# shared file is beside the checkout the two must agree (checked here and by a test).
PINS = Path(os.environ.get("MIGPLAN_CORPUS_PINS", ROOT / "Fixtures" / "corpus-pins.tsv"))
SHARED = ROOT.parent / "shared" / "corpus-pins.tsv"
DEST = Path(os.environ.get("MIGPLAN_CORPUS", ROOT / ".corpus"))
MIGRATION_CLASS = re.compile(rb"^class Migration\b", re.M)


def main() -> int:
    if SHARED.exists() and "MIGPLAN_CORPUS_PINS" not in os.environ \
            and SHARED.read_bytes() != PINS.read_bytes():
        print(f"{PINS} differs from {SHARED}: copy the shared pins into the project",
              file=sys.stderr)
        return 2
    rows = [l.split("\t") for l in PINS.read_text().splitlines()[1:] if l.strip()]
    DEST.mkdir(parents=True, exist_ok=True)
    cache = DEST / ".wheels"
    cache.mkdir(exist_ok=True)
    total = 0
    for package, version, wheel, sha in rows:
        stamp = DEST / package / ".sha256"
        if stamp.exists() and stamp.read_text().strip() == sha:
            total += sum(1 for _ in (DEST / package).rglob("migrations/*.py"))
            continue
        path = cache / wheel
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            "--only-binary=:all:", "-d", str(cache), f"{package}=={version}"],
                           check=True)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sha:
            print(f"{wheel}: sha256 {digest} does not match the pin {sha}", file=sys.stderr)
            return 2
        out = DEST / package
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            keep = set()
            for name in names:
                parts = name.split("/")
                if len(parts) >= 2 and parts[-2] == "migrations" and name.endswith(".py"):
                    data = zf.read(name)
                    if parts[-1] == "__init__.py" or MIGRATION_CLASS.search(data):
                        keep.add(name)
                        app = "/".join(parts[:-2])
                        if app + "/apps.py" in names:
                            keep.add(app + "/apps.py")
                        if app + "/migrations/__init__.py" in names:
                            keep.add(app + "/migrations/__init__.py")
            for name in sorted(keep):
                target = out / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(name))
        stamp.write_text(sha + "\n")
        n = sum(1 for _ in out.rglob("migrations/*.py"))
        total += n
    print(f"corpus: {len(rows)} wheels, {total} migration files in {DEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
