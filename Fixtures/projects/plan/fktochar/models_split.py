from django.db import models


class Page(models.Model):
    title = models.CharField(max_length=100)


class Revision(models.Model):
    note = models.CharField(max_length=100)
    object_id = models.CharField(db_column='page', max_length=255, verbose_name='object id')
