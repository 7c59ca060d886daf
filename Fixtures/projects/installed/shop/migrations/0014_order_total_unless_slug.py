# Written by hand: a constraint whose condition names `slug`, which migplan cannot render.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0013_remove_order_total_gte_0"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="order",
            constraint=models.UniqueConstraint(
                fields=["total"], condition=models.Q(slug=""), name="order_total_unless_slug"
            ),
        ),
    ]
