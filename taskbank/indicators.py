"""Counts the strategy app's indicators read (registered in apps.py). Each counts [start, end)."""

from django.utils.translation import gettext_lazy as _

from .models import Idea, TaskApplication, TaskStatusChange


def active_tasks(start, end) -> int:
    return TaskStatusChange.objects.filter(to_status="published", created_at__date__gte=start,
                                           created_at__date__lt=end).values("subject").distinct().count()


def applications(start, end) -> int:
    return TaskApplication.objects.filter(created_at__date__gte=start, created_at__date__lt=end).count()


def accepted_volunteers(start, end) -> int:
    return TaskApplication.objects.filter(status=TaskApplication.Status.ACCEPTED, decided_at__date__gte=start,
                                          decided_at__date__lt=end).count()


def new_ideas(start, end) -> int:
    return Idea.objects.filter(created_at__date__gte=start, created_at__date__lt=end).count()


SOURCES = [
    ("taskbank.active_tasks", _("Opgaver offentliggjort"), active_tasks),
    ("taskbank.applications", _("Ansøgninger om opgaver"), applications),
    ("taskbank.accepted_volunteers", _("Frivillige optaget på opgaver"), accepted_volunteers),
    ("taskbank.new_ideas", _("Nye idéer"), new_ideas),
]
