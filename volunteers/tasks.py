from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from frivillig.core.notify import notify
from taskbank.queries import published_tasks

from . import matching
from .models import Profile


@shared_task
def send_suggestion_digests() -> int:
    """Weekly: to each volunteer who asked for it, the best-fitting tasks published since her last e-mail (at most
    five, each with why it fits). Sent once per profile and week, even if the task runs twice."""
    now = timezone.now()
    year, week, _day = timezone.localdate().isocalendar()
    sent = 0
    for profile in Profile.objects.filter(wants_digest=True).select_related("user"):
        since = profile.digest_sent_at or now - timedelta(days=7)
        suggestions = matching.suggestions(profile, limit=5, base=published_tasks().filter(published_at__gt=since))
        if suggestions:
            notify(to=profile.user, template="volunteers/email/digest", key=f"volunteers.digest:{profile.pk}:{year}-{week}",
                   obj=profile, context={"suggestions": suggestions})
            sent += 1
        Profile.objects.filter(pk=profile.pk).update(digest_sent_at=now)
    return sent
