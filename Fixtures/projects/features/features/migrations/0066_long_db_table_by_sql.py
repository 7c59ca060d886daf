# Written by hand (sweep 47a, edx-enterprise's sap_success_factors 0011 and 0025): a model
# whose explicit db_table is longer than 63 bytes, which PostgreSQL cuts to its first 63, and a
# unique constraint and an index made by RunSQL on the name as PostgreSQL stores it. Django's
# introspection finds them by the long name (PostgreSQL cuts the parameter too): 0067.
from django.db import migrations, models

TABLE = "features_a_very_long_explicit_table_name_for_the_learner_audit_x64"


class Migration(migrations.Migration):
    dependencies = [
        ("features", "0065_aware_now_called_at_import"),
    ]

    operations = [
        migrations.CreateModel(
            name="Audit",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("plugin_id", models.IntegerField()),
                ("customer_uuid", models.CharField(max_length=36)),
            ],
            options={"db_table": TABLE},
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField("audit", "plugin_id", models.IntegerField(unique=True)),
                migrations.AlterIndexTogether("audit", {("customer_uuid", "plugin_id")}),
            ],
            database_operations=[
                migrations.RunSQL(
                    sql=f"ALTER TABLE {TABLE[:63]} ADD CONSTRAINT audit_plugin_uniq UNIQUE (plugin_id)",
                    reverse_sql=f"ALTER TABLE {TABLE[:63]} DROP CONSTRAINT audit_plugin_uniq",
                ),
                migrations.RunSQL(
                    sql=f"CREATE INDEX audit_custom_idx ON {TABLE[:63]} (customer_uuid, plugin_id)",
                    reverse_sql="DROP INDEX audit_custom_idx",
                ),
            ],
        ),
    ]
