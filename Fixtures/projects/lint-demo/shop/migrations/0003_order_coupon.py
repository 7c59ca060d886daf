from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_order_status")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="coupon",
            field=models.CharField(max_length=20, null=True, blank=True),
        ),
        migrations.AddField(
            model_name="order",
            name="paid",
            field=models.BooleanField(default=False, db_default=False),
        ),
    ]
