"""What the task bank holds about a person, for export and for deletion (GDPR)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frivillig.accounts.gdpr import export_notifications_about, redact_about, redact_rows, status_history

from .models import (
    ApplicationMessage,
    ApplicationStatusChange,
    EventSignup,
    Idea,
    IdeaStatusChange,
    SavedSearch,
    Task,
    TaskApplication,
)


def export(user) -> dict:
    return {
        "applications": [
            {"task": a.task.title, "status": a.get_status_display(), "message": a.message,
             "availability": a.availability, "submitted": a.created_at.isoformat(),
             "messages": [{"from_staff": m.from_staff, "body": m.body, "at": m.created_at.isoformat()}
                          for m in a.messages.all()],
             "status_history": status_history(a.status_changes.all()),
             "emails_about_it": export_notifications_about(TaskApplication.objects.filter(pk=a.pk))}
            for a in TaskApplication.objects.filter(applicant=user).select_related("task")
            .prefetch_related("messages", "status_changes")
        ],
        "ideas": [{"title": i.title, "description": i.description, "status": i.get_status_display(),
                   "answer": i.answer, "submitted": i.created_at.isoformat(),
                   "status_history": status_history(i.status_changes.all()),
                   "emails_about_it": export_notifications_about(Idea.objects.filter(pk=i.pk))}
                  for i in Idea.objects.filter(proposer=user).prefetch_related("status_changes")],
        "event_signups": [{"event": s.event.title, "at": s.created_at.isoformat()}
                          for s in EventSignup.objects.filter(user=user).select_related("event")],
        "saved_searches": [{"name": s.name, "query": s.query} for s in SavedSearch.objects.filter(user=user)],
    }


def erase(user, dry_run: bool) -> list[str]:
    applications = TaskApplication.objects.filter(applicant=user)
    ideas = Idea.objects.filter(proposer=user)
    changes = []
    if applications.exists():
        n = applications.count()
        changes.append(ngettext("%(n)s ansøgning om en opgave anonymiseres (besked og tilgængelighed slettes).",
                                "%(n)s ansøgninger om opgaver anonymiseres (besked og tilgængelighed slettes).", n)
                       % {"n": n})
    if ideas.exists():
        n = ideas.count()
        changes.append(ngettext("%(n)s idé bevares uden dit navn.", "%(n)s idéer bevares uden dit navn.", n) % {"n": n})
    signups = EventSignup.objects.filter(user=user)
    if signups.exists():
        n = signups.count()
        changes.append(ngettext("%(n)s tilmelding til et arrangement slettes.",
                                "%(n)s tilmeldinger til arrangementer slettes.", n) % {"n": n})
    searches = SavedSearch.objects.filter(user=user)
    if searches.exists():
        n = searches.count()
        changes.append(ngettext("%(n)s gemt søgning slettes.", "%(n)s gemte søgninger slettes.", n) % {"n": n})
    if not dry_run:
        redact_about(applications, user=user)
        redact_about(ideas, user=user)
        ApplicationMessage.objects.filter(application__applicant=user, from_staff=False).update(body="–")
        redact_rows(ApplicationMessage.objects.filter(application__applicant=user), ["body"], user=user)
        redact_rows(ApplicationStatusChange.objects.filter(subject__applicant=user), ["reason"], user=user)
        applications.update(message="–", availability="–", applicant=None, anonymised_at=timezone.now())
        redact_rows(ideas, ["title", "description", "answer"], user=user)
        redact_rows(IdeaStatusChange.objects.filter(subject__proposer=user), ["reason"], user=user)
        ideas.update(proposer=None)
        signups.delete()
        searches.delete()
    return changes


def purge_past_event_signups(now) -> int:
    """Retention: sign-ups to an event are deleted RETENTION_DAYS["meeting_signup"] days after it ended."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["meeting_signup"])
    deleted, _detail = EventSignup.objects.filter(event__ends_at__lt=cutoff).delete()
    return deleted


def purge_old_applications(now) -> int:
    """Retention: declined or withdrawn applications RETENTION_DAYS["declined_task_application"] days after,
    and every application to a closed task RETENTION_DAYS["closed_task_application"] days after it closed."""
    declined_cutoff = now - timedelta(days=settings.RETENTION_DAYS["declined_task_application"])
    closed_cutoff = now - timedelta(days=settings.RETENTION_DAYS["closed_task_application"])
    expired = TaskApplication.objects.filter(
        Q(status__in=[TaskApplication.Status.DECLINED, TaskApplication.Status.WITHDRAWN],
          updated_at__lt=declined_cutoff)
        | Q(task__status__in=[Task.Status.CLOSED, Task.Status.EXPIRED, Task.Status.ARCHIVED],
            task__closed_at__lt=closed_cutoff)
    )
    _total, deleted = expired.delete()
    return deleted.get(TaskApplication._meta.label, 0)  # the applications, not their cascaded messages


def export_questions(user) -> list:
    from .models import TaskQuestion

    return [{"task": q.task.title, "question": q.body, "asked": q.created_at.isoformat()}
            for q in TaskQuestion.objects.filter(asker=user).select_related("task")]


def erase_questions(user, dry_run: bool) -> list[str]:
    """Questions to a task's contact are the asker's own words: they are deleted (the e-mail already went)."""
    from .models import TaskQuestion

    questions = TaskQuestion.objects.filter(asker=user)
    changes = []
    if questions.exists():
        changes.append(_("%(n)s spørgsmål til opgaver slettes.") % {"n": questions.count()})
    if not dry_run:
        questions.delete()
    return changes
