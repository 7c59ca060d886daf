from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('positivefield', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='account',
            name='orders',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='account',
            name='rank',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
    ]
