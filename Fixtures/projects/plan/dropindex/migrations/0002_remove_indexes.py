from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dropindex', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='ticket',
            name='dropindex_active_code',
        ),
        migrations.AlterField(
            model_name='ticket',
            name='code',
            field=models.CharField(max_length=20),
        ),
        migrations.AlterField(
            model_name='ticket',
            name='created',
            field=models.DateTimeField(),
        ),
    ]
