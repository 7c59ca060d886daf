from django.db import migrations, models


def backfill_totals(apps, schema_editor):
    Order = apps.get_model("shop", "Order")
    for order in Order.objects.all():
        order.total = 0
        order.save(update_fields=["total"])


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="status",
            field=models.CharField(max_length=20, default="new"),
        ),
        migrations.RemoveField(model_name="order", name="note"),
        migrations.RunPython(backfill_totals),
    ]
