"""Personas shared by every app's tests. Each persona is a real user with a verified e-mail and the
roles its name says. Apps add fixtures for their own objects in tests/<app>/conftest.py."""

import html
import os
import re
import shutil

import pytest
from django.utils.html import strip_tags

from frivillig.accounts.models import Role
from tests.factories import AssociationFactory, OrganisationFactory, RoleAssignmentFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def heading(response) -> str:
    """The page's <h1> as a person reads it (a 200 answer whose heading is what a test expects is the page that
    was asked for, not an error page, a login form or an empty template)."""
    assert response.status_code == 200, f"{response.status_code} instead of a page"
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert found, "the page has no <h1>"
    return " ".join(html.unescape(strip_tags(found.group(1))).split())


def worker_index() -> int:
    """This test process's number under pytest-xdist (gw0, gw1, …; 0 when the suite runs in one process). Each
    worker has a database of its own (pytest-django: test_frivillig_gw0, …) and its own memory cache and outbox."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def worker_redis_url() -> str:
    """A Redis database of this worker's own, for the few tests that need the real Redis (8–15: 0 is `make run`'s,
    7 the benchmark's). A test that uses it empties it first."""
    from django.conf import settings

    return settings.REDIS_URL.rsplit("/", 1)[0] + f"/{8 + worker_index() % 8}"


def _empty_tables_after_transactional_test(self):
    """What Django's TransactionTestCase does after each transactional test (every e2e test, every test with a
    live server or real transactions), in a fraction of the time. Django runs `flush`: one TRUNCATE of all ~120
    tables, then post_migrate, which writes the content types, the permissions and the default site again.
    TRUNCATE gives every table and index new files, and its CASCADE reaches the ~60 tables that point at the user
    table: 0.3-2 s of PostgreSQL's time a test. Here, in one transaction: DELETE the rows of the tables that hold
    any (the foreign keys are deferred to the commit, as Django makes them, so the order does not matter; a
    statement trigger that writes a total again, e.g. grants' case totals, is caught by the next round); TRUNCATE
    the append-only access log, whose row trigger refuses DELETE; keep the content types and permissions, which
    no test writes and post_migrate would only write again as they are; and recreate the default site (accounts'
    seed renames it) as post_migrate does. The database is left as flush leaves it."""
    from django.apps import apps
    from django.contrib.sites.management import create_default_site
    from django.db import connections, transaction

    kept = {"django_content_type", "auth_permission"}
    append_only = {"core_personaldataaccess"}
    for db_name in self._databases_names(include_mirrors=False):
        connection = connections[db_name]
        tables = [t for t in connection.introspection.django_table_names(only_existing=True, include_views=False)
                  if t not in kept]
        quote = connection.ops.quote_name
        filled_sql = " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(t)})" for t in tables)
        with transaction.atomic(using=db_name), connection.cursor() as cursor:
            for round_ in range(6):
                cursor.execute(filled_sql, tables)
                filled = [row[0] for row in cursor.fetchall()]
                if not filled:
                    break
                if round_ == 5:
                    raise RuntimeError(f"tables that fill again after each DELETE: {filled}")
                for table in filled:
                    cursor.execute(f"{'TRUNCATE' if table in append_only else 'DELETE FROM'} {quote(table)}")
        create_default_site(apps.get_app_config("sites"), verbosity=0, using=db_name)


def pytest_configure(config):
    from django.test import TransactionTestCase

    TransactionTestCase._fixture_teardown = _empty_tables_after_transactional_test


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    """Each test has uploads and documents of its own; in a module that built its world once (module_db), a copy
    of the world's files, so that a test that erases or replaces one leaves it for the next."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shared = getattr(request.module, "_shared_media", None)
    if shared is not None and shared.exists():
        shutil.copytree(shared, settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (rate limits, cached task listings)."""
    from django.core.cache import cache

    from frivillig.core.pagecache import clear_local

    cache.clear()
    clear_local()
    yield
    cache.clear()
    clear_local()


# The personas, each made by one function (an organisation first where a persona works for one). A test asks for
# them as fixtures; a module that builds its world once (module_personas) gets the world's.
PERSONAS = {
    "institution": lambda made: OrganisationFactory(name="Plejecenter Skovly"),
    "other_institution": lambda made: OrganisationFactory(name="Nærum Skole"),
    "association": lambda made: AssociationFactory(name="Holte Roklub"),
    "citizen": lambda made: UserFactory(email="citizen@example.dk", full_name="Anna Andersen"),
    "other_citizen": lambda made: UserFactory(email="other.citizen@example.dk", full_name="Bo Bertelsen"),
    "unverified_citizen": lambda made: UserFactory(email="unverified@example.dk", full_name="Ulla Ubekræftet",
                                                   verified=False),
    "association_rep": lambda made: RoleAssignmentFactory(
        role=Role.ASSOCIATION_REP, organisation=made["association"],
        user=UserFactory(email="rep@example.dk", full_name="Rikke Roklub")).user,
    "institution_staff": lambda made: RoleAssignmentFactory(
        role=Role.INSTITUTION_STAFF, organisation=made["institution"],
        user=UserFactory(email="staff@example.dk", full_name="Signe Skovly")).user,
    "other_institution_staff": lambda made: RoleAssignmentFactory(
        role=Role.INSTITUTION_STAFF, organisation=made["other_institution"],
        user=UserFactory(email="other.staff@example.dk", full_name="Ole Andenskole")).user,
    "culture_admin": lambda made: RoleAssignmentFactory(
        role=Role.CULTURE_ADMIN, organisation=None,
        user=UserFactory(email="kultur@example.dk", full_name="Karin Kultur")).user,
    "steering_member": lambda made: RoleAssignmentFactory(
        role=Role.STEERING_MEMBER, organisation=None, area="social",
        user=UserFactory(email="styre@example.dk", full_name="Søren Styre")).user,
    "network_member": lambda made: RoleAssignmentFactory(
        role=Role.NETWORK_MEMBER, organisation=None,
        user=UserFactory(email="net@example.dk", full_name="Nanna Net")).user,
    # Staff of Frivilligcenter Rudersdal, the municipality's party to the cooperation agreement.
    "volunteer_centre": lambda made: RoleAssignmentFactory(
        role=Role.VOLUNTEER_CENTRE,
        organisation=OrganisationFactory(name="Frivilligcenter Rudersdal", kind="volunteer_centre", area=""),
        user=UserFactory(email="center@example.dk", full_name="Frida Center")).user,
}


def _persona(request, name, **made):
    """The persona for this test: the module's shared one (read afresh, so one test's changes to the Python object
    do not reach the next) if the module built its world once, else a new one in the test's transaction."""
    shared = getattr(request.module, "_shared_personas", None)
    if shared is not None:
        obj = shared[name]
        return type(obj)._default_manager.get(pk=obj.pk)
    return PERSONAS[name](made)


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """One transaction around a whole test module, for a world that is dear to build (PDFs rendered, rows in every
    app) and that every test of the module reads. What module-scoped fixtures write with it is there for each
    test; each test's own writes roll back to a savepoint at its end (pytest-django's `db` nests inside, as
    Django's TestCase.setUpTestData does); after the module the whole transaction is rolled back. The world's
    files go to a media folder of the module's, which each test gets a copy of (_media_root). Not for a module
    with transactional tests (live server, browser): those need to commit."""
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("module-media") / "media"
    files = override_settings(MEDIA_ROOT=media)
    files.enable()
    request.module._shared_media = media
    try:
        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer.__enter__()
        try:
            yield
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
    finally:
        del request.module._shared_media
        files.disable()


def run_on_commit(*, using="default", execute=True):
    """django_capture_on_commit_callbacks for a module-scoped fixture: run what a transaction would run on commit."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(using=using, execute=execute)


@pytest.fixture(scope="module")
def module_personas(request, module_db, django_db_blocker):
    """Every persona, made once for the module (see module_db); the persona fixtures hand these out meanwhile."""
    made = {}
    with django_db_blocker.unblock():
        for name, make in PERSONAS.items():
            made[name] = make(made)
    request.module._shared_personas = made
    yield made
    del request.module._shared_personas


@pytest.fixture
def institution(db, request):
    return _persona(request, "institution")


@pytest.fixture
def other_institution(db, request):
    return _persona(request, "other_institution")


@pytest.fixture
def association(db, request):
    return _persona(request, "association")


@pytest.fixture
def citizen(db, request):
    return _persona(request, "citizen")


@pytest.fixture
def other_citizen(db, request):
    return _persona(request, "other_citizen")


@pytest.fixture
def unverified_citizen(db, request):
    return _persona(request, "unverified_citizen")


@pytest.fixture
def association_rep(db, request, association):
    return _persona(request, "association_rep", association=association)


@pytest.fixture
def institution_staff(db, request, institution):
    return _persona(request, "institution_staff", institution=institution)


@pytest.fixture
def other_institution_staff(db, request, other_institution):
    return _persona(request, "other_institution_staff", other_institution=other_institution)


@pytest.fixture
def culture_admin(db, request):
    return _persona(request, "culture_admin")


@pytest.fixture
def steering_member(db, request):
    return _persona(request, "steering_member")


@pytest.fixture
def network_member(db, request):
    return _persona(request, "network_member")


@pytest.fixture
def volunteer_centre(db, request):
    """Staff of Frivilligcenter Rudersdal, the municipality's party to the cooperation agreement."""
    return _persona(request, "volunteer_centre")


# The longest tests start first within their kind (pytest-django runs plain database tests, then transactional
# ones, then the rest, as Django does): under pytest-xdist a long test that starts last ends last.
LONGEST_FIRST = ("tests/trust/test_url_walk.py", "tests/trust/test_worker_crash.py",
                 "tests/core/test_page_cache_invariant.py", "tests/e2e/test_associations.py", "tests/e2e/test_grants.py",
                 "tests/e2e/test_axe_sweep.py", "tests/e2e/test_strategy.py", "tests/e2e/test_trust.py",
                 "tests/trust/test_access_log_coverage.py", "tests/core/test_danish_output.py",
                 "tests/core/test_example_text_invariant.py", "tests/trust/test_erasure_invariants.py")


def _kind(item) -> int:
    """pytest-django's order: 0 database, 1 transactional database, 2 none."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    transactional = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    if transactional or "transactional_db" in fixtures or "live_server" in fixtures:
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    def rank(item):
        path = item.nodeid.split("::")[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=lambda item: (_kind(item), rank(item)))
