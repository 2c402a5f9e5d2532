from celery import shared_task

from . import notify, pdf


@shared_task(bind=True, max_retries=notify.MAX_ATTEMPTS)
def send_notification(self, notification_id: int):
    """Send; on failure retry later (backoff up to a cap) until notify.MAX_ATTEMPTS attempts are used."""
    try:
        return notify.deliver(notification_id)
    except notify.DeliveryFailed as failure:
        if failure.final:
            return False
        raise self.retry(countdown=notify.retry_delay(failure.attempts)) from failure


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def render_document(self, document_id: int):
    return pdf.render(document_id)


@shared_task
def resend_pending_notifications():
    """Safety net: queue notifications left pending (e.g. the broker was down at commit time)."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import Notification

    cutoff = timezone.now() - timedelta(minutes=10)
    ids = list(Notification.objects.filter(status=Notification.Status.PENDING, created_at__lt=cutoff,
                                            attempts__lt=notify.MAX_ATTEMPTS).values_list("pk", flat=True)[:500])
    for pk in ids:
        send_notification.delay(pk)
    return len(ids)


@shared_task
def apply_retention():
    from . import retention

    return retention.run()
