import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "down": [], "checks": {"database": "ok", "broker": "ok"}}


def test_healthz_is_503_when_broker_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("error")
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["down"] == ["broker"]


@pytest.mark.parametrize("name", ["home", "accessibility", "privacy"])
def test_public_pages_are_danish(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert 'lang="da"' in response.content.decode()


def test_citizen_cannot_reach_staff_workspace(client, citizen):
    assert client.get("/medarbejder/").status_code == 302  # anonymous: to login
    client.force_login(citizen)
    assert client.get("/medarbejder/").status_code == 403


def test_culture_admin_sees_role_management_in_workspace(client, culture_admin):
    client.force_login(culture_admin)
    response = client.get("/medarbejder/")
    assert response.status_code == 200
    assert reverse("accounts:role_list") in response.content.decode()


def test_personal_pages_are_not_cached(client, citizen):
    client.force_login(citizen)
    assert client.get("/konto/")["Cache-Control"] == "no-store"


def test_liveness_answers_without_services(client, settings, django_assert_num_queries):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")
    assert response.status_code == 200 and response.content == b"ok"
