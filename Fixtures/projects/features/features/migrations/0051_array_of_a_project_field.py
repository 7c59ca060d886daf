# Written by hand: an ArrayField whose base field is a class of the project with a db_type() of
# its own (NetBox's ArrayField of IPNetworkField): the array of that type.

import django.contrib.postgres.fields
from django.db import migrations

import features.fields


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0050_field_class_reexported"),
    ]

    operations = [
        migrations.AddField(
            model_name="playlist",
            name="paths",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=features.fields.RelativePathField(), null=True, size=None
            ),
        ),
    ]
