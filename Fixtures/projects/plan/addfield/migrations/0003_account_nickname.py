from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('addfield', '0002_account_email'),
    ]

    operations = [
        migrations.AddField(
            model_name='account',
            name='nickname',
            field=models.CharField(blank=True, max_length=50, null=True),
        ),
    ]
