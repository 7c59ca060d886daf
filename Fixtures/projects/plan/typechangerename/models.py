from django.db import models


class Revision(models.Model):
    content = models.JSONField()
