# Written by Django 5.2.19's makemigrations. A CharField's bytes default is stored as its str(),
# so the column's default is the text b'new'.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0010_order_zone'),
    ]

    operations = [
        migrations.AddField(
            model_name='order',
            name='state',
            field=models.CharField(default=b'new', max_length=20),
        ),
    ]
