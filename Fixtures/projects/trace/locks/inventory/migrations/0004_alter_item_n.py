from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("inventory", "0003_item_qty")]
    operations = [
        migrations.AlterField(
            model_name="item",
            name="n",
            field=models.BigIntegerField(db_index=True),
        ),
    ]
