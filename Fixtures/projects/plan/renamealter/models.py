from django.db import models


class Article(models.Model):
    headline = models.CharField(help_text='What the article is about', max_length=200)
