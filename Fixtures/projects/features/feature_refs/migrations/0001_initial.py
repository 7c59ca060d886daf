# Written by hand: a foreign key to features' Ticket from an app features does not depend on.
# Django plans it (through its squash, 0001_squashed_0002_note_table) before features 0033 (leaf
# nodes in name order: feature_refs < features).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

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
        ),
    ]
