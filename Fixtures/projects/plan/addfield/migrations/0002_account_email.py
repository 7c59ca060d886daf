from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('addfield', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='account',
            name='email',
            field=models.CharField(default='unknown@example.com', max_length=254),
            preserve_default=False,
        ),
    ]
