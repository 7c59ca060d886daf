def forwards(apps, schema_editor):
    for order 