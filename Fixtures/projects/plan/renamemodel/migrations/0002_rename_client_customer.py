from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('renamemodel', '0001_initial'),
    ]

    operations = [
        migrations.RenameModel(
            old_name='Client',
            new_name='Customer',
        ),
    ]
