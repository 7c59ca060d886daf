from django.db import models


class Account(models.Model):
    name = models.CharField(db_index=True, max_length=255)
