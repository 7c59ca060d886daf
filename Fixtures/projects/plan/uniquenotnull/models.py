from django.db import models


class AccessToken(models.Model):
    token = models.TextField()
    checksum = models.CharField(max_length=64, db_index=True, unique=True)
