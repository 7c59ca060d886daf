from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("inventory", "0001_initial")]
    operations = [
        migrations.RunSQL(
            "INSERT INTO inventory_item (name, n) SELECT 'x' || i, i FROM generate_series(1, 1000) i",
            reverse_sql="DELETE FROM inventory_item",
        ),
    ]
