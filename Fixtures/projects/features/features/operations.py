"""An operation class a migration imports, as django-ltree's `LtreeExtension`: migplan reads
the extension it names from this module."""

from django.contrib.postgres.operations import CreateExtension
from django.db.migrations import RunPython


class LtreeExtension(CreateExtension):
    def __init__(self, name=None, **kwargs):
        super().__init__("ltree", **kwargs)


def _noop(apps, schema_editor):
    pass


class StartVersioning(RunPython):
    """A `RunPython` subclass of another module (misago's `StartCacheVersioning`): Python the
    migration runs, which `sqlmigrate` cannot write as SQL."""

    def __init__(self, name):
        super().__init__(_noop, _noop)


class UnaccentExtension(CreateExtension):
    def __init__(self):
        super().__init__("unaccent")
