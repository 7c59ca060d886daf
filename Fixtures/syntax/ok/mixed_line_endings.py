a = 1
b = 2
c = 3d = '''x
yz
'''
e = 4