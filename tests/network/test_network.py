import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from frivillig.accounts.roles import invalidate, is_network_member
from network import services, tasks
from network.models import AgendaItem, Agreement, Body, Meeting, Priority, Proposal
from network.seed import load_reference
from tests.conftest import heading

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies(db):
    load_reference()
    return {b.kind: b for b in Body.objects.all()}


@pytest.fixture
def steering_meeting(bodies):
    now = timezone.now()
    return Meeting.objects.create(body=bodies["steering"], title="Styregruppemøde", place="Rådhuset",
                                  starts_at=now + timedelta(hours=20), ends_at=now + timedelta(hours=22))


def test_public_pages_show_the_organisation(client, bodies):
    html = client.get("/netvaerk/organ/steering/").content.decode()
    assert "Afklare og anbefale årlige indsatsområder" in html and "formand" in html.lower()
    assert heading(client.get("/netvaerk/")) == "Sådan arbejder Rudersdal Kommune med frivillighed"


def test_membership_grants_and_revokes_the_role(bodies, culture_admin, citizen):
    membership = services.add_member(actor=culture_admin, body=bodies["network"], user=citizen)
    invalidate(citizen)
    assert is_network_member(citizen)
    services.remove_member(actor=culture_admin, membership=membership)
    invalidate(citizen)
    assert not is_network_member(citizen)


def test_only_culture_department_manages_members(bodies, network_member, citizen):
    with pytest.raises(PermissionDenied):
        services.add_member(actor=network_member, body=bodies["network"], user=citizen)


def test_forwarded_proposal_lands_on_next_steering_agenda(bodies, steering_meeting, network_member, culture_admin):
    proposal = services.create_proposal(actor=network_member, title="Fælles introduktion", summary="Et forløb.")
    services.comment(actor=network_member, proposal=proposal, body="Godt forslag")
    services.forward_proposal(actor=culture_admin, proposal=proposal)
    item = AgendaItem.objects.get(meeting=steering_meeting)
    assert item.proposal == proposal and "Fælles introduktion" in item.title
    assert proposal.status_changes.last().actor == culture_admin


def test_network_member_cannot_forward_or_decide(bodies, network_member):
    from frivillig.core.workflow import TransitionNotAllowed

    proposal = services.create_proposal(actor=network_member, title="x", summary="y")
    with pytest.raises((PermissionDenied, TransitionNotAllowed)):
        services.forward_proposal(actor=network_member, proposal=proposal)
    priority = Priority.objects.create(year=2026, title="p", description="d", status=Priority.Status.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.decide_priority(actor=network_member, priority=priority, to=Priority.Status.ADOPTED, reason="x")


def test_citizen_cannot_see_internal_pages(client, bodies, network_member, citizen, steering_meeting):
    proposal = services.create_proposal(actor=network_member, title="Internt", summary="y")
    services.comment(actor=network_member, proposal=proposal, body="Hemmelig kommentar")
    client.force_login(citizen)
    for url in [proposal.get_absolute_url(), "/netvaerk/forslag/", "/netvaerk/styregruppe/overblik/",
                steering_meeting.get_absolute_url()]:
        assert client.get(url).status_code == 403, url
    client.logout()
    assert "Hemmelig kommentar" not in client.get("/netvaerk/").content.decode()


def test_review_decide_and_public_page(client, bodies, steering_member, culture_admin):
    services.add_member(actor=culture_admin, body=bodies["steering"], user=culture_admin, area="culture", is_chair=True)
    priority = services.propose_priority(actor=culture_admin, title="Flere unge frivillige", description="d",
                                         year=timezone.localdate().year)
    services.review(actor=steering_member, priority=priority, recommendation="support", comment="Ja")
    with pytest.raises(ValidationError):
        services.decide_priority(actor=culture_admin, priority=priority, to=Priority.Status.ADOPTED, reason="")
    services.decide_priority(actor=culture_admin, priority=priority, to=Priority.Status.ADOPTED, reason="Enig")
    priority.refresh_from_db()
    assert priority.status == Priority.Status.ADOPTED
    assert list(priority.status_changes.values_list("to_status", flat=True)) == [
        "proposed", "under_review", "recommended", "adopted"]
    assert "Flere unge frivillige" in client.get("/netvaerk/indsatsomraader/").content.decode()


def test_agenda_and_minutes_pdfs_hold_the_items(client, bodies, steering_meeting, steering_member,
                                                django_capture_on_commit_callbacks):
    AgendaItem.objects.create(meeting=steering_meeting, order=1, title="Årets indsatsområder")
    steering_meeting.minutes = "Styregruppen anbefalede to indsatsområder."
    steering_meeting.save()
    client.force_login(steering_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(steering_meeting.get_absolute_url())
    from frivillig.core import pdf

    for kind, expected in [("network.agenda", "Årets indsatsområder"),
                           ("network.minutes", "Styregruppen anbefalede to indsatsområder.")]:
        doc = pdf.latest(kind, steering_meeting)
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(doc.file.read())).pages)
        assert expected in " ".join(text.split())


def test_meeting_and_agreement_reminders_sent_once(bodies, steering_meeting, steering_member, culture_admin,
                                                   django_capture_on_commit_callbacks):
    services.add_member(actor=culture_admin, body=bodies["steering"], user=steering_member)
    today = timezone.localdate()
    Agreement.objects.create(version=1, period_start=today - timedelta(days=300), period_end=today + timedelta(days=30),
                             annual_grant=100, contacts="x")
    mail.outbox.clear()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_meeting_reminders.apply()
            tasks.remind_agreement_expiry.apply()
    assert len([m for m in mail.outbox if m.subject.startswith("Påmindelse: Styregruppemøde")]) == 1
    assert len([m for m in mail.outbox if "udløber" in m.subject and m.to == [culture_admin.email]]) == 1


def test_current_agreement_is_public(client, bodies):
    today = timezone.localdate()
    Agreement.objects.create(version=2, period_start=today - timedelta(days=1), period_end=today + timedelta(days=365),
                             annual_grant=850000, contacts="Kultur")
    html = client.get("/netvaerk/frivilligcenter/").content.decode()
    assert "version 2" in html and "850.000 kr." in html


def test_dashboard_shows_indicators_from_strategy(client, bodies, steering_member):
    from strategy.models import Indicator

    Indicator.objects.create(name="Høringssvar", source_key="strategy.hearing_responses")
    client.force_login(steering_member)
    html = client.get("/netvaerk/styregruppe/overblik/").content.decode()
    assert "Høringssvar" in html
    assert Proposal.objects.count() == 0


def test_agreement_follow_up_with_status_per_obligation(client, bodies, culture_admin):
    from network.models import Obligation, ObligationStatus

    today = timezone.localdate()
    agreement = Agreement.objects.create(version=3, period_start=today - timedelta(days=10),
                                         period_end=today + timedelta(days=300), annual_grant=1, contacts="x")
    met = Obligation.objects.create(agreement=agreement, party="centre", text="Formidler frivilligt arbejde")
    partly = Obligation.objects.create(agreement=agreement, party="municipality", text="Stiller lokaler til rådighed")
    client.force_login(culture_admin)
    client.post(f"/medarbejder/netvaerk/aftaler/{agreement.pk}/", {
        "held_on": today.isoformat(), "notes": "Årligt møde", f"status-{met.pk}": "met",
        f"status-{partly.pk}": "partly", f"note-{partly.pk}": "Lokalet deles"})
    statuses = {s.obligation_id: (s.status, s.note) for s in ObligationStatus.objects.all()}
    assert statuses == {met.pk: ("met", ""), partly.pk: ("partly", "Lokalet deles")}
    assert "Delvist opfyldt" in client.get(f"/medarbejder/netvaerk/aftaler/{agreement.pk}/").content.decode()


def test_meeting_documents_are_for_members_only(client, bodies, steering_meeting, culture_admin, steering_member, citizen):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.grants.conftest import MINIMAL_PDF

    client.force_login(culture_admin)
    client.post(f"/medarbejder/netvaerk/moeder/{steering_meeting.pk}/bilag/",
                {"doc-title": "Budget", "doc-file": SimpleUploadedFile("budget.pdf", MINIMAL_PDF)})
    document = steering_meeting.documents.get()
    client.force_login(citizen)
    assert client.get(f"/netvaerk/dokumenter/{document.pk}/").status_code == 403
    client.force_login(steering_member)
    download = client.get(f"/netvaerk/dokumenter/{document.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == MINIMAL_PDF
    from icalendar import Calendar

    cal = Calendar.from_ical(client.get("/netvaerk/moeder/kalender.ics").content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Styregruppemøde"]


def test_culture_department_writes_a_new_agreement_version_from_the_latest(client, bodies, culture_admin):
    from network.models import Obligation

    today = timezone.localdate()
    first = Agreement.objects.create(version=1, period_start=today - timedelta(days=300),
                                     period_end=today + timedelta(days=65), annual_grant=850000, contacts="Kultur")
    Obligation.objects.create(agreement=first, party="centre", text="Formidler frivilligt arbejde")
    Obligation.objects.create(agreement=first, party="municipality", text="Stiller lokaler til rådighed")
    client.force_login(culture_admin)
    page = client.get("/medarbejder/netvaerk/aftaler/ny/").content.decode()
    # Prefilled from version 1, the period starting the day after version 1 ends.
    assert "Formidler frivilligt arbejde" in page and "Stiller lokaler til rådighed" in page
    assert f'value="{(today + timedelta(days=66)).isoformat()}"' in page and 'value="850000"' in page
    response = client.post("/medarbejder/netvaerk/aftaler/ny/", {
        "period_start": (today + timedelta(days=65)).isoformat(), "period_end": (today + timedelta(days=430)).isoformat(),
        "annual_grant": "900000", "contacts": "Kultur: frivillig@rudersdal.dk", "is_published": "on",
        "centre_obligations": "Formidler frivilligt arbejde\n\n- Driver en frivilligbørs\n",
        "municipality_obligations": "Stiller lokaler til rådighed"})
    second = Agreement.objects.get(version=2)
    assert response["Location"] == f"/medarbejder/netvaerk/aftaler/{second.pk}/"
    assert second.annual_grant == 900000
    assert sorted(second.obligations.values_list("party", "text")) == [
        ("centre", "Driver en frivilligbørs"), ("centre", "Formidler frivilligt arbejde"),
        ("municipality", "Stiller lokaler til rådighed")]
    assert first.obligations.count() == 2  # the earlier version stays as it was


def test_a_new_agreement_version_with_wrong_dates_keeps_the_input(client, bodies, culture_admin):
    client.force_login(culture_admin)
    page = client.post("/medarbejder/netvaerk/aftaler/ny/", {
        "period_start": "2027-01-01", "period_end": "2026-12-31", "annual_grant": "1000", "contacts": "Kultur",
        "centre_obligations": "Rådgiver foreninger"}).content.decode()
    assert "Aftalen skal slutte efter, den begynder." in page and "Rådgiver foreninger" in page
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("persona", ["citizen", "network_member", "steering_member", "institution_staff"])
def test_only_the_culture_department_writes_agreement_versions(client, bodies, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/medarbejder/netvaerk/aftaler/ny/").status_code in (403, 404)
    response = client.post("/medarbejder/netvaerk/aftaler/ny/", {
        "period_start": "2027-01-01", "period_end": "2027-12-31", "annual_grant": "1", "contacts": "x",
        "centre_obligations": "y"})
    assert response.status_code in (403, 404) and not Agreement.objects.exists()
    with pytest.raises(PermissionDenied):
        services.create_agreement_version(actor=request.getfixturevalue(persona), period_start=timezone.localdate(),
                                          period_end=timezone.localdate() + timedelta(days=1), annual_grant=1,
                                          contacts="x", is_published=True, centre_obligations=["y"],
                                          municipality_obligations=[])


def _steering_members(bodies, culture_admin, n):
    from tests.factories import UserFactory

    members = [UserFactory() for _ in range(n)]
    for member in members:
        services.add_member(actor=culture_admin, body=bodies["steering"], user=member, area="social")
        invalidate(member)
    return members


def test_one_steering_member_cannot_adopt_a_priority_alone(client, bodies, culture_admin):
    """Pen-test row 12: 1 of 4 reviews was enough, and the priority went public."""
    member, *_others = _steering_members(bodies, culture_admin, 4)
    priority = services.propose_priority(actor=member, title="Ensom beslutning", description="d", year=2026)
    services.review(actor=member, priority=priority, recommendation="support")
    for actor in (member, culture_admin):
        with pytest.raises(ValidationError, match="anbefales af styregruppens formand, eller når 3 .* \\(nu 1\\)"):
            services.decide_priority(actor=actor, priority=priority, to=Priority.Status.ADOPTED, reason="Jeg vil")
    priority.refresh_from_db()
    assert priority.status == Priority.Status.UNDER_REVIEW
    assert "Ensom beslutning" not in client.get("/netvaerk/indsatsomraader/").content.decode()


def test_the_quorum_set_by_the_culture_department_adopts_without_the_chair(bodies, culture_admin):
    members = _steering_members(bodies, culture_admin, 4)
    Body.objects.filter(kind="steering").update(adoption_quorum=3)
    priority = services.propose_priority(actor=members[0], title="Fælles beslutning", description="d", year=2026)
    for member in members[:2]:
        services.review(actor=member, priority=priority, recommendation="support")
    with pytest.raises(ValidationError):
        services.decide_priority(actor=members[0], priority=priority, to=Priority.Status.ADOPTED, reason="To af fire")
    services.review(actor=members[2], priority=priority, recommendation="support")
    services.decide_priority(actor=members[0], priority=priority, to=Priority.Status.ADOPTED, reason="Tre af fire")
    priority.refresh_from_db()
    assert priority.status == Priority.Status.ADOPTED


def test_the_chair_adopts(bodies, culture_admin):
    chair, member = _steering_members(bodies, culture_admin, 2)
    bodies["steering"].memberships.filter(user=chair).update(is_chair=True)
    priority = services.propose_priority(actor=member, title="Formandens beslutning", description="d", year=2026)
    services.review(actor=member, priority=priority, recommendation="support")
    services.decide_priority(actor=chair, priority=priority, to=Priority.Status.ADOPTED, reason="Formanden beslutter")
    priority.refresh_from_db()
    assert priority.status == Priority.Status.ADOPTED
