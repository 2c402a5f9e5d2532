"""A mail that cannot be sent: every attempt and its reason are saved (outside the send transaction), it is
retried with growing delays up to a cap, then marked failed and listed for the Culture department (pen-test row 11)."""

import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend

from frivillig.core import notify
from frivillig.core.models import Notification, PersonalDataAccess
from frivillig.core.tasks import send_notification

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.dk": (550, b"Mailbox unavailable")})


@pytest.fixture
def refusing_smtp(settings):
    settings.EMAIL_BACKEND = "tests.core.test_undelivered_mail.RefusingBackend"


def _pending(citizen):
    return Notification.objects.create(kind="test", recipient=citizen, to_email=citizen.email, subject="Hej",
                                       body_text="Tekst")


def test_a_failed_attempt_is_saved_although_the_send_raises(refusing_smtp, citizen):
    n = _pending(citizen)
    with pytest.raises(notify.DeliveryFailed) as failure:
        notify.deliver(n.pk)
    n.refresh_from_db()
    assert n.attempts == 1 and "Mailbox unavailable" in n.error and n.status == Notification.Status.PENDING
    assert not failure.value.final


def test_retried_with_growing_delays_then_failed_for_good(refusing_smtp, citizen):
    n = _pending(citizen)
    delays = []
    for _attempt in range(notify.MAX_ATTEMPTS):
        try:
            notify.deliver(n.pk)
        except notify.DeliveryFailed as failure:
            delays.append(None if failure.final else notify.retry_delay(failure.attempts))
    n.refresh_from_db()
    assert n.status == Notification.Status.FAILED and n.attempts == notify.MAX_ATTEMPTS
    assert delays == [60, 120, 240, 480, None]
    assert notify.retry_delay(20) == notify.RETRY_MAX_SECONDS
    assert notify.deliver(n.pk) is False  # failed for good: not tried again
    n.refresh_from_db()
    assert n.attempts == notify.MAX_ATTEMPTS


def test_the_task_gives_up_quietly_after_the_last_attempt(refusing_smtp, citizen):
    n = _pending(citizen)
    Notification.objects.filter(pk=n.pk).update(attempts=notify.MAX_ATTEMPTS - 1)
    assert send_notification.apply(args=[n.pk]).get() is False
    n.refresh_from_db()
    assert n.status == Notification.Status.FAILED


def test_the_culture_department_sees_undelivered_mail_and_why(client, refusing_smtp, citizen, culture_admin,
                                                              institution_staff):
    n = _pending(citizen)
    with pytest.raises(notify.DeliveryFailed):
        notify.deliver(n.pk)
    sent = Notification.objects.create(kind="test", to_email="ok@example.dk", subject="Sendt", body_text="x",
                                       status=Notification.Status.SENT, attempts=1)
    client.force_login(culture_admin)
    page = client.get("/medarbejder/e-mails/").content.decode()
    assert citizen.email in page and "Mailbox unavailable" in page and "Venter" in page
    assert sent.subject not in page
    assert PersonalDataAccess.objects.filter(actor=culture_admin, subject=citizen).exists()
    assert "/medarbejder/e-mails/" in client.get("/medarbejder/").content.decode()
    client.force_login(institution_staff)
    assert client.get("/medarbejder/e-mails/").status_code == 403
