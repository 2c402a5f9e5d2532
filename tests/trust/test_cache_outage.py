"""Redis stops answering: the portal keeps serving (frivillig/core/cache.py) — computed pages, no sharing."""

import logging

import pytest
from django.test import Client

from frivillig.core import pagecache, ratelimit
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = {"default": {"BACKEND": "frivillig.core.cache.FailOpenRedisCache", "LOCATION": "redis://127.0.0.1:1/0",
                           "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = UNREACHABLE
    pagecache.clear_local()
    yield
    pagecache.clear_local()


def test_task_list_and_task_changes_work_without_the_cache(redis_down, institution, institution_staff, citizen,
                                                           caplog):
    from frivillig.core.cache import FailOpenRedisCache

    caplog.set_level(logging.WARNING, logger="frivillig.core.cache")
    FailOpenRedisCache._last_report = 0.0  # reported at most once a minute: the fixtures' saves came first
    TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere", town="holte")
    first = Client().get("/opgaver/")
    assert first.status_code == 200 and "Højtlæsning for beboere" in first.content.decode()
    # A change is saved (its signal cannot reach Redis) and shows on the next request.
    TaskFactory(institution=institution, contact=institution_staff, title="Naturpleje i Rude Skov", town="holte")
    assert "Naturpleje i Rude Skov" in Client().get("/opgaver/").content.decode()
    signed_in = Client()
    signed_in.force_login(citizen)
    page = signed_in.get("/opgaver/?by=holte")
    assert page.status_code == 200 and "Naturpleje i Rude Skov" in page.content.decode()
    assert "Cache unavailable" in caplog.text


def test_rate_limits_fail_open_without_the_cache(redis_down, rf, citizen):
    request = rf.post("/")
    request.user = citizen
    assert not any(ratelimit.exceeded(request, "test.action", per_user="1/m", per_ip="1/m") for _ in range(3))
