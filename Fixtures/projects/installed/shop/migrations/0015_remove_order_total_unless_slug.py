# Written by hand: dropping 0014's constraint, a partial unique index, reads its condition's
# `slug`: migplan cannot write it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0014_order_total_unless_slug"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="order", name="order_total_unless_slug"),
    ]
