# `to_field` naming the target's primary key, which `deconstruct()` leaves out: the field does
# not change, and Django writes no SQL for it.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0007_order_handle_order_pin_order_stamped_and_more"),
    ]

    operations = [
        migrations.AlterField(
            model_name="order",
            name="kind",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                to="contenttypes.contenttype",
                to_field="id",
            ),
        ),
    ]
