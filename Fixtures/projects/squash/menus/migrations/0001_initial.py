from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial"), ("pages", "__latest__")]
    operations = []
