from django.conf import settings
from django.db import migrations

import shop.fields


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("shop", "0002_order_reviewer"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="color",
            field=shop.fields.ColorField(max_length=18, null=True, samples=["#fff"], unique=True),
        ),
        migrations.AddField(
            model_name="order",
            name="code",
            field=shop.fields.CodeField("ord", db_index=True, max_length=40, null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="serial",
            field=shop.fields.HexField(null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="notes",
            field=shop.fields.PickleField(null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="label",
            field=shop.fields.LabelField(null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="tags",
            field=shop.fields.TagsField(null=True),
        ),
        migrations.AddField(
            model_name="order",
            name="approver",
            field=shop.fields.OwnerKey(
                null=True, related_name="approved_orders", to=settings.AUTH_USER_MODEL
            ),
        ),
    ]
