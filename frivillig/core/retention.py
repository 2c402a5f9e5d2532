"""Retention: delete or anonymise what is past its purpose. The periods are settings (settings.RETENTION_DAYS,
listed on /privatliv/); ``run()`` is called daily by ``frivillig.core.tasks.apply_retention``.

The core handles accounts never verified, the e-mail log and old data-export PDFs. Apps plug in their own
periods with ``frivillig.core.registry.register_retention(key, fn)`` (``fn(now) -> count``); each hook runs in
its own transaction, and one that fails does not stop the others (the task fails afterwards, so it is seen)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Document, Notification
from .registry import retention_hooks

log = logging.getLogger(__name__)


def _cutoff(now, name: str):
    return now - timedelta(days=settings.RETENTION_DAYS[name])


def stale_unverified_accounts(now):
    from allauth.account.models import EmailAddress

    from frivillig.accounts.models import User

    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return (User.objects.filter(date_joined__lt=_cutoff(now, "unverified_account"), anonymised_at__isnull=True,
                                is_superuser=False, is_staff=False, roles__isnull=True, socialaccount__isnull=True)
            .exclude(Exists(verified)).order_by("pk"))


def purge_unverified_accounts(now) -> dict:
    """An account whose e-mail was never verified: deleted if it holds nothing, else anonymised."""
    from frivillig.accounts.gdpr import delete_or_erase

    counts = {"deleted": 0, "anonymised": 0}
    for user in stale_unverified_accounts(now):
        counts[delete_or_erase(user)] += 1
    return counts


def purge_notification_log(now) -> int:
    cutoff = _cutoff(now, "notification_log")
    deleted, _detail = Notification.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def purge_data_exports(now) -> int:
    """The PDFs of /konto/mine-data/ are copies of a person's data: kept only long enough to download."""
    old = Document.objects.filter(kind="accounts.my_data", created_at__lt=_cutoff(now, "data_export"))
    count = 0
    for document in old:
        if document.file:
            document.file.delete(save=False)
        document.delete()
        count += 1
    return count


def run(now=None) -> dict:
    now = now or timezone.now()
    steps = {
        "unverified_accounts": purge_unverified_accounts,
        "notifications": purge_notification_log,
        "data_exports": purge_data_exports,
        **retention_hooks(),
    }
    result, failed = {}, []
    for key, step in steps.items():
        try:
            with transaction.atomic():
                result[key] = step(now)
        except Exception:  # noqa: BLE001 - one app's failure must not stop the others' retention
            log.exception("Retention step %s failed", key)
            failed.append(key)
    if failed:
        raise RuntimeError(f"Retention failed for: {', '.join(failed)} (the others ran: {result})")
    return result
