# Written by hand: defaults a class attribute gives (nautobot's ChoiceSet classes, under a
# metaclass of their own) and a function returning a constant dict (pretalx's callable
# JSONField defaults): Django writes the value each gives.

import features.choices
from django.db import migrations, models

from features.choices import Limits, StatusChoices


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0039_generic_field_and_hstore_default"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="status",
            field=models.CharField(default=StatusChoices.ACTIVE, max_length=20),
        ),
        migrations.AddField(
            model_name="crew",
            name="page_size",
            field=models.IntegerField(default=Limits.PAGE_SIZE),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="crew",
            name="preferences",
            field=models.JSONField(default=features.choices.default_settings),
        ),
    ]
