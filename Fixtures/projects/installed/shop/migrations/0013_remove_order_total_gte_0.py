# Written by hand: dropping a constraint reads only the fields the constraint names, so
# `slug`, which migplan cannot render, does not stop it (sweep 45b, django-sql-explorer 0023's
# split chain: a table with an `encrypt(...)` field).
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0012_order_picture_order_wide_code"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="order", name="order_total_gte_0"),
    ]
