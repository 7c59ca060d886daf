from django.db import models


class Item(models.Model):
    title = models.CharField(max_length=100)
    tag = models.ForeignKey("Tag", null=True, on_delete=models.CASCADE)


class Tag(models.Model):
    name = models.CharField(max_length=20)
    slug = models.SlugField(default="")

    class Meta:
        unique_together = [("name", "slug")]
        indexes = [models.Index(fields=["name"], name="newtableoptions_tag_name")]
