# allauth's account 0003: the operations depend on a setting the project need not define.
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = (
        [
            migrations.AddConstraint(
                model_name="item",
                constraint=models.UniqueConstraint(fields=["email"], name="shop_item_unique_email"),
            ),
        ]
        if getattr(settings, "SHOP_UNIQUE_EMAIL", True)
        else []
    )
