from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]
    operations = [
        migrations.RunSQL("ALTER TABLE ledger_entry ADD COLUMN x integer NULL"),
        migrations.RunSQL("SELECT 1 / 0", reverse_sql=migrations.RunSQL.noop),
    ]
