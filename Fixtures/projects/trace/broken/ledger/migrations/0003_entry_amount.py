from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ledger", "0002_divide_by_zero")]
    operations = [
        migrations.AddField(
            model_name="entry", name="amount", field=models.IntegerField(null=True)
        ),
    ]
