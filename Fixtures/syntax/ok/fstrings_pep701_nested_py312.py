# PEP 701 (Python 3.12) f-strings that CPython 3.11 has no same-position equivalent for:
# backslashes and comments inside replacement fields, line breaks inside the fields of a
# single-quoted f-string, deep nesting of the same quote, and `=` over a quoted expression or
# over a comment.
# Checked by hand-written structural assertions (CPythonOracleTests), not by the 3.11 oracle.
items = ["a", "b"]
d = {"key": 1}
x = 1
a = f"{'\n'.join(items)}"
b = f"{"\t".join(items)!r}"
c = f"{d["key"]=}"
e = f"{f"{f"{f"{x}"}"}"}"
g = f"{x:{x:{x}}}"
h = f"{
    x  # a comment inside a replacement field
    + 1
}"
i = f'{
    ", ".join(items)
}'
j = f"{x!r:{"\N{BULLET}"}^10}"
k = f"{x = # a comment in a debug field
}"
