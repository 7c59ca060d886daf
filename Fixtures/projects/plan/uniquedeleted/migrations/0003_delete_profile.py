from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('uniquedeleted', '0002_profile_email_unique'),
    ]

    operations = [
        migrations.DeleteModel(
            name='Profile',
        ),
    ]
