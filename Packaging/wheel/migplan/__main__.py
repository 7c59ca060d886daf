"""Runs the bundled ``migplan`` binary in place of this Python process (arguments, exit
status, signals and the terminal all pass straight through). The ``migplan`` command's C
launcher falls back to this when it cannot find the binary itself."""

import os
import sys

from migplan import find_migplan_bin


def main() -> None:
    try:
        binary = find_migplan_bin()
    except FileNotFoundError as error:
        print(f"migplan: error: {error}; reinstall: pip install --force-reinstall migplan",
              file=sys.stderr)
        sys.exit(2)
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
