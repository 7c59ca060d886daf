import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import shop.fields


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("shop", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="reviewer",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reviewed_orders",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="order",
            name="price",
            field=shop.fields.MoneyField(null=True),
        ),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["total"], name="shop_order_total_idx"),
        ),
    ]
