from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('alterindex', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='account',
            name='name',
            field=models.CharField(db_index=True, max_length=255),
        ),
    ]
