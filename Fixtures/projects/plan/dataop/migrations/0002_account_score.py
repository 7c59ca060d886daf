from django.db import migrations, models


def fill_score(apps, schema_editor):
    Account = apps.get_model('dataop', 'Account')
    Account.objects.filter(name='ann').update(score=7)


class Migration(migrations.Migration):

    dependencies = [
        ('dataop', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='account',
            name='score',
            field=models.IntegerField(default=0),
        ),
        migrations.RunPython(fill_score, migrations.RunPython.noop),
    ]
