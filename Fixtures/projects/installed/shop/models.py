from django.conf import settings
from django.db import models

from shop.fields import MoneyField


class Order(models.Model):
    total = models.IntegerField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    groups = models.ManyToManyField("auth.Group")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reviewed_orders"
    )
    price = MoneyField(null=True)

    class Meta:
        indexes = [models.Index(fields=["total"], name="shop_order_total_idx")]
