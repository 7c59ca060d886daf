"""Runs the bundled ``migplan`` binary in place of this Python process (arguments, exit
status, signals and the terminal all pass straight through)."""

import os
import sys

from migplan import find_migplan_bin


def main() -> None:
    binary = find_migplan_bin()
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
