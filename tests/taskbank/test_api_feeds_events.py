import json
from datetime import timedelta

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from taskbank import services
from taskbank.models import Event, Idea

from .factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    now = timezone.now()
    return Event.objects.create(title="Frivillig Fredag", description="Mød foreninger.", place="Mariehøj",
                                town="holte", capacity=1, starts_at=now + timedelta(days=3),
                                ends_at=now + timedelta(days=3, hours=2))


def test_openapi_schema_is_served(client, task):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/opgaver" in schema["paths"] and "/api/arrangementer" in schema["paths"]


def test_api_lists_published_tasks_filtered_like_the_list(client, task, institution, institution_staff):
    TaskFactory(institution=institution, contact=institution_staff, title="Gåtur", town="naerum")
    data = client.get("/api/opgaver", {"q": "læsning"}).json()
    assert [t["title"] for t in data["items"]] == ["Højtlæsning for beboere"]
    data = client.get("/api/opgaver", {"town": "naerum"}).json()
    assert [t["title"] for t in data["items"]] == ["Gåtur"]


def test_rss_and_atom_feeds_parse(client, task):
    for path in ("/opgaver/feed/rss/", "/opgaver/feed/atom/"):
        feed = feedparser.parse(client.get(path).content)
        assert not feed.bozo
        assert feed.entries[0].title == "Højtlæsning for beboere"


def test_ical_parses(client, event):
    cal = Calendar.from_ical(client.get("/arrangementer/kalender.ics").content)
    events = [c for c in cal.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["Frivillig Fredag"]
    single = Calendar.from_ical(client.get(f"/arrangementer/{event.pk}/kalender.ics").content)
    assert str(next(iter(single.walk("VEVENT")))["location"]) == "Mariehøj"


def test_event_capacity_is_respected(event, citizen, other_citizen):
    services.sign_up(actor=citizen, event=event)
    with pytest.raises(ValidationError, match="fuldt booket"):
        services.sign_up(actor=other_citizen, event=event)


def test_idea_triage_and_proposer_sees_answer(client, citizen, culture_admin, other_citizen,
                                              django_capture_on_commit_callbacks):
    idea = services.submit_idea(actor=citizen, title="Cykling uden alder", description="Rickshaw-ture.")
    client.force_login(other_citizen)
    assert client.get(idea.get_absolute_url()).status_code == 404
    assert client.get(f"/medarbejder/ideer/{idea.pk}/").status_code == 403
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/ideer/{idea.pk}/", {"status": "answered", "answer": ""})
    assert "Skriv et svar" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/ideer/{idea.pk}/", {"status": "answered", "answer": "God idé – vi går videre."})
    idea.refresh_from_db()
    assert idea.status == Idea.Status.ANSWERED
    client.force_login(citizen)
    assert "God idé – vi går videre." in client.get(idea.get_absolute_url()).content.decode()


def test_indicator_sources_count_the_period(task, citizen, institution_staff):
    from frivillig.core.registry import indicator_sources

    services.apply(actor=citizen, task=task, message="a", availability="b")
    today = timezone.localdate()
    sources = indicator_sources()
    assert sources["taskbank.applications"].compute(today, today + timedelta(days=1)) == 1
    assert sources["taskbank.applications"].compute(today + timedelta(days=1), today + timedelta(days=2)) == 0


def test_personal_data_export_and_erase(citizen, task):
    from frivillig.core.registry import personal_data_handlers

    services.apply(actor=citizen, task=task, message="Mit navn er Anna", availability="b")
    handler = personal_data_handlers()["taskbank"]
    assert json.dumps(handler.export(citizen))
    assert handler.export(citizen)["applications"][0]["message"] == "Mit navn er Anna"
    assert handler.erase(citizen, dry_run=True)
    assert handler.export(citizen)["applications"]
    handler.erase(citizen, dry_run=False)
    assert handler.export(citizen)["applications"] == []
