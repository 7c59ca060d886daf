from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('addindex', '0001_initial'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='account',
            index=models.Index(fields=['-created', 'name'], name='addindex_created_idx'),
        ),
    ]
