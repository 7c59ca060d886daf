# A comment with invalid UTF-8: cafÃ and ÿ.
x = 1  # şş
