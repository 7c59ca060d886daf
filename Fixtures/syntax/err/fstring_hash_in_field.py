x = 1
z = f'{width#h:#x}'
y = 2
w = 3
