# Written by hand: subclasses of Django's AddField defined in the project's own
# features/operations.py, one deriving from the other; the next AlterField reads the fields they add.

from django.db import migrations, models

import features.operations
from features.reexported import AddFieldChecked


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0047_reexported_operations"),
    ]

    operations = [
        AddFieldChecked(
            model_name="playlist",
            name="code",
            field=models.CharField(default="new", max_length=10),
        ),
        features.operations.AddFieldLogged(
            "playlist",
            "rank",
            models.IntegerField(db_index=True, null=True),
        ),
        migrations.AlterField(
            model_name="playlist",
            name="code",
            field=models.CharField(default="new", max_length=20),
        ),
    ]
