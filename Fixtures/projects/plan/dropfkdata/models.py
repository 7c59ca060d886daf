from django.db import models


class Hit(models.Model):
    day = models.DateField()
