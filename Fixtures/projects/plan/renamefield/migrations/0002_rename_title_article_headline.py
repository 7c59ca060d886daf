from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('renamefield', '0001_initial'),
    ]

    operations = [
        migrations.RenameField(
            model_name='article',
            old_name='title',
            new_name='headline',
        ),
    ]
