"""Reminders scan the database for what is due; notify()'s key makes each e-mail go once."""

from datetime import timedelta

from django.utils import timezone

from frivillig.core.notify import notify

from .models import SessionSignup

WINDOW = timedelta(hours=30)


def send_session_reminders(now=None) -> int:
    """Each volunteer signed up for a session starting within the next day gets one reminder."""
    now = now or timezone.now()
    due = (SessionSignup.objects.named().filter(session__starts_at__gt=now, session__starts_at__lte=now + WINDOW,
                                                session__cancelled_at__isnull=True)
           .select_related("session__task", "session__event", "volunteer"))
    sent = 0
    for signup in due:
        n = notify(to=signup.volunteer, template="engagement/email/session_reminder",
                   key=f"engagement.reminder:{signup.pk}", context={"session": signup.session}, obj=signup.session)
        sent += 1 if n is not None else 0
    return sent
