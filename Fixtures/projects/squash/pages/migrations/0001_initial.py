from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = []
    operations = []
