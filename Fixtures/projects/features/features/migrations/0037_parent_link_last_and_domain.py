# Written by hand: a multi-table child whose parent link is written after its other fields
# (pulpcore's squashed 0001): Django gives auto-created fields the lowest creation counters, so
# the link is the first column. And a column moved to a domain over text by a field class whose
# `db_type()` is its own while `get_internal_type()` stays TextField's: `_using_sql` compares
# the internal types' column types, so there is no USING.

import django.db.models.deletion
import features.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0036_note_link"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE DOMAIN relative_path AS text CHECK (VALUE <> '')",
            "DROP DOMAIN relative_path",
        ),
        migrations.CreateModel(
            name="NightShift",
            fields=[
                ("bonus", models.IntegerField(default=0)),
                (
                    "shift_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="features.shift",
                    ),
                ),
            ],
            bases=("features.shift",),
        ),
        migrations.AddField(
            model_name="crew",
            name="home",
            field=models.TextField(default="x"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="crew",
            name="home",
            field=features.fields.RelativePathField(),
        ),
    ]
