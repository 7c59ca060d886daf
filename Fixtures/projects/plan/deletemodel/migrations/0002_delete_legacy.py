from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deletemodel', '0001_initial'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Legacy',
        ),
    ]
