"""The only writer of the search's vocabulary: every change is logged (VocabularyChange) and takes effect at once
(the "search" generation: dictionary.thesaurus() reads the vocabulary again; the task list's cached searches go)."""

from django.db import transaction

from frivillig.core import pagecache
from frivillig.core.workflow import require

from . import workflow
from .dictionary import file_entries
from .models import VocabularyChange, VocabularyEntry


def _seeded() -> None:
    """Before the first change of a database that holds no vocabulary (emptied tables): the file's, as the search
    used it (dictionary.stored_entries)."""
    if not VocabularyEntry.objects.exists() and not VocabularyChange.objects.exists():
        VocabularyEntry.objects.bulk_create([VocabularyEntry(kind=kind, term=term, words=", ".join(words))
                                             for kind, term, words in file_entries()])


def _said(entry) -> str:
    return f"{entry.get_kind_display()}: {entry.term} → {entry.words}" if entry else ""


def _changed(*, actor, term, action, before="", after=""):
    VocabularyChange.objects.create(actor=actor, term=term, action=action, before=before, after=after)
    pagecache.changed("search")
    pagecache.changed("taskbank")  # the task list caches its searches


@transaction.atomic
def add_entry(*, actor, kind: str, term: str, words: str) -> VocabularyEntry:
    require(workflow.may_keep_vocabulary, actor)
    _seeded()
    entry = VocabularyEntry(kind=kind, term=term, words=words)
    entry.full_clean()
    entry.save()
    _changed(actor=actor, term=term, action=VocabularyChange.Action.ADDED, after=_said(entry))
    return entry


@transaction.atomic
def change_entry(*, actor, entry: VocabularyEntry, kind: str, term: str, words: str) -> VocabularyEntry:
    require(workflow.may_keep_vocabulary, actor, entry)
    entry = VocabularyEntry.objects.select_for_update().get(pk=entry.pk)
    before = _said(entry)
    entry.kind, entry.term, entry.words = kind, term, words
    entry.full_clean()
    entry.save()
    _changed(actor=actor, term=term, action=VocabularyChange.Action.CHANGED, before=before, after=_said(entry))
    return entry


@transaction.atomic
def delete_entry(*, actor, entry: VocabularyEntry) -> None:
    require(workflow.may_keep_vocabulary, actor, entry)
    _changed(actor=actor, term=entry.term, action=VocabularyChange.Action.DELETED, before=_said(entry))
    entry.delete()
