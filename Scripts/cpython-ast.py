#!/usr/bin/env python3
"""The CPython oracle for migplan's parser tests.

Reads file paths, one per line, on stdin. For each writes one JSON line on stdout:

    {"path": P, "dump": ast.dump(ast.parse(bytes), include_attributes=True) or null,
     "error": {"lineno": N, "offset": N, "msg": S} or null}

`ast.parse` gets the raw bytes, so CPython itself handles the BOM, coding cookies, invalid
UTF-8 and NUL bytes. One process serves every file: the tests start it once. Warnings (invalid
escape sequences and the like) are silenced; they are not errors. An exception other than
SyntaxError (ValueError for NUL bytes on some 3.11 releases, RecursionError, MemoryError) is
reported as an error with the exception's class name in `msg` and null positions.
Exits 3 unless it runs on CPython 3.11, whose dump format is the reference.
"""
import ast
import json
import sys
import warnings


def oracle(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return {"path": path, "dump": None,
                "error": {"lineno": None, "offset": None, "msg": f"OSError: {e}"}}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data)
        return {"path": path, "dump": ast.dump(tree, include_attributes=True), "error": None}
    except SyntaxError as e:
        return {"path": path, "dump": None,
                "error": {"lineno": e.lineno, "offset": e.offset, "msg": e.msg}}
    except (ValueError, RecursionError, MemoryError, OverflowError) as e:
        return {"path": path, "dump": None,
                "error": {"lineno": None, "offset": None,
                          "msg": f"{type(e).__name__}: {e}"}}


def main():
    if sys.version_info[:2] != (3, 11):
        # 3.12 prints f-strings and positions differently; only 3.11 is the reference.
        print(f"cpython-ast.py needs CPython 3.11 as python3, found {sys.version.split()[0]}",
              file=sys.stderr)
        return 3
    out = sys.stdout
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        out.write(json.dumps(oracle(path)))
        out.write("\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
