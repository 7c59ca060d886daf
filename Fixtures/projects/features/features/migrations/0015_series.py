# Written by Django 5.2.19's makemigrations from models.py (Series, then its id widened to
# bigint in 0016).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('features', '0014_imprint_audited_imprint_closes_imprint_cutoff_and_more'),
    ]

    operations = [
        migrations.CreateModel(
            name='Series',
            fields=[
                ('id', models.AutoField(primary_key=True, serialize=False)),
                ('name', models.CharField(max_length=100)),
            ],
        ),
        migrations.AddField(
            model_name='author',
            name='main_series',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to='features.series'),
        ),
        migrations.AddField(
            model_name='book',
            name='series',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='volumes', to='features.series'),
        ),
        migrations.AddField(
            model_name='imprint',
            name='series',
            field=models.ManyToManyField(to='features.series'),
        ),
    ]
