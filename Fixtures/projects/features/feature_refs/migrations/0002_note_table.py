# Written by hand: the table gets a name of its own; 0001_squashed_0002_note_table replaces this
# migration and 0001.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("feature_refs", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="ticketnote", table="ticket_notes"),
    ]
