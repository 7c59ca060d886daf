from django.db import models


class Account(models.Model):
    username = models.CharField(max_length=150, unique=True)
    joined = models.DateTimeField(auto_now_add=True)
    email = models.EmailField(max_length=254)
    email_verified_at = models.DateTimeField(blank=True, null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=('email',), name='accounts_unique_email')]
