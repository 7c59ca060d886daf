import os

from django.db import models


class ComputedBaseField(getattr(models, os.environ.get("FEATURES_BASE_FIELD", "TextField"))):
    """A field class whose base only running Python tells (as django-pghistory's JSONField)."""
