from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('setnotnull', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='account',
            name='nickname',
            field=models.CharField(default='anon', max_length=50),
        ),
    ]
