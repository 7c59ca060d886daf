from django.db import models


class Article(models.Model):
    headline = models.CharField(db_column='title', help_text='What the article is about', max_length=200)
