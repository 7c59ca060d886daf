if a:
    x = 1
else:
    if b:
