from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("b", "0001_initial")]
    operations = []
