# Written by hand: RunSQL list items whose parameters are None are executed unbound, so `%%`
# stays as written; with parameters, `%%` is `%` and `%s` the quoted value.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("features", "0062_implicit_parent_links"),
    ]

    operations = [
        migrations.RunSQL(
            [
                ("SELECT '100%%' AS unbound", None),
                ("SELECT '50%%' AS bound, %s AS name", ["half"]),
                "SELECT '25%%' AS plain",
            ],
            reverse_sql=[("SELECT '0%%' AS unbound", None), ("SELECT '1%%' AS bound", [])],
        ),
    ]
