"""Retention: delete or anonymise what is past its purpose (periods in settings.RETENTION_DAYS, listed on
/privatliv/). The task bank applies its own periods to task applications in its daily task."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Notification


def purge_unverified_accounts(now=None) -> int:
    from allauth.account.models import EmailAddress

    from frivillig.accounts.gdpr import erase_user
    from frivillig.accounts.models import User

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["unverified_account"])
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    stale = User.objects.filter(date_joined__lt=cutoff, anonymised_at__isnull=True, is_superuser=False,
                                roles__isnull=True).exclude(Exists(verified))
    count = 0
    for user in stale:
        erase_user(user, dry_run=False)
        count += 1
    return count


def purge_notification_log(now=None) -> int:
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["notification_log"])
    deleted, _detail = Notification.objects.filter(created_at__lt=cutoff, status=Notification.Status.SENT).delete()
    return deleted


def run(now=None) -> dict:
    return {"unverified_accounts": purge_unverified_accounts(now), "notifications": purge_notification_log(now)}
