from django.db import models


class Product(models.Model):
    price = models.IntegerField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(price__gte=0), name='price_gte_0')]
