# The shape of django-oidc-provider's 0007: a NOT NULL column whose one-off default is a
# timestamp `makemigrations` wrote with `datetime.timezone.utc`.
import datetime

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('stampdefault', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='client',
            name='date_created',
            field=models.DateTimeField(default=datetime.datetime(2016, 1, 11, 18, 44, 32, 192477, tzinfo=datetime.timezone.utc)),
            preserve_default=False,
        ),
    ]
