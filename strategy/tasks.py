from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from frivillig.core.notify import notify

from . import indicators
from .models import Hearing, Meeting

HEARING_REMINDER_DAYS = 3


@shared_task
def send_meeting_reminders() -> int:
    """The day before a meeting: one reminder per participant with a place."""
    now = timezone.now()
    sent = 0
    for meeting in Meeting.objects.filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=1)):
        for signup in meeting.signups.filter(waiting=False).select_related("user"):
            if notify(to=signup.user, template="strategy/email/meeting_reminder",
                      key=f"strategy.meeting_reminder:{signup.pk}", obj=meeting, context={"meeting": meeting}):
                sent += 1
    return sent


@shared_task
def send_hearing_reminders() -> int:
    """Remind invited parties that have not answered, a few days before the deadline; once each."""
    now = timezone.now()
    sent = 0
    for hearing in Hearing.objects.filter(opens_at__lte=now, closes_at__gt=now,
                                          closes_at__lte=now + timedelta(days=HEARING_REMINDER_DAYS)):
        answered = set(hearing.responses.values_list("organisation_id", flat=True))
        for party in hearing.parties.select_related("organisation"):
            if party.organisation_id in answered or not party.organisation.email:
                continue
            notify(to=party.organisation.email, template="strategy/email/hearing_reminder",
                   key=f"strategy.hearing_reminder:{hearing.pk}:{party.organisation_id}", obj=hearing,
                   context={"hearing": hearing, "party": party.organisation})
            sent += 1
    return sent


@shared_task
def recompute_indicators() -> int:
    return indicators.recompute(months=13)
