s = 'ok'
t = "\N{NOPE}"
