import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from volunteers import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(institution, other_institution, institution_staff):
    from tests.factories import UserFactory
    from tests.taskbank.factories import TaskFactory

    return {
        "holte": TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning i Holte",
                             area="elderly", town="holte"),
        "naerum": TaskFactory(institution=other_institution, contact=UserFactory(), title="Lektiecafé i Nærum",
                              area="children", town="naerum"),
    }


def test_feeds_honour_the_search_and_the_filters(client, tasks, institution):
    rss = client.get("/opgaver/feed/rss/?q=lektiecafé").content.decode()
    assert "Lektiecafé i Nærum" in rss and "Højtlæsning i Holte" not in rss
    atom = client.get("/opgaver/feed/atom/?area=elderly").content.decode()
    assert "Højtlæsning i Holte" in atom and "Lektiecafé i Nærum" not in atom
    org = client.get(f"/opgaver/feed/rss/?organisation={institution.pk}").content.decode()
    assert "Højtlæsning i Holte" in org and "Lektiecafé i Nærum" not in org
    assert client.get("/opgaver/feed/rss/?omraade=junk&organisation=x9").status_code == 200


def test_api_filters_by_organisation_and_may_be_called_from_another_site(client, tasks, institution):
    response = client.get(f"/api/opgaver?organisation={institution.pk}", HTTP_ORIGIN="https://www.rudersdal.dk")
    assert [t["title"] for t in response.json()["items"]] == ["Højtlæsning i Holte"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/opgaver?organisation=abc").status_code == 400


def test_the_embed_may_be_framed_only_by_sites_on_the_list(client, culture_admin, tasks):
    response = client.get("/indlejr/opgaver/?by=naerum")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "Lektiecafé i Nærum" in response.content.decode()
    assert "Højtlæsning i Holte" not in response.content.decode()
    services.add_embed_site(actor=culture_admin, origin="https://www.rudersdal.dk/", name="Rudersdal.dk")
    response = client.get("/indlejr/opgaver/")
    assert "frame-ancestors https://www.rudersdal.dk" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert "frame-ancestors 'none'" in client.get("/opgaver/")["Content-Security-Policy"]


def test_embed_by_campaign(client, culture_admin, tasks):
    from django.utils import timezone

    campaign = services.save_campaign(actor=culture_admin, data={
        "slug": "holte", "title": "Holte", "intro": "x", "starts_on": timezone.localdate(),
        "ends_on": timezone.localdate(), "towns": ["holte"], "is_published": True})
    page = client.get(f"/indlejr/opgaver/?kampagne={campaign.slug}").content.decode()
    assert "Højtlæsning i Holte" in page and "Lektiecafé i Nærum" not in page


def test_only_the_culture_department_keeps_the_list(client, institution_staff, culture_admin):
    with pytest.raises(PermissionDenied):
        services.add_embed_site(actor=institution_staff, origin="https://x.dk", name="X")
    with pytest.raises(ValidationError):
        services.add_embed_site(actor=culture_admin, origin="https://x.dk/side?x=1", name="X")
    client.force_login(institution_staff)
    assert client.get("/medarbejder/indlejring/").status_code == 404
    client.force_login(culture_admin)
    client.post("/medarbejder/indlejring/", {"name": "Biblioteket", "origin": "http://127.0.0.1:8123"})
    page = client.get("/medarbejder/indlejring/?by=holte").content.decode()
    assert "http://127.0.0.1:8123" in page and "indlejr/opgaver/?by=holte" in page
