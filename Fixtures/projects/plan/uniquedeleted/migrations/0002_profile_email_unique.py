# The shape of postorius 0002 and 0003: a field made unique, then the model deleted. Rolling
# back re-creates the table from the state, with the unique constraint inline (PostgreSQL's
# `…_key`), before the unique step is undone.
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('uniquedeleted', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='profile',
            name='email',
            field=models.EmailField(max_length=254, unique=True),
        ),
    ]
