# Written by hand: a primary key's type changes while a model of another app that is not an
# ancestor of this migration references it (feature_refs' squash 0001_squashed_0002, planned
# before it). `migrate` renders this migration against every migration before it in the plan,
# so it also alters ticket_notes.ticket_id and rebuilds its foreign key; `sqlmigrate` renders
# it against its ancestors alone and prints the primary key's change only.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0032_run_python_sql_parameters"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ticket",
            name="id",
            field=models.AutoField(primary_key=True, serialize=False),
        ),
    ]
