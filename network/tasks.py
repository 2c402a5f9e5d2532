from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from frivillig.accounts.models import Role, RoleAssignment
from frivillig.core.notify import notify

from .models import Agreement, Meeting

EXPIRY_WARNING_DAYS = 90


@shared_task
def send_meeting_reminders() -> int:
    now = timezone.now()
    sent = 0
    for meeting in Meeting.objects.filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=1)).select_related("body"):
        for m in meeting.body.memberships.select_related("user"):
            notify(to=m.user, template="network/email/reminder", key=f"network.reminder:{meeting.pk}:{m.user_id}",
                   obj=meeting, context={"meeting": meeting})
            sent += 1
    return sent


@shared_task
def remind_agreement_expiry() -> int:
    today = timezone.localdate()
    sent = 0
    for agreement in Agreement.objects.filter(period_end__gte=today,
                                              period_end__lte=today + timedelta(days=EXPIRY_WARNING_DAYS)):
        for assignment in RoleAssignment.objects.filter(role=Role.CULTURE_ADMIN).select_related("user"):
            notify(to=assignment.user, template="network/email/agreement_expiry", obj=agreement,
                   key=f"network.agreement_expiry:{agreement.pk}:{assignment.user_id}", context={"agreement": agreement})
            sent += 1
    return sent
