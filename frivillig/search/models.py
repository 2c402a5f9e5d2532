from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _


class LexiconWord(models.Model):
    """A word that occurs in indexed text (tasks, ideas, policy), for "Mente du …?": the skeleton spelling
    (see frivillig/search/text.py) and the word as first written. Found by trigram similarity."""

    word = models.CharField(max_length=100, primary_key=True)
    written = models.CharField(max_length=100)

    class Meta:
        indexes = [GinIndex(name="search_lexicon_trgm", fields=["word"], opclasses=["gin_trgm_ops"])]

    def __str__(self):
        return self.written


class VocabularyEntry(models.Model):
    """A line of the search vocabulary the Culture department keeps (staff page /medarbejder/soegning/ordforraad/):
    words that mean the same (each finds the others), or a concept and the words it covers (the concept finds
    them, not the other way round: "udendørs" finds "havearbejde", "havearbejde" does not find every outdoor task).
    Started from frivillig/search/thesaurus_da.txt (migration 0003); read by dictionary.thesaurus()."""

    class Kind(models.TextChoices):
        SYNONYMS = "synonyms", _("Ord, der betyder det samme")
        CONCEPT = "concept", _("Begreb og de ord, det dækker")

    kind = models.CharField(_("type"), max_length=10, choices=Kind, default=Kind.SYNONYMS)
    term = models.CharField(_("ord eller begreb"), max_length=100, unique=True,
                            help_text=_("Det ord, folk skriver i søgefeltet, fx „udendørs“."))
    words = models.TextField(_("dækker også"),
                             help_text=_("Ord og korte udtryk adskilt af komma, fx „havearbejde, naturpleje, gåtur“."))
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("ord i søgningens ordforråd")

    def __str__(self):
        return self.term

    def word_list(self) -> list[str]:
        return [w.strip() for w in self.words.split(",") if w.strip()]


class VocabularyChange(models.Model):
    """The audit trail of the vocabulary: who changed which entry when, and what it said before and after."""

    class Action(models.TextChoices):
        ADDED = "added", _("Tilføjet")
        CHANGED = "changed", _("Ændret")
        DELETED = "deleted", _("Slettet")

    term = models.CharField(_("ord eller begreb"), max_length=100)
    action = models.CharField(_("handling"), max_length=10, choices=Action)
    before = models.TextField(_("før"), blank=True)
    after = models.TextField(_("efter"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("ændret af"))
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
