# Written by hand: statements whose locks the lock sweep measured with pg_locks (session 33).
# A table with a partial index (0031 widens a column it covers), and a trigger created on it.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0029_custom_extension_operations"),
    ]

    operations = [
        migrations.CreateModel(
            name="Ticket",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("status", models.CharField(max_length=9)),
                ("priority", models.SmallIntegerField(default=0)),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["status", "-priority"],
                        condition=models.Q(status="READY"),
                        name="ticket_ready_idx",
                    )
                ],
            },
        ),
        migrations.RunSQL(
            "CREATE TRIGGER features_ticket_same BEFORE UPDATE ON features_ticket "
            "FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()",
            reverse_sql="DROP TRIGGER features_ticket_same ON features_ticket",
        ),
    ]
