# Written by hand: SQL a RunPython function sends (lock sweep, session 33: django-hordak's
# `%%`). The schema editor's `execute(sql, params=())` always passes parameters, so psycopg
# turns `%%` into `%`; a cursor's `execute(sql)` sends the text as written; `execute(sql,
# params)` writes each `%s` as the parameter's literal. The comments show what was sent.

from django.db import migrations


def comment(apps, schema_editor):
    schema_editor.execute("COMMENT ON TABLE features_ticket IS 'sent by the editor: 100%%'")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("COMMENT ON COLUMN features_ticket.status IS 'sent as written: 100%%'")
        cursor.execute(
            "COMMENT ON COLUMN features_ticket.priority IS %s", ["a parameter: it's 5%"]
        )


class Migration(migrations.Migration):

    dependencies = [
        ("features", "0031_ticket_status_widened"),
    ]

    operations = [
        migrations.RunPython(comment, migrations.RunPython.noop),
    ]
