import os

from django.db import migrations

FOLDER = os.path.dirname(__file__)


# As djangorestframework-simplejwt's token_blacklist 0011: the dependencies are set on the
# instance, one of them only when the folder holds some files.
class Migration(migrations.Migration):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dependencies = [("tokens", "0002_expires")]
        if len(os.listdir(FOLDER)) > 100:
            self.dependencies.insert(0, ("tokens", "0001_initial"))

    operations = []
