from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from volunteers import services

pytestmark = pytest.mark.django_db


def _data(**kw):
    today = timezone.localdate()
    return {"slug": "ny-pensionist", "title": "Ny pensionist?", "intro": "Brug din tid.", "starts_on": today,
            "ends_on": today + timedelta(days=30), "target_groups": ["new_pensioners"], "areas": [], "towns": [],
            "is_published": True, **kw}


def test_campaign_shows_its_live_selection_and_is_on_the_front_page(client, culture_admin, institution,
                                                                    institution_staff):
    from tests.taskbank.factories import TaskFactory

    fits = TaskFactory(institution=institution, contact=institution_staff, title="Læsevenner",
                       target_groups=["new_pensioners"])
    picked = TaskFactory(institution=institution, contact=institution_staff, title="Håndplukket",
                         target_groups=["young"])
    other = TaskFactory(institution=institution, contact=institution_staff, title="Ungdomsklub",
                        target_groups=["young"])
    services.save_campaign(actor=culture_admin, data={**_data(), "tasks": [picked]})
    page = client.get("/kampagner/ny-pensionist/").content.decode()
    assert fits.title in page and picked.title in page and other.title not in page
    assert "Ny pensionist?" in client.get("/").content.decode()


def test_only_the_culture_department_edits_campaigns(client, institution_staff, culture_admin):
    with pytest.raises(PermissionDenied):
        services.save_campaign(actor=institution_staff, data=_data())
    client.force_login(institution_staff)
    assert client.get("/medarbejder/kampagner/").status_code == 404
    assert client.get("/medarbejder/kampagner/ny/").status_code == 404
    client.force_login(culture_admin)
    response = client.post("/medarbejder/kampagner/ny/", {**_data(), "starts_on": timezone.localdate().isoformat(),
                                                          "ends_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
                                                          "target_groups": ["new_pensioners"], "is_published": "on"})
    assert response.status_code == 302
    assert client.get("/medarbejder/kampagner/").status_code == 200


def test_unpublished_or_ended_campaign(client, culture_admin):
    services.save_campaign(actor=culture_admin, data=_data(is_published=False))
    assert client.get("/kampagner/ny-pensionist/").status_code == 404
    assert "Ny pensionist?" not in client.get("/").content.decode()
