# Written by hand: CreateExtension subclasses that only name their extension in `__init__`,
# one imported from another module (django-ltree's LtreeExtension, sweep 14) and one in the
# migration module in Django's own older style (`self.name = …`).

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

from features.operations import LtreeExtension


class CubeExtension(CreateExtension):
    def __init__(self, hints=None):
        self.name = "cube"
        self.hints = hints or {}


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0028_run_operations_built_in_place"),
    ]

    operations = [
        LtreeExtension(),
        CubeExtension(),
    ]
