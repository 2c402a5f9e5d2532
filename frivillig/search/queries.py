"""Reads of the search's vocabulary for the staff page."""

from django.http import Http404

from frivillig.accounts.roles import is_culture_admin

from .models import VocabularyChange, VocabularyEntry

CHANGES_SHOWN = 50


def vocabulary():
    return VocabularyEntry.objects.all()


def recent_changes():
    return VocabularyChange.objects.select_related("actor")[:CHANGES_SHOWN]


def access_entry(user, pk) -> VocabularyEntry:
    entry = VocabularyEntry.objects.filter(pk=pk).first()
    if entry is None or not is_culture_admin(user):
        raise Http404
    return entry
