"""Celery tasks of the task bank. Each scans the database for what is due and sends through
`notify(key=...)`, so running a task twice sends each e-mail once."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import workflow
from .models import SavedSearch, Task, TaskApplication, TaskStatusChange

UNANSWERED_DAYS = 5
EXPIRY_WARNING_DAYS = 7


@shared_task
def remind_unanswered_applications() -> int:
    cutoff = timezone.now() - timedelta(days=UNANSWERED_DAYS)
    waiting = (TaskApplication.objects.filter(status=TaskApplication.Status.SUBMITTED, created_at__lte=cutoff)
               .exclude(messages__from_staff=True).select_related("task", "task__contact"))
    sent = 0
    for application in waiting:
        n = notify(to=application.task.contact, template="taskbank/email/reminder_unanswered",
                   key=f"taskbank.unanswered:{application.pk}", obj=application,
                   context={"application": application, "task": application.task, "days": UNANSWERED_DAYS})
        sent += bool(n)
    return sent


@shared_task
def remind_expiring_tasks() -> int:
    today = timezone.localdate()
    due = Task.objects.filter(status__in=[Task.Status.PUBLISHED, Task.Status.PAUSED], expires_on__gt=today,
                              expires_on__lte=today + timedelta(days=EXPIRY_WARNING_DAYS)).select_related("contact")
    for task in due:
        notify(to=task.contact, template="taskbank/email/reminder_expiring",
               key=f"taskbank.expiring:{task.pk}:{task.expires_on.isoformat()}", obj=task, context={"task": task})
    return len(due)


@shared_task
def expire_tasks() -> int:
    today = timezone.localdate()
    count = 0
    for pk in Task.objects.filter(status__in=[Task.Status.PUBLISHED, Task.Status.PAUSED],
                                  expires_on__lt=today).values_list("pk", flat=True):
        with transaction.atomic():
            task = Task.objects.select_for_update().get(pk=pk)
            if task.expires_on < today and task.status in (Task.Status.PUBLISHED, Task.Status.PAUSED):
                task.closed_at = timezone.now()
                wf.move(task, to=Task.Status.EXPIRED, actor=None, reason="Udløbsdatoen er passeret",
                        transitions=workflow.TASK_TRANSITIONS, log_model=TaskStatusChange,
                        extra_update_fields=("closed_at",))
                count += 1
    return count


def matching_new_tasks(saved: SavedSearch, since):
    from .filters import TaskFilter
    from .queries import published_tasks

    params = QueryDict(saved.query, mutable=True)
    for key in ("side", "sorter"):
        params.pop(key, None)
    return TaskFilter(params, queryset=published_tasks().filter(published_at__gt=since)).qs.order_by("-published_at")


@shared_task
def send_saved_search_digests() -> int:
    """Daily: one e-mail per saved search with the tasks published since the last digest."""
    today = timezone.localdate().isoformat()
    sent = 0
    for saved in SavedSearch.objects.select_related("user"):
        since = saved.last_sent_at or saved.created_at
        tasks = list(matching_new_tasks(saved, since)[:20])
        if not tasks:
            continue
        unsubscribe_url = settings.PORTAL_BASE_URL.rstrip("/") + reverse("taskbank:unsubscribe",
                                                                            args=[saved.unsubscribe_token])
        # Mail programs show their own "unsubscribe" button and POST to the link (RFC 8058).
        notify(to=saved.user, template="taskbank/email/digest", key=f"taskbank.digest:{saved.pk}:{today}",
               obj=saved, context={"saved": saved, "tasks": tasks, "unsubscribe_url": unsubscribe_url},
               headers={"List-Unsubscribe": f"<{unsubscribe_url}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
        SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=timezone.now())
        sent += 1
    return sent
