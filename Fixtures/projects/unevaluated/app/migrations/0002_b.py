from django.db import migrations, models
from somewhere import DEPS
class Migration(migrations.Migration):
    dependencies = [("app", "0001_initial")] + DEPS
    operations = [migrations.AddField("a", "x", models.IntegerField(null=True))]
