from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('uniquetoindex', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='link',
            name='code',
            field=models.IntegerField(db_index=True),
        ),
        migrations.AlterField(
            model_name='link',
            name='path',
            field=models.CharField(db_index=True, max_length=100),
        ),
    ]
