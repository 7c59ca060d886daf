#!/usr/bin/env python
# -*- coding: latin-1 -*-
s = 'été'  # Latin-1 bytes: columns count the UTF-8 bytes
t = s + 'ü'
