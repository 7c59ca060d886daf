from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inventory", "0004_alter_item_n")]
    operations = [
        migrations.AddIndex(
            model_name="item",
            index=models.Index(fields=["name"], name="inventory_item_name_idx"),
        ),
    ]
