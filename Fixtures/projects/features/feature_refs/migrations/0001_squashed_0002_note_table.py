# Written by hand: the squash of 0001 and 0002. `migrate` applies it, so the table is
# `ticket_notes`; `sqlmigrate` reads the graph without squashes (`replace_migrations=False`), so
# it renders features 0036, which depends on 0001 by name, against 0001 alone and prints
# `REFERENCES "feature_refs_ticketnote"`.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [
        ("feature_refs", "0001_initial"),
        ("feature_refs", "0002_note_table"),
    ]

    initial = True

    dependencies = [
        ("features", "0032_run_python_sql_parameters"),
    ]

    operations = [
        migrations.CreateModel(
            name="TicketNote",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                (
                    "ticket",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="features.ticket"
                    ),
                ),
            ],
            options={"db_table": "ticket_notes"},
        ),
    ]
