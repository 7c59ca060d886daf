from django.db import models


class Grant(models.Model):
    code = models.CharField(max_length=100)
    claims = models.TextField(blank=True)
    token = models.BinaryField(blank=True)
