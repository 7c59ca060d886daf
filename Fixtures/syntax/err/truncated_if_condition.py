if True:
    x = 1
    if 