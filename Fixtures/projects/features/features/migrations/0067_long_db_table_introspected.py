# Written by hand (sweep 47a): what 0066 made by RunSQL on a table whose db_table is longer
# than 63 bytes, found by Django's introspection and changed.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("features", "0066_long_db_table_by_sql"),
    ]

    operations = [
        migrations.AlterField("audit", "plugin_id", models.IntegerField()),
        migrations.RenameIndex(
            "audit", new_name="audit_customer_plugin_idx", old_fields=("customer_uuid", "plugin_id")
        ),
    ]
