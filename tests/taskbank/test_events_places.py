"""Events run from the staff area by the Culture department and approved associations; gathering places listed
publicly with the events and tasks at each."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from taskbank import event_services, services
from taskbank.models import Event, GatheringPlace
from tests.factories import AssociationFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def event_data(**extra):
    start = (timezone.localtime() + timedelta(days=10)).replace(hour=10, minute=0, second=0, microsecond=0)
    return {"title": "Frivillig Fredag", "description": "Kom og mød foreningerne.",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"), "ends_at": (start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Holte Hallen", "town": "holte", "capacity": "50", "is_published": "on", **extra}


def test_culture_admin_creates_edits_and_cancels_an_event_emailing_signups_once(
        client, culture_admin, citizen, other_citizen, django_capture_on_commit_callbacks):
    client.force_login(culture_admin)
    response = client.post("/medarbejder/arrangementer/nyt/", event_data())
    event = Event.objects.get()
    assert response.status_code == 302 and event.organiser is None
    client.post(f"/medarbejder/arrangementer/{event.pk}/", event_data(title="Frivillig Fredag 2026"))
    event.refresh_from_db()
    assert event.title == "Frivillig Fredag 2026"
    services.sign_up(actor=citizen, event=event)
    services.sign_up(actor=other_citizen, event=event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/arrangementer/{event.pk}/aflys/", {"reason": "Hallen er lukket."})
        event_services.cancel_event(actor=culture_admin, event=event, reason="Igen")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizen.email, other_citizen.email])
    assert "Hallen er lukket." in mail.outbox[0].body
    public = client.get(event.get_absolute_url()).content.decode()
    assert "Arrangementet er aflyst." in public and "Tilmeld dig" not in public


def test_cancel_needs_a_reason(client, culture_admin):
    client.force_login(culture_admin)
    client.post("/medarbejder/arrangementer/nyt/", event_data())
    event = Event.objects.get()
    client.post(f"/medarbejder/arrangementer/{event.pk}/aflys/", {"reason": ""})
    event.refresh_from_db()
    assert event.cancelled_at is None


def test_approved_association_creates_its_own_events_only(client, association_rep, association):
    client.force_login(association_rep)
    client.post("/medarbejder/arrangementer/nyt/", event_data(organiser=association.pk, title="Standerhejsning"))
    event = Event.objects.get(title="Standerhejsning")
    assert event.organiser == association
    other = AssociationFactory()
    response = client.post("/medarbejder/arrangementer/nyt/", event_data(organiser=other.pk, title="Ikke vores"))
    assert response.status_code == 200 and not Event.objects.filter(title="Ikke vores").exists()
    other_rep = RoleAssignmentFactory(role="association_rep", organisation=other, user=UserFactory()).user
    client.force_login(other_rep)
    assert client.get(f"/medarbejder/arrangementer/{event.pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        event_services.cancel_event(actor=other_rep, event=event, reason="x")


@pytest.mark.parametrize("persona", ["citizen", "institution_staff", "steering_member"])
def test_others_cannot_create_events(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/medarbejder/arrangementer/nyt/").status_code == 403


def test_gathering_places_are_listed_with_their_events_and_tasks(client, culture_admin, task):
    client.force_login(culture_admin)
    client.post("/medarbejder/samlingssteder/nyt/", {
        "name": "Rudersdal Frivilligcenter, Mantziusgården", "address": "Stationsvej 38", "town": "birkeroed",
        "opening_hours": "Mandag–torsdag kl. 10–15", "who_meets": "Seniorklubben og Sprogcaféen",
        "is_published": "on"})
    place = GatheringPlace.objects.get()
    Event.objects.create(title="Sprogcafé", description="d", starts_at=timezone.now() + timedelta(days=2),
                         ends_at=timezone.now() + timedelta(days=2, hours=2), place="Mantziusgården", town="birkeroed",
                         capacity=20, gathering_place=place)
    task.gathering_place = place
    task.save()
    client.logout()
    listing = client.get("/samlingssteder/").content.decode()
    assert "Mantziusgården" in listing and "Mandag–torsdag kl. 10–15" in listing
    detail = client.get(place.get_absolute_url()).content.decode()
    assert "Seniorklubben og Sprogcaféen" in detail and "Sprogcafé" in detail and task.title in detail


def test_unpublished_place_is_not_public(client):
    place = GatheringPlace.objects.create(name="Skjult", address="x", town="holte", is_published=False)
    assert client.get(place.get_absolute_url()).status_code == 404


def test_only_culture_admin_manages_places(client, association_rep):
    client.force_login(association_rep)
    assert client.get("/medarbejder/samlingssteder/nyt/").status_code == 403
    with pytest.raises(PermissionDenied):
        event_services.save_place(actor=association_rep, data={"name": "x"})


