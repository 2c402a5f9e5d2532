import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_culture_department_must_set_up_a_second_factor(client, settings, culture_admin, institution_staff):
    settings.MFA_REQUIRED_FOR_PRIVILEGED_ROLES = True
    client.force_login(culture_admin)
    response = client.get("/medarbejder/")
    assert response.status_code == 302 and "/konto/2fa/totp/activate" in response["Location"]
    client.force_login(institution_staff)
    assert client.get("/medarbejder/").status_code == 200  # optional for institution staff


def test_login_attempts_are_rate_limited_per_account_without_locking_out_the_owner(client, citizen, settings):
    for _ in range(10):
        client.post("/konto/login/", {"login": citizen.email, "password": "forkert"}, REMOTE_ADDR="10.0.0.1")
    blocked = client.post("/konto/login/", {"login": citizen.email, "password": "forkert"}, REMOTE_ADDR="10.0.0.1")
    assert blocked.status_code == 429 or "for mange" in blocked.content.decode().lower()
    # the owner, from another address, still gets in with the right password
    owner = client.post("/konto/login/", {"login": citizen.email, "password": "korrekt-hest-batteri-42"},
                        REMOTE_ADDR="10.0.0.2")
    assert owner.status_code == 302


def test_signup_is_rate_limited_per_ip(client):
    statuses = [client.post("/konto/signup/", {"email": f"x{i}@example.dk"}, REMOTE_ADDR="10.0.0.9").status_code
                for i in range(22)]
    assert 429 in statuses


def test_task_applications_are_rate_limited(client, citizen, institution, institution_staff):
    from tests.taskbank.factories import TaskFactory

    tasks = [TaskFactory(institution=institution, contact=institution_staff) for _ in range(11)]
    client.force_login(citizen)
    for task in tasks:
        response = client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "hej", "availability": "altid"})
    assert "mange gange på kort tid" in response.content.decode()
