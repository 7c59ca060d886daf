from django.db import models


class Link(models.Model):
    path = models.CharField(db_index=True, max_length=100)
    code = models.IntegerField(db_index=True)
