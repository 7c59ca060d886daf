from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('typechange', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='score',
            name='points',
            field=models.IntegerField(),
        ),
    ]
