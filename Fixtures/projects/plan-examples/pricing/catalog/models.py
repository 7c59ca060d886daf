from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=200)
    price = models.DecimalField(decimal_places=2, default=0, max_digits=10)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(price__gte=0), name='catalog_price_not_negative')]
        indexes = [models.Index(fields=['price', '-created'], name='catalog_listing_idx')]
