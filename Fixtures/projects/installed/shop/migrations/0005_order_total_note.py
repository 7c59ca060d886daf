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
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["total", "-note"], name="order_total_note_idx"),
        ),
        migrations.AddConstraint(
            model_name="order",
            constraint=models.CheckConstraint(
                condition=models.Q(total__gte=0), name="order_total_gte_0"
            ),
        ),
    ]
