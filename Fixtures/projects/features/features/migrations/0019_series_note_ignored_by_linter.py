# Written by hand: django-migration-linter's IgnoreMigration, the marker that tells that linter to
# skip a migration (Label Studio's migrations carry it). It changes neither Django's state nor the
# database, and Django writes no SQL for it.

import django_migration_linter as linter
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0018_format_sql_and_empty_unique_together"),
    ]

    operations = [
        linter.IgnoreMigration(),
        migrations.AddField(
            model_name="series",
            name="note",
            field=models.TextField(null=True),
        ),
    ]
