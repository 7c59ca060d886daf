# Written by hand: a dependency on a migration a squash replaces (feature_refs 0001). Django's
# `sqlmigrate` renders this migration against the replaced chain up to 0001, where the table is
# still `feature_refs_ticketnote`, though `migrate` applied the squash.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0035_proxy_relations_altered"),
        ("feature_refs", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="NoteLink",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "note",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="feature_refs.ticketnote"
                    ),
                ),
            ],
        ),
    ]
