"""Sessions of an event (hjælpervagter): its organiser plans them, anyone with a confirmed e-mail signs up on the
event's page within the places, staff confirm who came, and the helper's hours reach her page, her certificate and
the indicators. Cancelling the event cancels its sessions and tells the helpers once."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from engagement import indicators, queries, reminders, services
from engagement.models import Session, SessionSignup
from engagement.personal_data import purge_past_session_signups
from taskbank import event_services
from taskbank.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(association):
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    return Event.objects.create(title="Frivilligfest i Birkerød", description="Fest for alle frivillige.",
                                starts_at=start, ends_at=start + timedelta(hours=3), place="Birkerød Idrætscenter",
                                town="birkeroed", capacity=100, organiser=association)


def helper_session(event, *, places=2, before=timedelta(hours=2)):
    return Session.objects.create(event=event, places=places, note="Opstilling",
                                  starts_at=event.starts_at - before, ends_at=event.starts_at)


def test_organiser_plans_sessions_from_the_staff_page(client, event, association_rep):
    client.force_login(association_rep)
    url = f"/medarbejder/frivillige/arrangementer/{event.pk}/vagter/"
    page = client.get(url).content.decode()
    assert "Vagtplan: Frivilligfest i Birkerød" in page
    day = timezone.localtime(event.starts_at).date()
    assert f'value="{day.isoformat()}"' in page  # the form starts from the event's own day
    response = client.post(url, {"first_date": day.isoformat(), "start_time": "10:00", "end_time": "12:00",
                                 "places": 4, "weeks": 1, "skip_dates": "", "note": "Opstilling"})
    assert response.status_code == 302
    session = Session.objects.get(event=event)
    assert session.task is None and session.places == 4
    assert "1 af 4 pladser" not in client.get(url).content.decode()  # nobody yet
    assert "0 af 4 pladser taget" in client.get(url).content.decode()


def test_a_shift_past_midnight_ends_the_next_day(client, association, association_rep):
    """An evening event that ends after midnight: the form starts from its hours with "ends the next day" ticked; a
    shift whose end lies before its start without the box gets a Danish reason; no shift lasts more than a day."""
    start = timezone.make_aware(timezone.datetime(2027, 6, 23, 20, 0))  # Sankt Hans
    event = Event.objects.create(title="Sankthansbål ved Furesøen", description="Bål og båltale.", starts_at=start,
                                 ends_at=start + timedelta(hours=5), place="Furesøbadet", town="holte", capacity=300,
                                 organiser=association)
    client.force_login(association_rep)
    url = f"/medarbejder/frivillige/arrangementer/{event.pk}/vagter/"
    page = client.get(url).content.decode()
    assert 'value="20:00"' in page and 'value="01:00"' in page
    assert re.search(r'<input[^>]*name="ends_next_day"[^>]*checked', page)
    data = {"first_date": "2027-06-23", "start_time": "22:00", "end_time": "02:00", "places": 3, "weeks": 1}
    refused = client.post(url, data).content.decode()
    assert "Går vagten over midnat, så sæt kryds ved" in refused and not Session.objects.exists()
    assert 'value="02:00"' in refused  # what was typed is kept
    assert client.post(url, {**data, "ends_next_day": "on"}).status_code == 302
    session = Session.objects.get(event=event)
    assert timezone.localtime(session.ends_at) == timezone.make_aware(timezone.datetime(2027, 6, 24, 2, 0))
    assert session.hours == 4
    too_long = client.post(url, {**data, "end_time": "23:00", "ends_next_day": "on"}).content.decode()
    assert "En vagt kan højst vare et døgn." in too_long and Session.objects.count() == 1


def test_someone_elses_event_is_not_found_and_cannot_be_planned(client, event, institution_staff):
    client.force_login(institution_staff)
    assert client.get(f"/medarbejder/frivillige/arrangementer/{event.pk}/vagter/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.plan_sessions(actor=institution_staff, event=event, first_date=timezone.localdate(),
                               start_time=timezone.localtime().time(), end_time=timezone.localtime().time(), places=1)


def test_culture_department_plans_for_any_event(client, event, culture_admin):
    client.force_login(culture_admin)
    assert client.get(f"/medarbejder/frivillige/arrangementer/{event.pk}/vagter/").status_code == 200


def test_a_helper_signs_up_on_the_event_page_and_cancels(client, event, citizen):
    session = helper_session(event)
    anonymous = client.get(event.get_absolute_url()).content.decode()
    assert "Bliv hjælper" in anonymous and "Log ind for at melde dig som hjælper" in anonymous
    client.force_login(citizen)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "0 af 2 pladser taget" in page
    response = client.post(f"/frivillig/vagter/{session.pk}/tilmeld/")
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert SessionSignup.objects.filter(session=session, volunteer=citizen).exists()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Du er tilmeldt som hjælper." in page and "1 af 2 pladser taget" in page
    # Her own page lists it among her sessions, with the event named.
    assert "hjælper ved arrangement" in client.get("/frivillig/").content.decode()
    client.post(f"/frivillig/vagter/{session.pk}/afmeld/")
    assert not SessionSignup.objects.filter(session=session).exists()


def test_unconfirmed_e_mail_cannot_sign_up(client, event, unverified_citizen):
    session = helper_session(event)
    client.force_login(unverified_citizen)
    page = client.get(event.get_absolute_url()).content.decode()
    # the page does not offer what the service would refuse: it says why instead
    assert "Bekræft din e-mailadresse, før du tilmelder dig en vagt." in page
    assert f'action="/frivillig/vagter/{session.pk}/tilmeld/"' not in page
    response = client.post(f"/frivillig/vagter/{session.pk}/tilmeld/", follow=True)
    assert "Bekræft din e-mailadresse, før du tilmelder dig en vagt." in response.content.decode()
    assert not SessionSignup.objects.exists()


def test_unpublished_event_sessions_are_not_found(client, event, citizen):
    session = helper_session(event)
    Event.objects.filter(pk=event.pk).update(is_published=False)
    client.force_login(citizen)
    assert client.post(f"/frivillig/vagter/{session.pk}/tilmeld/").status_code == 404
    session.refresh_from_db()
    with pytest.raises(PermissionDenied, match="ikke offentliggjort"):  # the service says why, not "aflyst"
        services.sign_up(actor=citizen, session=session)


def test_places_are_never_exceeded(event, citizen, other_citizen):
    session = helper_session(event, places=1)
    services.sign_up(actor=citizen, session=session)
    with pytest.raises(ValidationError):
        services.sign_up(actor=other_citizen, session=session)
    assert session.signups.count() == 1


def test_attendance_gives_the_helper_hours_on_her_page_certificate_and_the_indicator(
        client, event, citizen, other_citizen, association_rep):
    session = helper_session(event, before=timedelta(hours=2))
    services.sign_up(actor=citizen, session=session)
    services.sign_up(actor=other_citizen, session=session)
    came = services.register_attendance(actor=association_rep, session=session, attended=[citizen.pk])
    assert came == 1
    client.force_login(citizen)
    page = client.get("/frivillig/").content.decode()
    assert "Hjælper ved arrangementer" in page and "Bekræftet fremmøde i alt: 2 timer" in page
    rows = queries.certificate_rows(citizen)
    assert [(r["task"], r["institution"], r["hours"]) for r in rows] == [
        ("Frivilligfest i Birkerød", event.organiser.name, Decimal("2.00"))]
    assert queries.certificate_rows(other_citizen) == []
    day = timezone.localtime(session.starts_at).date()
    assert indicators.hours(day, day + timedelta(days=1)) == 2
    assert indicators.hours(day, day + timedelta(days=1), area="culture") == 0


def test_another_organiser_cannot_confirm_attendance(event, citizen, culture_admin, institution_staff):
    session = helper_session(event)
    services.sign_up(actor=citizen, session=session)
    with pytest.raises(PermissionDenied):
        services.register_attendance(actor=institution_staff, session=session, attended=[citizen.pk])
    assert services.register_attendance(actor=culture_admin, session=session, attended=[citizen.pk]) == 1


def test_reminder_names_the_event_and_its_place(event, citizen, django_capture_on_commit_callbacks):
    session = helper_session(event)
    services.sign_up(actor=citizen, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders.send_session_reminders(now=session.starts_at - timedelta(hours=20))
    assert sent == 1
    message = mail.outbox[-1]
    assert "Frivilligfest i Birkerød" in message.subject and "Birkerød Idrætscenter" in message.body


def test_cancelling_the_event_cancels_its_sessions_and_tells_each_helper_once(
        event, citizen, association_rep, django_capture_on_commit_callbacks):
    session = helper_session(event)
    services.sign_up(actor=citizen, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        event_services.cancel_event(actor=association_rep, event=event, reason="Hallen er lukket.")
        event_services.cancel_event(actor=association_rep, event=event, reason="Hallen er lukket.")
    session.refresh_from_db()
    assert session.cancelled_at is not None
    told = [m for m in mail.outbox if "Vagten er aflyst" in m.subject]
    assert len(told) == 1 and "Hallen er lukket." in told[0].body
    with pytest.raises(PermissionDenied):
        services.sign_up(actor=citizen, session=Session.objects.create(
            event=event, places=1, starts_at=event.starts_at, ends_at=event.ends_at))


def test_confirmed_attendance_outlives_the_sign_up_retention(event, citizen, other_citizen, association_rep, settings):
    session = helper_session(event)
    services.sign_up(actor=citizen, session=session)
    services.sign_up(actor=other_citizen, session=session)
    services.register_attendance(actor=association_rep, session=session, attended=[citizen.pk])
    later = session.ends_at + timedelta(days=settings.RETENTION_DAYS["meeting_signup"] + 1)
    assert purge_past_session_signups(later) == 1
    assert list(SessionSignup.objects.values_list("volunteer", flat=True)) == [citizen.pk]
    much_later = session.ends_at + timedelta(days=settings.RETENTION_DAYS["volunteer_agreement"] + 1)
    assert purge_past_session_signups(much_later) == 1
    assert not SessionSignup.objects.exists()


def test_an_erased_helper_keeps_counting_in_the_hours_but_not_by_name(
        client, event, citizen, other_citizen, association_rep):
    """Her confirmed attendance is the only record of those hours: erasing her must not lower last year's total.
    The row stays without her; her other sign-ups go; the organiser's pages say a helper's name was erased."""
    from frivillig.accounts.gdpr import erase_user

    came = helper_session(event, before=timedelta(hours=2))
    later = Session.objects.create(event=event, places=3, starts_at=event.ends_at, ends_at=event.ends_at + timedelta(hours=1))
    for session in (came, later):
        services.sign_up(actor=citizen, session=session)
    services.sign_up(actor=other_citizen, session=came)
    services.register_attendance(actor=association_rep, session=came, attended=[citizen.pk, other_citizen.pk])
    day = timezone.localtime(came.starts_at).date()
    assert indicators.hours(day, day + timedelta(days=1)) == 4

    told = erase_user(citizen, dry_run=True)
    assert any("1 hjælpervagt, du mødte op til, bevares uden dit navn" in line for line in told)
    assert any("1 tilmelding til en vagt slettes" in line for line in told)
    erase_user(citizen, dry_run=False)

    assert indicators.hours(day, day + timedelta(days=1)) == 4
    assert list(came.signups.values_list("volunteer", "attended")) in (
        [(None, True), (other_citizen.pk, True)], [(other_citizen.pk, True), (None, True)])
    assert not later.signups.exists()
    client.force_login(association_rep)
    page = client.get(came.get_staff_url()).content.decode()
    assert "1 hjælper, hvis navn er slettet, står som mødt op." in page and citizen.full_name not in page
    rota = client.get(f"/medarbejder/frivillige/arrangementer/{event.pk}/vagter/").content.decode()
    assert "Anonym" in rota and other_citizen.full_name in rota and "2 af 2 pladser taget" in rota
    # Confirming attendance again (the other helper did not come after all) leaves the erased helper's hours alone.
    services.register_attendance(actor=association_rep, session=came, attended=[])
    assert indicators.hours(day, day + timedelta(days=1)) == 2


def test_a_session_belongs_to_a_task_or_an_event_never_both(event, institution):
    from django.db import IntegrityError, transaction

    from tests.taskbank.factories import TaskFactory

    task = TaskFactory(institution=institution)
    for kwargs in ({}, {"task": task, "event": event}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Session.objects.create(places=1, starts_at=event.starts_at, ends_at=event.ends_at, **kwargs)
