from django.db import models


class Article(models.Model):
    headline = models.CharField(db_column='title', db_index=True, max_length=200)
