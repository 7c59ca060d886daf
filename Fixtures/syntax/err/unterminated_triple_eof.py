x = 1
s = """abc
def

more text
