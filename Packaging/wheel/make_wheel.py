"""Writes the `migplan` wheel by hand: the Python package beside this script (for `python -m
migplan`), the native binary under `migplan/bin/`, the `migplan` command as
`migplan-VERSION.data/scripts/migplan` (the C launcher, launcher.c, which pip copies into the
environment's bin/ as it is: no console script, so no Python start-up), and the dist-info
(METADATA, WHEEL, RECORD). The result is tagged `py3-none-linux_x86_64`; `auditwheel repair`
then bundles libpq and retags it manylinux (Scripts/build-wheel.sh runs both).

    python3 make_wheel.py --binary PATH --launcher PATH --version SEMVER --out DIR
                          [--man migplan.1]           # prints the wheel's path
    python3 make_wheel.py --dist-info SEMVER          # prints migplan-PEP440.dist-info

SEMVER is the VERSION file's text (`0.1.0`, `0.1.0-dev`, `0.1.0-rc.1`); the wheel carries its
PEP 440 form (`0.1.0`, `0.1.0.dev0`, `0.1.0rc1`).
"""

import argparse
import base64
import hashlib
import os
import re
import sys
import time
import zipfile

NAME = "migplan"
TAG = "py3-none-linux_x86_64"
HERE = os.path.dirname(os.path.abspath(__file__))
# Zip entries get one fixed time (or SOURCE_DATE_EPOCH), so the same inputs give the same bytes.
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's earliest

DESCRIPTION = """\
# migplan

A static linter and deploy planner for Django migrations on PostgreSQL: it reads migration
files without running Python or Django, judges every operation as expand, contract or unsafe,
and prints the SQL Django would run.

    pip install migplan
    migplan lint --changed-since origin/main --format github

This wheel holds one self-contained native binary (no Swift toolchain needed) with libpq and
its libraries bundled, as manylinux wheels bundle theirs.
"""


def pep440(semver: str) -> str:
    """The PEP 440 form of a VERSION string: `1.2.3`, `1.2.3-dev[N]`, `1.2.3-{a,b,rc}.N`."""
    m = re.fullmatch(r"(\d+\.\d+\.\d+)(?:-(dev|alpha|a|beta|b|rc)\.?(\d*))?", semver)
    if m is None:
        raise SystemExit(f"make_wheel: VERSION {semver!r} is not X.Y.Z[-dev|-a.N|-b.N|-rc.N]")
    release, pre, number = m.group(1), m.group(2), m.group(3) or "0"
    if pre is None:
        return release
    if pre == "dev":
        return f"{release}.dev{int(number)}"
    short = {"alpha": "a", "beta": "b"}.get(pre, pre)
    return f"{release}{short}{int(number)}"


def record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def add(archive: zipfile.ZipFile, records: list, path: str, data: bytes, mode: int) -> None:
    info = zipfile.ZipInfo(path, date_time=zipfile_time())
    info.external_attr = (0o100000 | mode) << 16  # a regular file with these permissions
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data, compresslevel=9)
    records.append(record_line(path, data))


def zipfile_time() -> tuple:
    t = time.gmtime(max(EPOCH, 315532800))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary")
    parser.add_argument("--launcher", help="the `migplan` command, built from launcher.c")
    parser.add_argument("--version")
    parser.add_argument("--out")
    parser.add_argument("--man", help="the man page, installed as share/man/man1/migplan.1")
    parser.add_argument("--dist-info", metavar="SEMVER", help="print the dist-info's name")
    args = parser.parse_args()
    if args.dist_info is not None:
        print(f"{NAME}-{pep440(args.dist_info)}.dist-info")  # the launcher looks for it
        return
    if not (args.binary and args.launcher and args.version and args.out):
        parser.error("--binary, --launcher, --version and --out are required")

    version = pep440(args.version)
    dist_info = f"{NAME}-{version}.dist-info"
    wheel_path = os.path.join(args.out, f"{NAME}-{version}-{TAG}.whl")
    os.makedirs(args.out, exist_ok=True)

    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {NAME}\n"
        f"Version: {version}\n"
        "Summary: Make Django schema migrations safe to deploy on PostgreSQL with zero downtime.\n"
        "Requires-Python: >=3.8\n"
        "Classifier: Framework :: Django\n"
        "Classifier: Operating System :: POSIX :: Linux\n"
        "Classifier: Topic :: Database\n"
        "Description-Content-Type: text/markdown\n"
        "\n" + DESCRIPTION
    )
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: migplan Packaging/wheel/make_wheel.py\n"
        "Root-Is-Purelib: false\n"
        f"Tag: {TAG}\n"
    )

    records: list = []
    with zipfile.ZipFile(wheel_path, "w") as archive:
        for module in ("__init__.py", "__main__.py"):
            with open(os.path.join(HERE, NAME, module), "rb") as f:
                add(archive, records, f"{NAME}/{module}", f.read(), 0o644)
        with open(args.binary, "rb") as f:
            add(archive, records, f"{NAME}/bin/{NAME}", f.read(), 0o755)
        with open(args.launcher, "rb") as f:
            launcher = f.read()
        if not launcher.startswith(b"\x7fELF"):
            raise SystemExit(f"make_wheel: {args.launcher} is not an ELF executable")
        add(archive, records, f"{NAME}-{version}.data/scripts/{NAME}", launcher, 0o755)
        if args.man:
            with open(args.man, "rb") as f:
                data_path = f"{NAME}-{version}.data/data/share/man/man1/{NAME}.1"
                add(archive, records, data_path, f.read(), 0o644)
        add(archive, records, f"{dist_info}/METADATA", metadata.encode(), 0o644)
        add(archive, records, f"{dist_info}/WHEEL", wheel.encode(), 0o644)
        records.append(f"{dist_info}/RECORD,,")
        add(archive, [], f"{dist_info}/RECORD", ("\n".join(records) + "\n").encode(), 0o644)
    print(wheel_path)


if __name__ == "__main__":
    sys.exit(main())
