from django.db import models


class Account(models.Model):
    name = models.CharField(max_length=100)
    created = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=['-created', 'name'], name='addindex_created_idx')]
