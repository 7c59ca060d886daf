# Column arguments from the project's settings, with the defaults `getattr` gives when the
# settings module does not set them.
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0005_order_total_note"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="ref",
            field=models.CharField(
                max_length=getattr(settings, "SHOP_REF_LENGTH", 40),
                unique=getattr(settings, "SHOP_UNIQUE_REFS", False),
                null=True,
            ),
        ),
    ]
