import pytest

from . import report
from .generate import generate, size_name, vacuum


@pytest.fixture(scope="session")
def bench_size() -> str:
    """BENCH_SIZE (10k, 100k, 1m): `make bench SIZES=10k,100k,1m` runs the suite once per size, each in its own
    database (bench_frivillig_<size>)."""
    return size_name()


@pytest.fixture(scope="session")
def bench_data(django_db_setup, django_db_blocker, bench_size):
    """The volumes of issue 16 at the chosen size, generated once into that size's database (kept by --reuse-db)."""
    with django_db_blocker.unblock():
        result = generate(report=lambda line: print(f"  generate {bench_size} {line}", flush=True), size=bench_size)
        if result.get("generated"):
            vacuum(report=lambda line: print(f"  generate {bench_size} {line}", flush=True))
            report.record("setup", "data generation", seconds=result["seconds"])
    return result


@pytest.fixture(scope="session")
def bench_session_cookie(bench_data, django_db_blocker) -> str:
    """A committed session of a citizen in the benchmark database, as a Cookie header: signed-in visitors are
    never served the shared page, so their figure is that of a rendered task list. The header also carries the
    CSRF cookie, as a signed-in browser's does (Django sets it at login); without it every request would mint
    and set a new CSRF secret, which no real visitor after the first page causes."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import _get_new_csrf_string

    with django_db_blocker.unblock():
        user, _ = get_user_model().objects.get_or_create(email="bench.citizen@example.dk",
                                                         defaults={"full_name": "Bench Borger"})
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
    return (f"Cookie: {settings.SESSION_COOKIE_NAME}={session.session_key}; "
            f"{settings.CSRF_COOKIE_NAME}={_get_new_csrf_string()}")


def pytest_sessionfinish(session, exitstatus):
    report.write_and_print(size_name())
