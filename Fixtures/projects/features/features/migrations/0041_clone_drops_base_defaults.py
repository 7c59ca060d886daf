# Written by hand: arguments with the values SlugField's and Field's deconstruct() leave out
# (nautobot's extras 0047: `AutoSlugField(max_length=50, unique=True)` over a varchar(50)).
# Django renders the state with clones made from deconstruct(), so the field class's own
# defaults win: varchar(255), and UNIQUE despite `unique=False`.

import features.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0040_class_attribute_and_callable_defaults"),
    ]

    operations = [
        migrations.AddField(
            model_name="crew",
            name="handle",
            field=models.CharField(blank=True, max_length=50),
        ),
        migrations.AlterField(
            model_name="crew",
            name="handle",
            field=features.fields.LongSlugField(max_length=50, unique=True),
        ),
        migrations.AddField(
            model_name="crew",
            name="code",
            field=features.fields.LongSlugField(max_length=20, unique=False, default="y"),
            preserve_default=False,
        ),
    ]
