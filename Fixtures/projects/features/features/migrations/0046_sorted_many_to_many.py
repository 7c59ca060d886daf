# Written by hand: django-sortedm2m (photologue, wger). Its many-to-many field's through table
# has an order column made before the two keys (`sort_value`, or `sort_value_field_name`);
# `sorted=False` is a plain many-to-many field; `AlterSortedManyToManyField` adds the column to
# an existing through table, as `AddField` adds one.

import sortedm2m.fields
import sortedm2m.operations
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0045_comma_separated_integers"),
    ]

    operations = [
        migrations.CreateModel(
            name="Playlist",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=40)),
                ("labels", sortedm2m.fields.SortedManyToManyField(to="features.label")),
            ],
        ),
        migrations.AddField(
            model_name="playlist",
            name="crew",
            field=sortedm2m.fields.SortedManyToManyField(
                related_name="playlists", sort_value_field_name="position", to="features.crew"
            ),
        ),
        migrations.AddField(
            model_name="playlist",
            name="plain",
            field=sortedm2m.fields.SortedManyToManyField(
                related_name="+", sorted=False, to="features.label"
            ),
        ),
        migrations.AddField(
            model_name="playlist",
            name="favourites",
            field=models.ManyToManyField(related_name="+", to="features.label"),
        ),
        sortedm2m.operations.AlterSortedManyToManyField(
            model_name="playlist",
            name="favourites",
            field=sortedm2m.fields.SortedManyToManyField(related_name="+", to="features.label"),
        ),
    ]
