"""The one way the portal sends e-mail.

``notify()`` renders the e-mail from templates now (so the log holds exactly what was sent), writes a
``Notification`` row and queues the send after the transaction commits. A ``key`` makes the
notification unique: calling ``notify()`` twice with the same key — a reminder task run twice, a
double click — sends one e-mail.

Templates, for ``template="taskbank/email/application_received"``:
    taskbank/email/application_received.subject.txt   one line
    taskbank/email/application_received.txt           plain text body
    taskbank/email/application_received.html          optional; else the text is wrapped in
                                                      templates/email/base.html
Write text templates inside {% autoescape off %} … {% endautoescape %} (plain text is not HTML).
The context gets ``portal_url`` (settings.PORTAL_BASE_URL) and ``recipient_name``.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notification

log = logging.getLogger(__name__)


def notify(*, to, template: str, context: dict | None = None, key: str | None = None, obj=None,
           kind: str | None = None, headers: dict | None = None) -> Notification | None:
    """Queue an e-mail to ``to`` (a user or an e-mail address). Returns the notification, or the
    existing one when ``key`` was used before (then nothing new is sent)."""
    user = to if hasattr(to, "email") and not isinstance(to, str) else None
    address = user.email if user else to
    if not address:
        return None
    if key:
        existing = Notification.objects.filter(key=key).first()
        if existing:
            return existing
    ctx = {
        "portal_url": settings.PORTAL_BASE_URL.rstrip("/"),
        "recipient_name": (user.get_full_name() if user else "") or "",
        **(context or {}),
    }
    with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}.subject.txt", ctx).split())
        # Plain text, not "safe" HTML: the HTML alternative escapes it.
        body_text = str.__add__("", render_to_string(f"{template}.txt", ctx))
        try:
            body_html = render_to_string(f"{template}.html", ctx)
        except TemplateDoesNotExist:
            body_html = render_to_string("email/base.html", {**ctx, "subject": subject, "body_text": body_text})
    fields = dict(
        kind=kind or template.replace("/email/", ".").replace("/", "."),
        recipient=user,
        to_email=address,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        headers=headers or {},
    )
    if obj is not None:
        fields["content_type"] = ContentType.objects.get_for_model(obj)
        fields["object_id"] = str(obj.pk)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(key=key, **fields)
    except IntegrityError:
        # Another process created the same key between our check and insert: that one is sent.
        return Notification.objects.get(key=key)
    transaction.on_commit(lambda: queue(notification.pk))
    return notification


def queue(notification_id: int) -> None:
    """Queue the sending. If the broker does not answer, the mail stays pending in the database (already committed
    with what caused it) and the beat job that re-queues pending mails sends it once the broker is back: the person
    who caused it is not shown an error for a mail."""
    from kombu.exceptions import OperationalError as BrokerUnavailable

    from .tasks import send_notification

    try:
        send_notification.delay(notification_id)
    except BrokerUnavailable:
        log.warning("Broker unavailable: notification %s stays pending and is queued again later", notification_id,
                    exc_info=True)


def message_id(notification) -> str:
    """The same Message-ID every time this notification is sent: if a worker dies after the SMTP server took the
    message but before the row was marked sent, the resent copy is recognisable as the same message and receiving
    servers and mail clients that deduplicate by Message-ID drop it."""
    from email.utils import parseaddr

    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "frivillig.rudersdal.dk"
    return f"<notification-{notification.pk}@{domain}>"


# A mail that cannot be sent is tried this many times in all, further apart each time (RETRY_SECONDS doubled per
# attempt, at most RETRY_MAX_SECONDS), then marked failed for good and listed for the Culture department.
MAX_ATTEMPTS = 5
RETRY_SECONDS = 60
RETRY_MAX_SECONDS = 3600


class DeliveryFailed(Exception):
    """Sending failed; the attempt and the reason are already saved. ``final``: no more attempts."""

    def __init__(self, notification_id: int, attempts: int, final: bool, error: str):
        super().__init__(error)
        self.notification_id, self.attempts, self.final = notification_id, attempts, final


def retry_delay(attempts: int) -> int:
    return min(RETRY_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS)


def deliver(notification_id: int) -> bool:
    """Send one pending notification; True if it was sent now. Safe to call twice: the row is locked and
    only a pending notification is sent. A failure is saved (attempts, error, and FAILED after MAX_ATTEMPTS) and
    committed before DeliveryFailed is raised, so that the caller's retry sees it."""
    from django.core.mail import EmailMultiAlternatives
    from django.utils import timezone

    failure = None
    with transaction.atomic():
        n = Notification.objects.select_for_update(skip_locked=True).filter(pk=notification_id).first()
        if n is None or n.status != Notification.Status.PENDING:
            return False
        n.attempts += 1
        message = EmailMultiAlternatives(n.subject, n.body_text, settings.DEFAULT_FROM_EMAIL, [n.to_email],
                                         headers={**n.headers, "Message-ID": message_id(n)})
        if n.body_html:
            message.attach_alternative(n.body_html, "text/html")
        try:
            message.send()
        except Exception as exc:  # noqa: BLE001 - saved here, retried by the task
            n.error = f"{type(exc).__name__}: {exc}"[:2000]
            if n.attempts >= MAX_ATTEMPTS:
                n.status = Notification.Status.FAILED
            n.save(update_fields=["status", "error", "attempts"])
            failure = DeliveryFailed(n.pk, n.attempts, n.status == Notification.Status.FAILED, n.error)
            log.warning("E-mail %s not sent (attempt %s): %s", n.pk, n.attempts, n.error)
        else:
            n.status = Notification.Status.SENT
            n.sent_at = timezone.now()
            n.error = ""
            n.save(update_fields=["status", "sent_at", "error", "attempts"])
            return True
    raise failure


def undelivered():
    """E-mails not (yet) delivered after at least one attempt, newest first: for the Culture department's list."""
    return Notification.objects.filter(attempts__gt=0).exclude(status=Notification.Status.SENT).order_by("-created_at")
