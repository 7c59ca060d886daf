from django.db import migrations


class Migration(migrations.Migration):
    operations = [
        migrations.RunSQL(
            """
            CREATE INDEX CONCURRENTLY shop_idx ON shop_order (created_at);
