# A column whose length is a setting's: the split's nullable AddField would hold the number.
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_unique_email")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="code",
            field=models.CharField(
                default="x", max_length=getattr(settings, "SHOP_CODE_LENGTH", 20)
            ),
        ),
    ]
