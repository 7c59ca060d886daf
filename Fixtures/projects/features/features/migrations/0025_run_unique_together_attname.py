# Written by hand: unique_together changed by the attname of its foreign key (`series_id`), in a
# migration of its own, so Django finds the constraint 0024 deferred in the database.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0024_run_attnames_and_constants"),
    ]

    operations = [
        migrations.AlterUniqueTogether(
            name="run",
            unique_together={("series_id", "code", "n")},
        ),
    ]
