from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from freezegun import freeze_time

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


def test_one_click_unsubscribe(client, citizen):
    saved = services.save_search(actor=citizen, name="x", query="")
    response = client.get(f"/opgaver/afmeld/{saved.unsubscribe_token}/")
    assert response.status_code == 200 and "Du er afmeldt" in response.content.decode()
    assert not citizen.saved_searches.exists()


def test_retention_deletes_old_declined_and_closed_applications(settings, task, citizen, other_citizen,
                                                                institution_staff):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "declined_task_application": 90,
                               "closed_task_application": 365}
    declined = ApplicationFactory(task=task, applicant=citizen)
    services.decline(actor=institution_staff, application=declined, message="Nej tak")
    kept = ApplicationFactory(task=task, applicant=other_citizen)
    with freeze_time(timezone.now() + timedelta(days=91)):
        tasks.apply_retention.apply()
    assert not TaskApplication.objects.filter(pk=declined.pk).exists()
    assert TaskApplication.objects.filter(pk=kept.pk).exists()
    services.change_task_status(actor=institution_staff, task=task, to=Task.Status.CLOSED)
    with freeze_time(timezone.now() + timedelta(days=366)):
        tasks.apply_retention.apply()
    assert not TaskApplication.objects.filter(pk=kept.pk).exists()
