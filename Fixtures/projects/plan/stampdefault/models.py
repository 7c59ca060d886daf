from django.db import models


class Client(models.Model):
    name = models.CharField(max_length=100)
    date_created = models.DateTimeField()
