# Every string prefix in every case, with each quote style.
plain = ('a', "a", '''a''', """a""")
r_ = (r'\d', R'\d', r"\d", R"\d", r'''\d''', R"""\d""")
u_ = (u'a', U'a', u"a", U"a", u'''a''', U"""a""")
b_ = (b'a', B'a', b"a", B"a", b'''a''', B"""a""")
rb_ = (rb'\x', rB'\x', Rb'\x', RB'\x', rb"\x", RB"""\x""")
br_ = (br'\x', bR'\x', Br'\x', BR'\x', br"\x", Br'''\x''')
f_ = (f'a', F'a', f"a", F"a", f'''a''', F"""a""")
fr_ = (fr'\d{1}', fR'\d{1}', Fr'\d{1}', FR'\d{1}', fr"\d{1}", FR'''\d{1}''')
rf_ = (rf'\d{1}', rF'\d{1}', Rf'\d{1}', RF'\d{1}', rf"\d{1}", Rf"""\d{1}""")
empty = ('', "", '''''', """""", b'', r'', u'', f'', rb'', fr'')
quotes = ('"', "'", '''"''', """'""", '''a"b'c''', """a'b"c""", '\'', "\"", '''\'''''', """x\"""")
raw_quotes = (r'\'', r"\"", r'a\'b', r"\\", r'\\\'', rb'\'')
raw_backslash_newline = r'a\
b'
triple = '''line one
line two
    indented 'quoted' "double"
'''
triple_dq = """
"inner" and ""two"" then end"""
bytes_triple = b'''
multi
line'''
u_then_plain = u'a' 'b'
name_like = (rb'' + b'', f'' + '')
