# Written by hand: the foreign key of 0049 altered through a package that re-exports its class
# (features.kinds), with only `related_name` changed: Django's deconstruct() names the class
# where it is defined, so the paths are the same and nothing changes in the database.

import django.db.models.deletion
from django.db import migrations

import features.kinds


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0049_field_class_of_the_project"),
    ]

    operations = [
        migrations.AlterField(
            model_name="playlist",
            name="owner",
            field=features.kinds.OwnerField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="playlists_owned",
                to="features.label",
            ),
        ),
    ]
