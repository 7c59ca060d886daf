from django.db import models


class Member(models.Model):
    email = models.CharField(max_length=254)
    team = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=('team', 'email'), name='unique_team_email')]
