# Written by hand: on a table that existed before the migration, DROP TRIGGER (ACCESS
# EXCLUSIVE), an UPDATE whose subquery reads another table (ACCESS SHARE there), and a type
# change that keeps the data (varchar(9) to varchar(10)) but builds the partial index on the
# column again, reading every row.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0030_ticket_trigger"),
    ]

    operations = [
        migrations.RunSQL(
            "DROP TRIGGER features_ticket_same ON features_ticket",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            "UPDATE features_ticket SET priority = "
            "(SELECT count(*) FROM features_series) WHERE status = 'READY'",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="ticket",
            name="status",
            field=models.CharField(max_length=10),
        ),
    ]
