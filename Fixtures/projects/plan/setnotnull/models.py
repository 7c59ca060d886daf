from django.db import models


class Account(models.Model):
    nickname = models.CharField(default='anon', max_length=50)
