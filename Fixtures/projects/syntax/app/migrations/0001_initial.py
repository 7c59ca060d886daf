from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("app", "0000"
    operations = []
