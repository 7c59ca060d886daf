from django.db import models


class Score(models.Model):
    points = models.IntegerField(db_column='points_new')
