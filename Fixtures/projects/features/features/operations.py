"""An operation class a migration imports, as django-ltree's `LtreeExtension`: migplan reads
the extension it names from this module."""

from django.contrib.postgres.operations import CreateExtension


class LtreeExtension(CreateExtension):
    def __init__(self, name=None, **kwargs):
        super().__init__("ltree", **kwargs)
