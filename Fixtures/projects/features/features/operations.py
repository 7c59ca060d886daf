"""Operation classes migrations import from the project (django-ltree's `LtreeExtension`,
misago's `StartCacheVersioning`, a project's `AddField` subclass): migplan reads them here."""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations
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


class AddFieldChecked(migrations.AddField):
    """An `AddField` subclass of the project's own module whose `database_forwards` runs its
    base's: Django writes `AddField`'s SQL, and later migrations see the field."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, from_state, to_state)


class AddFieldLogged(AddFieldChecked):
    """A class between it and the migration: its base's methods are its own."""

    reduces_to_sql = True
