from django.db import models


class Invoice(models.Model):
    number = models.CharField(max_length=20, unique=True)
    total = models.DecimalField(decimal_places=2, max_digits=12)
    issued = models.DateField()
