# PEP 701 (Python 3.12): an f-string may reuse its own quote inside a replacement field.
# The sibling fstrings_pep701_py312.py311 is byte for byte the same except that every inner
# quote is swapped, so CPython 3.11 parses it with identical positions.
d = {"k": 1, "key": "v"}
x = 1
a = f"{d["k"]}"
b = f'{d['k']}'
c = f"{f"{x}"}"
e = f'{f'{x}'}'
g = f"{"a" + "b"}"
h = f"{x:{"<"}10}"
i = f"{ {"a": 1}["a"] }"
j = f"""{d["k"]} and {d["key"]!r}"""
l = f"{", ".join(["a", "b"])}"
m = f"{d["k"]}" f"{d["key"]}" "plain"
n = f"""{f"{x}"}"""
o = F"{d["k"]:>{x}}"
p = rf"{d["k"]}\d"
