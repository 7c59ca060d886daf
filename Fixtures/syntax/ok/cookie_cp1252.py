# -*- coding: cp1252 -*-
# Windows-1252: € is the euro sign, “ and ” are curly quotes.
price = '€ 5'  # columns count the UTF-8 bytes: “quoted”
name = 'café'
