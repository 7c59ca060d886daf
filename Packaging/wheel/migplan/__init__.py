"""migplan: make Django schema migrations safe to deploy on PostgreSQL.

The wheel carries one native binary (with its libpq beside it, in ``migplan.libs``). The
``migplan`` command it installs is a small C launcher that executes that binary directly;
``python -m migplan`` replaces the Python process with it too.
"""

import os

__all__ = ["find_migplan_bin"]


def find_migplan_bin() -> str:
    """The path of the ``migplan`` binary installed with this package."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "migplan")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"the migplan binary is missing from this install: {path}")
    return path
