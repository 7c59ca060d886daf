# Written by hand (sweep 46a): a `unique=True` that the class's deconstruct() leaves out only
# under a condition on the field's own state (django-fobi's AutoSlugField), and a class whose
# get_prep_value(None) is '' (edx-when's UsageKeyField).
import shop.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0015_remove_order_total_unless_slug"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="tag",
            field=shop.fields.StateSlugField(default="t", unique=True),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="order",
            name="tag_with",
            field=shop.fields.StateSlugField(default="u", unique_with=("total",)),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="order",
            name="key",
            field=shop.fields.KeyField(max_length=64, null=True),
        ),
    ]
