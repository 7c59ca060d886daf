# -*- coding: utf-8 -*-
from __future__ import unicode_literals

from django.db import migrations

FORWARD_SQL = """
CREATE OR REPLACE FUNCTION shop_touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER shop_order_touch
    BEFORE UPDATE ON shop_order
    FOR EACH ROW EXECUTE PROCEDURE shop_touch_updated_at();
"""

REVERSE_SQL = '''
DROP TRIGGER IF EXISTS shop_order_touch ON shop_order;
DROP FUNCTION IF EXISTS shop_touch_updated_at();
'''


class Migration(migrations.Migration):

    dependencies = [
        (u'shop', u'0004_auto_20160101_1200'),
    ]

    operations = [
        migrations.RunSQL(FORWARD_SQL, REVERSE_SQL),
        migrations.RunSQL(
            sql=[
                ("UPDATE shop_order SET total = %s WHERE total IS NULL", [0]),
                "ALTER TABLE shop_order ALTER COLUMN total SET NOT NULL",
            ],
            reverse_sql=[
                "ALTER TABLE shop_order ALTER COLUMN total DROP NOT NULL",
            ],
            state_operations=[],
        ),
        migrations.RunSQL(
            """
            CREATE INDEX CONCURRENTLY shop_order_created_idx
                ON shop_order (created_at DESC)
                WHERE status <> 'cancelled';
            """,
            r"""DROP INDEX CONCURRENTLY IF EXISTS shop_order_created_idx;""",
        ),
        migrations.RunSQL(f"""
            COMMENT ON TABLE shop_order IS 'orders \u2014 {"v2"}';
        """),
    ]
