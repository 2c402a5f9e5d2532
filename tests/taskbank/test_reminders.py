from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from frivillig.core import retention
from taskbank import services, tasks
from taskbank.models import Task, TaskApplication

from .factories import ApplicationFactory, TaskFactory

pytestmark = pytest.mark.django_db


def run_twice(task_fn, callbacks_fixture):
    with callbacks_fixture(execute=True):
        task_fn.apply()
    with callbacks_fixture(execute=True):
        task_fn.apply()


def test_unanswered_application_reminder_sent_once(task, citizen, django_capture_on_commit_callbacks):
    with freeze_time(timezone.now() - timedelta(days=6)):
        ApplicationFactory(task=task, applicant=citizen)
    run_twice(tasks.remind_unanswered_applications, django_capture_on_commit_callbacks)
    reminders = [m for m in mail.outbox if m.subject.startswith("Påmindelse: ubesvaret")]
    assert len(reminders) == 1 and reminders[0].to == [task.contact.email]


def test_no_reminder_for_fresh_or_answered_applications(task, citizen, other_citizen, institution_staff,
                                                        django_capture_on_commit_callbacks):
    ApplicationFactory(task=task, applicant=citizen)
    with freeze_time(timezone.now() - timedelta(days=6)):
        old = ApplicationFactory(task=task, applicant=other_citizen)
    services.ask_question(actor=institution_staff, application=old, body="Hej?")
    mail.outbox.clear()
    run_twice(tasks.remind_unanswered_applications, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_expiring_task_reminder_sent_once(institution, institution_staff, django_capture_on_commit_callbacks):
    TaskFactory(institution=institution, contact=institution_staff,
                expires_on=timezone.localdate() + timedelta(days=6))
    run_twice(tasks.remind_expiring_tasks, django_capture_on_commit_callbacks)
    assert len([m for m in mail.outbox if "udløber snart" in m.subject]) == 1


def test_tasks_past_expiry_leave_the_list(client, institution, institution_staff):
    task = TaskFactory(institution=institution, contact=institution_staff,
                       expires_on=timezone.localdate() + timedelta(days=1))
    with freeze_time(timezone.now() + timedelta(days=3)):
        assert tasks.expire_tasks.apply().result == 1
        assert tasks.expire_tasks.apply().result == 0
    task.refresh_from_db()
    assert task.status == Task.Status.EXPIRED
    assert task.status_changes.last().actor is None


def test_saved_search_digest_once_a_day_with_only_new_matches(citizen, institution, institution_staff,
                                                              django_capture_on_commit_callbacks):
    TaskFactory(institution=institution, contact=institution_staff, title="Gammel læseopgave",
                summary="læsning", published_at=timezone.now() - timedelta(days=2))
    saved = services.save_search(actor=citizen, name="Læsning i Holte", query="q=l%C3%A6sning&by=holte")
    TaskFactory(institution=institution, contact=institution_staff, title="Ny højtlæsning",
                summary="læsning for børn", town="holte")
    TaskFactory(institution=institution, contact=institution_staff, title="Ny læsning i Nærum",
                summary="læsning", town="naerum")
    run_twice(tasks.send_saved_search_digests, django_capture_on_commit_callbacks)
    digests = [m for m in mail.outbox if "Læsning i Holte" in m.subject]
    assert len(digests) == 1
    assert "Ny højtlæsning" in digests[0].body and "Nærum" not in digests[0].body
    assert "Gammel læseopgave" not in digests[0].body
    assert saved.unsubscribe_token in digests[0].body
    # Mail programs offer their own one-click unsubscribe button from these headers (RFC 8058).
    headers = digests[0].message()
    base = settings.PORTAL_BASE_URL.rstrip("/")
    assert headers["List-Unsubscribe"] == f"<{base}/opgaver/afmeld/{saved.unsubscribe_token}/>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_opening_the_unsubscribe_link_only_asks(client, citizen):
    """A mail scanner that follows every link must not unsubscribe anyone: the link shows a button."""
    saved = services.save_search(actor=citizen, name="Læsning i Holte", query="")
    page = client.get(f"/opgaver/afmeld/{saved.unsubscribe_token}/").content.decode()
    assert "Læsning i Holte" in page and ">Ja, afmeld</button>" in page
    assert citizen.saved_searches.exists()
    response = client.post(f"/opgaver/afmeld/{saved.unsubscribe_token}/")
    assert response.status_code == 200 and "Du er afmeldt" in response.content.decode()
    assert not citizen.saved_searches.exists()
    assert "Allerede afmeldt" in client.get(f"/opgaver/afmeld/{saved.unsubscribe_token}/").content.decode()


def test_mail_programs_one_click_unsubscribe_without_a_csrf_token(citizen, other_citizen):
    mine = services.save_search(actor=citizen, name="x", query="")
    services.save_search(actor=other_citizen, name="y", query="")
    mail_provider = Client(enforce_csrf_checks=True)
    response = mail_provider.post(f"/opgaver/afmeld/{mine.unsubscribe_token}/", "List-Unsubscribe=One-Click",
                                  content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not citizen.saved_searches.exists() and other_citizen.saved_searches.exists()
    assert "Allerede afmeldt" in mail_provider.post("/opgaver/afmeld/gaet-et-token/").content.decode()
    assert other_citizen.saved_searches.exists()


def test_retention_deletes_old_declined_and_closed_applications(settings, task, citizen, other_citizen,
                                                                institution_staff):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "declined_task_application": 90,
                               "closed_task_application": 365}
    declined = ApplicationFactory(task=task, applicant=citizen)
    services.decline(actor=institution_staff, application=declined, message="Nej tak")
    kept = ApplicationFactory(task=task, applicant=other_citizen)
    with freeze_time(timezone.now() + timedelta(days=91)):
        assert retention.run()["taskbank.applications"] == 1
    assert not TaskApplication.objects.filter(pk=declined.pk).exists()
    assert TaskApplication.objects.filter(pk=kept.pk).exists()
    services.change_task_status(actor=institution_staff, task=task, to=Task.Status.CLOSED)
    with freeze_time(timezone.now() + timedelta(days=366)):
        retention.run()
    assert not TaskApplication.objects.filter(pk=kept.pk).exists()
