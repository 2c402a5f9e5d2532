"""Attendance and hours; the certificate (frivilligbevis) PDF; the coordinator's overview and CSV."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from pypdf import PdfReader

from engagement import indicators, queries, services
from engagement.models import HoursEntry
from frivillig.core.models import Document

from .conftest import make_session

pytestmark = pytest.mark.django_db


def _past(session):
    from engagement.models import Session

    Session.objects.filter(pk=session.pk).update(starts_at=session.starts_at - timezone.timedelta(days=4),
                                                 ends_at=session.ends_at - timezone.timedelta(days=4))
    session.refresh_from_db()
    return session


def test_staff_confirm_attendance_and_the_hours_follow(client, session, citizen, institution_staff):
    services.sign_up(actor=citizen, session=session)
    _past(session)
    client.force_login(institution_staff)
    page = client.get(session.get_staff_url()).content.decode()
    assert citizen.get_full_name() in page
    client.post(f"/medarbejder/frivillige/vagter/{session.pk}/fremmoede/", {"att-attended": [citizen.pk]})
    entry = HoursEntry.objects.get(session=session)
    assert entry.status == HoursEntry.Status.APPROVED and entry.hours == Decimal("2.00")
    client.post(f"/medarbejder/frivillige/vagter/{session.pk}/fremmoede/", {})  # corrected: she did not come
    assert not HoursEntry.objects.filter(session=session).exists()


def test_volunteer_reports_and_staff_approve(client, agreement, citizen, institution_staff, other_institution_staff):
    client.force_login(citizen)
    client.post(f"/frivillig/aftaler/{agreement.pk}/timer/", {"hours-date": timezone.localdate().isoformat(),
                                                              "hours-hours": "1,5", "hours-note": "Læste"})
    entry = HoursEntry.objects.get(agreement=agreement)
    assert entry.status == HoursEntry.Status.REPORTED
    with pytest.raises(PermissionDenied):
        services.approve_hours(actor=other_institution_staff, entry=entry)
    client.force_login(institution_staff)
    client.post(f"/medarbejder/frivillige/timer/{entry.pk}/godkend/")
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.APPROVED
    client.force_login(citizen)
    assert "1,5 timer" in client.get("/frivillig/").content.decode()


def test_hours_read_in_danish():
    from engagement.templatetags.engagement import hours

    assert [hours(Decimal("1")), hours(Decimal("2")), hours(Decimal("1.50")), hours(None)] == [
        "1 time", "2 timer", "1,5 timer", "0 timer"]


def test_certificate_pdf_shows_tasks_and_hours(client, agreement, citizen, django_capture_on_commit_callbacks):
    HoursEntry.objects.create(agreement=agreement, date=timezone.localdate(), hours=Decimal("3"),
                              status=HoursEntry.Status.APPROVED)
    HoursEntry.objects.create(agreement=agreement, date=timezone.localdate(), hours=Decimal("5"))  # not approved
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/frivillig/frivilligbevis/")
    doc = Document.objects.get(kind="engagement.certificate")
    assert response.url == doc.get_absolute_url()
    download = client.get(doc.get_absolute_url() + "?download=1")
    body = b"".join(download.streaming_content) if download.streaming else download.content
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(body)).pages).split())
    assert "Frivilligbevis" in text and citizen.get_full_name() in text
    assert "Lektiehjælp i Nærum" in text and "I alt: 3 timer" in text


def test_overview_and_formula_safe_csv(client, agreement, citizen, institution_staff, other_institution_staff):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(pk=citizen.pk).update(full_name="=HYPERLINK(1)")
    session = make_session(agreement.task)
    services.sign_up(actor=citizen, session=session)
    client.force_login(institution_staff)
    page = client.get("/medarbejder/frivillige/").content.decode()
    assert "Lektiehjælp i Nærum" in page and "Accepteret" in page
    csv = client.get("/medarbejder/frivillige/frivillige.csv").content.decode()
    assert "'=HYPERLINK(1)" in csv and "Indhentet" not in csv.split("\n")[0]
    client.force_login(other_institution_staff)
    assert "Lektiehjælp" not in client.get("/medarbejder/frivillige/").content.decode()


def test_accepted_without_agreement_waits_on_the_overview(client, accepted, institution_staff):
    client.force_login(institution_staff)
    assert "Skriv frivilligaftale med" in client.get("/medarbejder/frivillige/").content.decode()
    assert list(queries.without_agreement(institution_staff)) == [accepted]


def test_indicators_count_volunteers_and_hours(agreement):
    HoursEntry.objects.create(agreement=agreement, date=timezone.localdate(), hours=Decimal("4"),
                              status=HoursEntry.Status.APPROVED)
    today = timezone.localdate()
    tomorrow = today + timezone.timedelta(days=1)
    assert indicators.active_volunteers(today, tomorrow) == 1
    assert indicators.hours(today, tomorrow) == 4
    assert indicators.hours(today, tomorrow, area="children") == 4
    assert indicators.hours(today, tomorrow, area="elderly") == 0
    from frivillig.core.registry import indicator_sources

    assert "engagement.hours" in indicator_sources()


def test_culture_department_invites_active_volunteers_once(client, agreement, culture_admin, institution_staff,
                                                          django_capture_on_commit_callbacks):
    from django.core import mail

    from taskbank.models import Event

    now = timezone.now()
    event = Event.objects.create(title="Frivilligfesten", description="Tak for i år.", place="Rådhuset", town="holte",
                                 starts_at=now + timezone.timedelta(days=10), capacity=200,
                                 ends_at=now + timezone.timedelta(days=10, hours=3))
    with pytest.raises(PermissionDenied):
        services.invite_volunteers(actor=institution_staff, event=event)
    client.force_login(culture_admin)
    assert client.get("/medarbejder/frivillige/inviter/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/medarbejder/frivillige/inviter/", {"event": event.pk, "area": "children", "message": "Vel mødt"})
        client.post("/medarbejder/frivillige/inviter/", {"event": event.pk, "area": ""})
    invitations = [m for m in mail.outbox if m.subject == "Invitation: Frivilligfesten"]
    assert len(invitations) == 1 and invitations[0].to == [agreement.volunteer.email]
    assert services.invite_volunteers(actor=culture_admin, event=event, area="elderly") == 0
