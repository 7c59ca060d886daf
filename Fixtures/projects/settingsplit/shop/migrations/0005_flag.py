# No setting: split as usual.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0004_note")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="flag",
            field=models.BooleanField(default=False),
        ),
    ]
