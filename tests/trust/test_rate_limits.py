"""Rate limits on login, password reset and sign-up (allauth, ACCOUNT_RATE_LIMITS) and on the portal's own
submissions (frivillig.core.ratelimit). None of them may become a way to lock someone else out."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from freezegun import freeze_time

from frivillig.core import ratelimit
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "for mange mislykkede"


def login(client, email, password, ip):
    return client.post("/konto/login/", {"login": email, "password": password}, REMOTE_ADDR=ip)


def refused(response) -> bool:
    return response.status_code == 429 or TOO_MANY in response.content.decode().lower()


def test_failed_logins_for_one_account_from_one_ip_are_limited(client, citizen):
    for _ in range(5):
        assert not refused(login(client, citizen.email, "forkert", "10.0.0.1"))
    # the sixth attempt is refused before the password is even checked, even the right one
    assert refused(login(client, citizen.email, PASSWORD, "10.0.0.1"))


def test_failed_logins_from_one_ip_are_limited_across_accounts(client):
    emails = [f"person{i}@example.dk" for i in range(11)]
    results = [login(client, email, "forkert", "10.0.0.3") for email in emails]
    assert not any(refused(r) for r in results[:10]) and refused(results[10])
    # another address is not affected
    assert not refused(login(client, "person0@example.dk", "forkert", "10.0.0.4"))


def test_a_patient_attacker_cannot_lock_the_owner_out(client, citizen):
    """allauth keys its per-account budget by e-mail only; ten attempts a minute from one IP would exhaust any
    such budget within minutes. Our adapter keys it by IP and e-mail (frivillig.accounts.adapter)."""
    start = datetime(2026, 3, 2, 9, 0)
    with freeze_time(start) as clock:
        refusals = 0
        for _ in range(120):  # one failed attempt every 15 seconds for half an hour
            refusals += refused(login(client, citizen.email, "forkert", "10.6.6.6"))
            clock.tick(timedelta(seconds=15))
        assert refusals >= 90  # the attacker gets 5 guesses per 5 minutes
        for _ in range(5):
            login(client, citizen.email, "forkert", "10.6.6.6")
        owner = login(client, citizen.email, PASSWORD, "10.0.0.2")
    assert owner.status_code == 302 and owner["Location"] == "/"


def test_a_successful_login_does_not_use_up_the_budget(client, citizen):
    for _ in range(8):
        assert login(client, citizen.email, PASSWORD, "10.0.0.5").status_code == 302
        client.logout()


def reset(client, email, ip):
    return client.post("/konto/password/reset/", {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_is_limited_per_address_and_per_ip(client, citizen, other_citizen):
    for _ in range(5):
        assert reset(client, citizen.email, "10.0.1.1").status_code == 302
    assert reset(client, citizen.email, "10.0.1.1").status_code == 429
    # per address (key), whatever the IP — resets only send mail to the owner, so this locks nobody out
    assert reset(client, citizen.email, "10.0.1.2").status_code == 429
    # another person's reset is not affected
    assert reset(client, other_citizen.email, "10.0.1.2").status_code == 302
    statuses = [reset(client, f"x{i}@example.dk", "10.0.1.3").status_code for i in range(21)]
    assert statuses[:20] == [302] * 20 and statuses[20] == 429


def test_password_reset_limit_ends_with_its_window(client, citizen):
    with freeze_time("2026-03-02 09:00") as clock:
        for _ in range(5):
            reset(client, citizen.email, "10.0.1.4")
        assert reset(client, citizen.email, "10.0.1.4").status_code == 429
        clock.tick(timedelta(seconds=61))
        assert reset(client, citizen.email, "10.0.1.4").status_code == 302


def test_signup_is_rate_limited_per_ip(client):
    statuses = [client.post("/konto/signup/", {"email": f"x{i}@example.dk"}, REMOTE_ADDR="10.0.0.9").status_code
                for i in range(21)]
    assert 429 not in statuses[:20] and statuses[20] == 429
    assert client.post("/konto/signup/", {"email": "y@example.dk"}, REMOTE_ADDR="10.0.0.10").status_code != 429


def test_task_applications_are_rate_limited(client, citizen, institution, institution_staff):
    from tests.taskbank.factories import TaskFactory

    tasks = [TaskFactory(institution=institution, contact=institution_staff) for _ in range(11)]
    client.force_login(citizen)
    for task in tasks:
        response = client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "hej", "availability": "altid"})
    assert "mange gange på kort tid" in response.content.decode()


def test_idea_submissions_are_rate_limited_per_person(client, citizen, other_citizen):
    from taskbank.models import Idea

    client.force_login(citizen)
    for i in range(6):
        response = client.post("/ideer/ny/", {"title": f"Idé {i}", "description": "En god idé", "area": "culture"},
                               REMOTE_ADDR=f"10.7.0.{i}")
    assert "mange gange på kort tid" in response.content.decode()
    assert Idea.objects.filter(proposer=citizen).count() == 5
    client.force_login(other_citizen)  # someone else is not affected
    client.post("/ideer/ny/", {"title": "Min idé", "description": "x", "area": "culture"}, REMOTE_ADDR="10.7.0.1")
    assert Idea.objects.filter(proposer=other_citizen).count() == 1


def test_hearing_responses_are_rate_limited_per_person(client, citizen):
    from django.utils import timezone

    from strategy.models import Hearing, HearingResponse

    now = timezone.now()
    hearing = Hearing.objects.create(slug="h", title="H", description="d", opens_at=now - timedelta(days=1),
                                     closes_at=now + timedelta(days=1))
    client.force_login(citizen)
    for i in range(6):
        response = client.post("/hoeringer/h/svar/", {"text": f"Svar {i}"}, REMOTE_ADDR=f"10.8.0.{i}")
    assert "mange gange på kort tid" in response.content.decode()
    assert HearingResponse.objects.filter(hearing=hearing).count() == 5


# frivillig.core.ratelimit, used by applications, hearing responses and ideas


def request_from(ip, user=None):
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    request.user = user or AnonymousUser()
    return request


def test_core_ratelimit_per_user_follows_the_user_across_addresses():
    user = UserFactory()
    results = [ratelimit.exceeded(request_from(f"10.1.0.{i}", user), "test.act", per_user="3/h") for i in range(4)]
    assert results == [False, False, False, True]


def test_core_ratelimit_per_ip_and_others_unaffected():
    user, other = UserFactory(), UserFactory()
    for _ in range(3):
        assert not ratelimit.exceeded(request_from("10.2.0.1", user), "test.act", per_user="10/h", per_ip="3/h")
    assert ratelimit.exceeded(request_from("10.2.0.1", user), "test.act", per_user="10/h", per_ip="3/h")
    # another person elsewhere, and the same person for another action, are not limited
    assert not ratelimit.exceeded(request_from("10.2.0.2", other), "test.act", per_user="10/h", per_ip="3/h")
    assert not ratelimit.exceeded(request_from("10.2.0.1", user), "test.other", per_user="10/h", per_ip="3/h")


def test_core_ratelimit_anonymous_is_counted_per_ip_only():
    for _ in range(2):
        assert not ratelimit.exceeded(request_from("10.3.0.1"), "test.act", per_user="1/h", per_ip="2/h")
    assert ratelimit.exceeded(request_from("10.3.0.1"), "test.act", per_user="1/h", per_ip="2/h")


def test_core_ratelimit_window_resets():
    user = UserFactory()
    with freeze_time("2026-03-02 09:00:00") as clock:
        assert not ratelimit.exceeded(request_from("10.4.0.1", user), "test.act", per_user="1/m")
        assert ratelimit.exceeded(request_from("10.4.0.1", user), "test.act", per_user="1/m")
        clock.tick(timedelta(seconds=61))
        assert not ratelimit.exceeded(request_from("10.4.0.1", user), "test.act", per_user="1/m")


def test_core_ratelimit_groups_ipv6_clients_by_their_64_network():
    """Pen-test row 15: one IPv6 client owns a /64 and could use a fresh address for every attempt."""
    for i in range(3):
        assert not ratelimit.exceeded(request_from(f"2001:db8:1:2::{i + 1:x}"), "test.v6", per_ip="3/h")
    assert ratelimit.exceeded(request_from("2001:db8:1:2:ffff:ffff:ffff:ffff"), "test.v6", per_ip="3/h")
    assert not ratelimit.exceeded(request_from("2001:db8:1:3::1"), "test.v6", per_ip="3/h")  # the next /64
    assert ratelimit.rate_key("::ffff:10.0.0.1") == "10.0.0.1" and ratelimit.rate_key("10.0.0.1") == "10.0.0.1"
