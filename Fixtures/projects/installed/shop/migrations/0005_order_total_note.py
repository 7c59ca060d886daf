# Changes to fields beside two that migplan cannot render without the config (`price`, a
# MoneyField whose column type is computed) or at all (`slug`, whose class leaves `max_length`
# out of migrations): their SQL is still what Django writes.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0004_order_slug"),
    ]

    operations = [
        migrations.AlterField(
            model_name="order",
            name="total",
            field=models.BigIntegerField(db_index=True),
        ),
        migrations.AddField(
            model_name="order",
            name="note",
            field=models.TextField(null=True),
        ),
    ]
