# Written by hand: a foreign key of a field class of the project, imported from the module that
# defines it; 0050 alters it through a package that re-exports the class.

import django.db.models.deletion
from django.db import migrations

import features.fields


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0048_operation_subclasses_of_the_project"),
    ]

    operations = [
        migrations.AddField(
            model_name="playlist",
            name="owner",
            field=features.fields.OwnerField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="owned_playlists",
                to="features.label",
            ),
        ),
    ]
