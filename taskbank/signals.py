"""Anything shown on the public task list changes → the cached list pages and searches are dropped.

A task filled to the last place changes its status (a Task save), so applications need no signal of their own.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from frivillig.accounts.models import Organisation
from frivillig.core import pagecache

from .models import Task

NAMESPACE = "taskbank"


@receiver([post_save, post_delete], sender=Task, dispatch_uid="taskbank.pagecache.task")
@receiver([post_save, post_delete], sender=Organisation, dispatch_uid="taskbank.pagecache.organisation")
def list_content_changed(sender, **kwargs):
    pagecache.changed(NAMESPACE)
