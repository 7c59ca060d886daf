from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("app", "0001_initial")]
    operations = []
