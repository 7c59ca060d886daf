"""The PEP 517 build backend of this repository's root pyproject.toml, for pre-commit's
`language: python` hook (`migplan-wheel` in .pre-commit-hooks.yaml).

pre-commit runs `pip install .` on a hook repository. Here that builds `migplan-pre-commit`, a
distribution with no code whose one requirement is the `migplan` wheel of this checkout's
VERSION (`migplan==0.1.0.dev0`), so the hook's venv gets the same self-contained binary that
`pip install migplan` gives, and the hook's `rev` decides its version. Standard library only:
nothing is downloaded to build it.
"""

import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Packaging", "wheel"))
from make_wheel import pep440, record_line  # noqa: E402

NAME = "migplan_pre_commit"


def _version() -> str:
    with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as f:
        return pep440(f.read().strip())


def _metadata(version: str) -> str:
    return (
        "Metadata-Version: 2.1\n"
        "Name: migplan-pre-commit\n"
        f"Version: {version}\n"
        "Summary: Installs the migplan wheel for the migplan-wheel pre-commit hook.\n"
        f"Requires-Dist: migplan=={version}\n"
    )


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    dist_info = f"{NAME}-{version}.dist-info"
    files = {
        f"{dist_info}/METADATA": _metadata(version).encode(),
        f"{dist_info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: Packaging/pre-commit/pre_commit_backend.py\n"
            "Root-Is-Purelib: true\nTag: py3-none-any\n"
        ).encode(),
    }
    name = f"{NAME}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as archive:
        records = []
        for path, data in files.items():
            archive.writestr(path, data)
            records.append(record_line(path, data))
        records.append(f"{dist_info}/RECORD,,")
        archive.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
    return name
