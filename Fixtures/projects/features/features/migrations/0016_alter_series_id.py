# Written by Django 5.2.19's makemigrations from models.py (Series, then its id widened to
# bigint in 0016).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0015_series'),
    ]

    operations = [
        migrations.AlterField(
            model_name='series',
            name='id',
            field=models.BigAutoField(primary_key=True, serialize=False),
        ),
    ]
