"""Sessions (vagter): planned weekly with exceptions, signed up for within their places (also concurrently),
reminded once, in a personal calendar with a revocable secret address."""

import threading
from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from engagement import reminders, services
from engagement.models import Session, SessionSignup

from .conftest import make_session

pytestmark = pytest.mark.django_db


def test_weekly_sessions_with_exceptions(client, agreement, institution_staff):
    client.force_login(institution_staff)
    first = timezone.localdate() + timedelta(days=7)
    skip = first + timedelta(weeks=1)
    response = client.post(f"/medarbejder/frivillige/opgaver/{agreement.task_id}/vagter/", {
        "first_date": first.isoformat(), "start_time": "14:00", "end_time": "16:00", "places": 3, "weeks": 4,
        "skip_dates": skip.isoformat(), "note": ""})
    assert response.status_code == 302
    days = [timezone.localtime(s.starts_at).date() for s in Session.objects.filter(task=agreement.task)]
    assert days == [first, first + timedelta(weeks=2), first + timedelta(weeks=3)]
    assert timezone.localtime(Session.objects.first().starts_at).time() == time(14)


def test_junk_plan_shows_errors_not_500(client, agreement, institution_staff):
    client.force_login(institution_staff)
    response = client.post(f"/medarbejder/frivillige/opgaver/{agreement.task_id}/vagter/", {
        "first_date": "2026-01-05", "start_time": "16:00", "end_time": "14:00", "places": 3, "weeks": 1,
        "skip_dates": "ikke en dato"})
    assert response.status_code == 200 and "ÅÅÅÅ-MM-DD" in response.content.decode()


def test_other_institution_cannot_plan(agreement, other_institution_staff):
    with pytest.raises(PermissionDenied):
        services.plan_sessions(actor=other_institution_staff, task=agreement.task, first_date=date(2030, 1, 1),
                               start_time=time(10), end_time=time(12), places=2)


def test_volunteer_signs_up_and_cancels_through_the_page(client, session, citizen):
    client.force_login(citizen)
    page = client.get("/frivillig/").content.decode()
    assert "Tilmeld dig vagten" in page
    client.post(f"/frivillig/vagter/{session.pk}/tilmeld/")
    assert SessionSignup.objects.filter(session=session, volunteer=citizen).exists()
    assert "Du er tilmeldt." in client.get("/frivillig/").content.decode()
    client.post(f"/frivillig/vagter/{session.pk}/afmeld/")
    assert not SessionSignup.objects.filter(session=session).exists()


def test_only_volunteers_with_an_accepted_agreement_sign_up(session, other_citizen, agreement, citizen,
                                                            institution_staff):
    with pytest.raises(PermissionDenied):
        services.sign_up(actor=other_citizen, session=session)
    services.end_agreement(actor=institution_staff, agreement=agreement)
    with pytest.raises(PermissionDenied):
        services.sign_up(actor=citizen, session=session)


def test_places_are_never_exceeded(agreement, citizen, other_citizen, task):
    session = make_session(task, places=1)
    services.sign_up(actor=citizen, session=session)
    from engagement.models import Agreement

    Agreement.objects.create(task=task, volunteer=other_citizen, status=Agreement.Status.ACCEPTED, duties="x",
                             staff_duties="y", schedule="z")
    with pytest.raises(ValidationError):
        services.sign_up(actor=other_citizen, session=session)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sign_ups_for_the_last_place(institution, institution_staff, citizen, other_citizen):
    from engagement.models import Agreement
    from tests.taskbank.factories import TaskFactory

    task = TaskFactory(institution=institution, contact=institution_staff)
    for person in (citizen, other_citizen):
        Agreement.objects.create(task=task, volunteer=person, status=Agreement.Status.ACCEPTED, duties="x",
                                 staff_duties="y", schedule="z")
    session = make_session(task, places=1)
    barrier = threading.Barrier(2)
    outcomes = []

    def sign_up(person):
        try:
            barrier.wait()
            services.sign_up(actor=person, session=session)
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(p,)) for p in (citizen, other_citizen)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["full", "ok"]
    assert SessionSignup.objects.filter(session=session).count() == 1


def test_reminder_the_day_before_is_sent_once(session, citizen, django_capture_on_commit_callbacks):
    services.sign_up(actor=citizen, session=session)
    later = make_session(session.task, days=5)
    services.sign_up(actor=citizen, session=later)
    now = session.starts_at - timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_session_reminders(now)
        reminders.send_session_reminders(now)  # the beat task runs every hour: still one e-mail
    reminders_sent = [m for m in mail.outbox if "Påmindelse" in m.subject]
    assert len(reminders_sent) == 1 and reminders_sent[0].to == [citizen.email]
    assert session.task.title in reminders_sent[0].body


def test_personal_calendar_with_revocable_token(client, session, citizen):
    services.sign_up(actor=citizen, session=session)
    client.force_login(citizen)
    client.post("/frivillig/kalender/ny-adresse/")
    token = citizen.session_calendar.token
    client.logout()
    feed = client.get(f"/frivillig/kalender/{token}.ics")
    assert feed.status_code == 200 and b"BEGIN:VEVENT" in feed.content
    assert session.task.title.encode() in feed.content.replace(b"\r\n ", b"")
    client.force_login(citizen)
    client.post("/frivillig/kalender/ny-adresse/")
    client.logout()
    assert client.get(f"/frivillig/kalender/{token}.ics").status_code == 404
    assert client.get("/frivillig/kalender/gaet.ics").status_code == 404


def test_cancelling_a_session_tells_the_signed_up(session, citizen, institution_staff,
                                                 django_capture_on_commit_callbacks):
    services.sign_up(actor=citizen, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_session(actor=institution_staff, session=session, reason="Skolen holder lukket.")
    assert "aflyst" in mail.outbox[-1].subject
