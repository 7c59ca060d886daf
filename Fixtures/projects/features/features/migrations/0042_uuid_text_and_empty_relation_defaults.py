# Written by hand: `default=uuid.uuid4` on a text column (wger's exercises 0002): Django writes
# the UUID as a string with dashes, no cast. And `default=""` on foreign keys to an integer key
# (wger's exercises 0006): `ForeignKey.get_db_prep_save` makes it NULL, so no DEFAULT, and a
# null→NOT NULL AlterField updates the NULL rows to NULL.

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0041_clone_drops_base_defaults"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="token",
            field=models.CharField(default=uuid.uuid4, max_length=36),
        ),
        migrations.AddField(
            model_name="crew",
            name="contact",
            field=models.ForeignKey(
                default="",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="features.author",
            ),
        ),
        migrations.AlterField(
            model_name="crew",
            name="contact",
            field=models.ForeignKey(
                default="",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="features.author",
            ),
        ),
    ]
