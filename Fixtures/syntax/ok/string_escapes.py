# Every escape sequence in str and bytes literals.
simple = '\\ \' \" \a \b \f \n \r \t \v'
simple_dq = "\\ \' \" \a \b \f \n \r \t \v"
octal = ('\0', '\7', '\07', '\007', '\101', '\177', '\377', '\400', '\777', '\1234', '\08', '\8')
hexes = ('\x00', '\x41', '\x7f', '\x80', '\xff', '\xAb', '\x410')
unicode16 = ('\u0000', '\u00e9', '\u20AC', '\uffff', '\ud800', '\udfff', '\u00411')
unicode32 = ('\U00000041', '\U0001F600', '\U0010FFFF', '\U0001f40d')
named = ('\N{LATIN SMALL LETTER E WITH ACUTE}', '\N{EM DASH}', '\N{SNAKE}', '\N{BULLET}x',
         '\N{latin small letter a}', '\N{NO-BREAK SPACE}', '\N{LINE FEED}', '\N{DEL}',
         '\N{HANGUL SYLLABLE GA}', '\N{CJK UNIFIED IDEOGRAPH-4E00}')
unknown = ('\d', '\w', '\s', '\z', '\(', '\ ', '\é', '\\N')[0:4]
line_continuation = 'a\
b'
bytes_simple = b'\\ \' \" \a \b \f \n \r \t \v'
bytes_octal = (b'\0', b'\7', b'\101', b'\377', b'\1234', b'\08')
bytes_hex = (b'\x00', b'\x7f', b'\x80', b'\xff', b'\xFF')
bytes_unknown = (b'\d', b'\u0041', b'\U00000041', b'\N{BULLET}', b'\ ')
bytes_high = b'\x80\x81\xfe\xff'
raw_all = (r'\n\t\x41\u0041\N{BULLET}\0', rb'\n\x41\0')
control = ('\x01\x1f\x7f\x85\xa0\xad', '\u2028\u2029\ufeff\U000e0001', '\u0378\U0010fffe')
printable_nonascii = ('é', 'π', '日本語', '🐍', 'Ωmega', 'ﬁ', '\u00e9', 'e\u0301')
quote_choice = ("'", '"', "'\"", '\'"', "a'b", 'a"b')
multi_escape_in_triple = '''\
first line with a continued start\n\tand a tab
'''
