# django-admin-interface 0024's shape (sweep 42c): the dropped NOT NULL columns have a value
# Django's rollback fills them with (blank=True's '' and a default), so Django's own migration
# rolls back with rows in the table, and the split chain must too.
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('dropdefault', '0001_initial'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='theme',
            name='css',
        ),
        migrations.RemoveField(
            model_name='theme',
            name='tier',
        ),
    ]
