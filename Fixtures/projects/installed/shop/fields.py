from django.db import models


class MoneyField(models.Field):
    """A project's own field class: migplan learns its column type from `field-types`."""

    def db_type(self, connection):
        return "numeric(12, 2)"
