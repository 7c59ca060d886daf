#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# Comments everywhere tokens may be separated.
# migplan: ignore[add-not-null-column]
import os  # trailing comment
# migplan: ignore[add-index-non-concurrently, rename-column]

x = [  # after an opening bracket
    1,  # after an item
    # on a line of its own inside brackets
    2
    # before the closing bracket
]  # after the closing bracket
def f(  # in a parameter list
    a,  # migplan: ignore[some-rule]
    # between parameters
    b,
):  # after the colon
    # first line of the body
    return a  # after return

    # a blank line and a comment at the end of a block
# a comment at column 0 ends nothing by itself
    # an indented comment after the block
class C:  # class comment
    # only comments before the first statement
        # an over-indented comment is not an INDENT
    x = 1
        # a comment deeper than the block
    y = 2
if x:  # if comment
    pass
# between if and else
else:  # else comment
    pass
d = {  # dict
    'a': 1,  # value
    # between items
    'b': 2,
}
call(
    a,  # argument
    # keyword follows
    k=1,
)
s = '# not a comment'
t = "also # not a comment"
u = '''# neither
# this'''
v = f'{x}  # not a comment either'
w = x \
    + 1  # after a continuation
#comment without a space
#
#!
#:
#   migplan: ignore[add-not-null-column]   
y = 2 # migplan: ignore[add-not-null-column]  # two comments in one
z = 3 #é unicode comment 🐍
# last line comment without newline follows
#end
