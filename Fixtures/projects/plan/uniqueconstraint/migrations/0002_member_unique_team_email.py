from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('uniqueconstraint', '0001_initial'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='member',
            constraint=models.UniqueConstraint(fields=('team', 'email'), name='unique_team_email'),
        ),
    ]
