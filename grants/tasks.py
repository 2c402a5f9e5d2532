"""Report reminders: before the deadline and after it until the report arrives, each once."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import workflow
from .models import GrantApplication, GrantStatusChange, Status

BEFORE_DAYS = 14
AFTER_EVERY_DAYS = 14


@shared_task
def send_report_reminders() -> int:
    today = timezone.localdate()
    sent = 0
    waiting = GrantApplication.objects.filter(status__in=[Status.PAID_OUT, Status.REPORT_DUE],
                                              report_due_on__isnull=False).select_related("applicant")
    for application in waiting:
        due = application.report_due_on
        if today >= due and application.status == Status.PAID_OUT:
            with transaction.atomic():
                locked = GrantApplication.objects.select_for_update().get(pk=application.pk)
                if locked.status == Status.PAID_OUT:
                    wf.move(locked, to=Status.REPORT_DUE, actor=None, reason="Fristen for afrapportering er nået",
                            transitions=workflow.TRANSITIONS, log_model=GrantStatusChange)
        if due - timedelta(days=BEFORE_DAYS) <= today < due:
            key = f"grants.report_before:{application.pk}:{due.isoformat()}"
            template = "grants/email/report_reminder_before"
        elif today >= due:
            period = (today - due).days // AFTER_EVERY_DAYS
            key = f"grants.report_after:{application.pk}:{due.isoformat()}:{period}"
            template = "grants/email/report_reminder_after"
        else:
            continue
        if application.applicant and notify(to=application.applicant, template=template, key=key, obj=application,
                                            context={"application": application}):
            sent += 1
    return sent
