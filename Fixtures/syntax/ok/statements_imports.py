# Every import form.
import os
import os.path
import os.path as osp
import a.b.c as d, e, f.g
import a as b, c as d
from os import path
from os import path as p, sep
from os import (path,
                sep as s,
                )
from os.path import *
from . import x
from .. import y
from ... import z
from .... import w
from .mod import a
from ..mod.sub import b as c
from ...mod import (d, e)
from . mod import f
from .  . mod import g
from .... mod . sub import h
from ...... import i
from __future__ import annotations
import   spaced . dotted  .  name   as   alias
from django.db import migrations, models  # a comment
