# Written by Django 5.2.19's makemigrations. Classes whose migrations leave out arguments their
# `__init__` sets (`handle`, `team_handle`: `db_index`, and `unique` with `unique_with`; `pin`:
# `max_length` from `length`) and a base class chosen by `TYPE_CHECKING` (`stamped`).
import shop.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0006_order_ref"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="handle",
            field=shop.fields.HandleField(null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="pin",
            field=shop.fields.PinField(length=12, null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="stamped",
            field=shop.fields.StampField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="team_handle",
            field=shop.fields.HandleField(null=True, unique_with=("owner",)),
        ),
    ]
