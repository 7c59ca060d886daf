from django.db import models


class Account(models.Model):
    name = models.CharField(max_length=100)
    email = models.CharField(max_length=254)
    nickname = models.CharField(max_length=50, null=True, blank=True)
