# The shape of django-oauth-toolkit's 0012: one AlterField makes a column NOT NULL, indexed
# and unique.
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('uniquenotnull', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='accesstoken',
            name='checksum',
            field=models.CharField(db_index=True, max_length=64, unique=True),
        ),
    ]
