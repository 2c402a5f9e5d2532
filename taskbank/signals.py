"""Anything shown on the public task list changes → the cached list pages and searches are dropped.

A task filled to the last place changes its status (a Task save), so applications need no signal of their own.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from frivillig.accounts.models import Organisation
from frivillig.core import pagecache

from . import search
from .models import Task

NAMESPACE = "taskbank"


@receiver(post_save, sender=Organisation, dispatch_uid="taskbank.search.organisation")
def reindex_institution_tasks(sender, instance, created, **kwargs):
    """A task is found by its institution's name: when an institution is saved (renamed), its tasks are indexed
    again before the cached lists are dropped."""
    if not created and instance.tasks.exists():
        search.reindex(instance.tasks.values_list("pk", flat=True))


@receiver([post_save, post_delete], sender=Task, dispatch_uid="taskbank.pagecache.task")
@receiver([post_save, post_delete], sender=Organisation, dispatch_uid="taskbank.pagecache.organisation")
def list_content_changed(sender, **kwargs):
    pagecache.changed(NAMESPACE)
