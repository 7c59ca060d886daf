#!/usr/bin/env python3
"""The TOML oracle for Tests/MigplanRulesTests/TOMLTests.swift: Python's own `tomllib`.

Usage: python3 Scripts/toml-oracle.py [--prefixes] FILE...   (or the paths one per line on stdin)

Prints one JSON line per file:
  {"path": ..., "ok": true, "value": <tagged>}   or   {"path": ..., "ok": false, "error": "..."}
With --prefixes, one line for every proper prefix of every file (its first 0, 1, ... len-1
bytes), each with an extra "length" member.

The tagged form follows toml-test: {"type": "string"|"integer"|"float"|"bool"|"datetime"|
"datetime-local"|"date-local"|"time-local", "value": "<text>"}, arrays as JSON lists, tables as
JSON objects. Integers are decimal text, floats repr() ("nan", "inf", "-inf"), date-times
isoformat() (so 'Z' is '+00:00' and fractions are microseconds, as tomllib keeps them).

One rule is added to tomllib: TOML 1.0 integers are 64-bit, and tomllib accepts any size, so a
document with an integer outside [-2**63, 2**63 - 1] is reported as an error here.
"""

import datetime
import json
import math
import sys
import tomllib

INT64 = range(-(2**63), 2**63)


class OutOfRange(Exception):
    pass


def tag(value):
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        if value not in INT64:
            raise OutOfRange(f"integer {value} does not fit in 64 bits")
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        text = "nan" if math.isnan(value) else repr(value)
        return {"type": "float", "value": text}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, datetime.datetime):
        kind = "datetime" if value.tzinfo is not None else "datetime-local"
        return {"type": kind, "value": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"type": "date-local", "value": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"type": "time-local", "value": value.isoformat()}
    if isinstance(value, list):
        return [tag(v) for v in value]
    if isinstance(value, dict):
        return {k: tag(v) for k, v in value.items()}
    raise TypeError(f"unexpected {type(value).__name__}")


def answer(data):
    try:
        return {"ok": True, "value": tag(tomllib.loads(data.decode("utf-8")))}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, OutOfRange) as e:
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}


def main():
    args = sys.argv[1:]
    prefixes = "--prefixes" in args
    paths = [a for a in args if a != "--prefixes"]
    paths = paths or [line.rstrip("\n") for line in sys.stdin if line.strip()]
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        if not prefixes:
            print(json.dumps({"path": path, **answer(data)}, ensure_ascii=True))
            continue
        for length in range(len(data)):
            line = {"path": path, "length": length, **answer(data[:length])}
            print(json.dumps(line, ensure_ascii=True))


if __name__ == "__main__":
    main()
