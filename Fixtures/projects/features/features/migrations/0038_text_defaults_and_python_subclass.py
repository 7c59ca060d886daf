# Written by hand: `default=dict` and `default=list` on text columns (openwisp-controller):
# `CharField.to_python` makes them `str({})` and `str([])`. And a `RunPython` subclass imported
# from another module (misago): Django's "cannot be written as SQL" comment.

from django.db import migrations, models

import features.operations


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0037_parent_link_last_and_domain"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="settings",
            field=models.TextField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="crew",
            name="tags",
            field=models.CharField(blank=True, default=list, max_length=100),
        ),
        features.operations.StartVersioning("crew"),
    ]
