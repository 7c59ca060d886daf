# The shape of django-oauth-toolkit's 0004: NOT NULL fields with blank=True and no default,
# which Django fills with '' (b'' for binary) on existing rows (`effective_default`).
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('blankstring', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='grant',
            name='claims',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='grant',
            name='token',
            field=models.BinaryField(blank=True),
        ),
    ]
