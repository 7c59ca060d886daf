from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("a", "0001_initial")]
    operations = []
