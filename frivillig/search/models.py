from django.contrib.postgres.indexes import GinIndex
from django.db import models


class LexiconWord(models.Model):
    """A word that occurs in indexed text (tasks, ideas, policy), for "Mente du …?": the skeleton spelling
    (see frivillig/search/text.py) and the word as first written. Found by trigram similarity."""

    word = models.CharField(max_length=100, primary_key=True)
    written = models.CharField(max_length=100)

    class Meta:
        indexes = [GinIndex(name="search_lexicon_trgm", fields=["word"], opclasses=["gin_trgm_ops"])]

    def __str__(self):
        return self.written
