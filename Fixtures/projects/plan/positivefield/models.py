from django.db import models


class Account(models.Model):
    name = models.CharField(max_length=100)
    orders = models.PositiveIntegerField(default=0)
    rank = models.PositiveSmallIntegerField(blank=True, null=True)
