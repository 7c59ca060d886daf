from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('removefield', '0001_initial'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='account',
            name='legacy_code',
        ),
    ]
