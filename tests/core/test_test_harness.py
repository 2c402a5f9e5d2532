"""The test harness's own promises, which every other test stands on."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TransactionTestCase

from tests.conftest import _empty_tables_after_transactional_test


def _rows_per_table() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_after_a_transactional_test_the_database_is_as_flush_leaves_it(culture_admin, citizen):
    """The cleanup after each transactional test (DELETE in one transaction instead of Django's TRUNCATE) empties
    every table a test can fill, the append-only access log and the trigger-kept totals included, and leaves the
    content types, the permissions and one default site, as `flush` does."""
    from django.contrib.sites.models import Site

    from frivillig.core.audit import log_access
    from tests.grants.conftest import make_application

    call_command("load_portal_data", demo=True, verbosity=0)  # rows in every app, the grant totals' trigger too
    log_access(actor=culture_admin, subjects=[citizen], reason="Sagsbehandling")
    from grants.models import Pool

    make_application(Pool.objects.first(), citizen, amount="100")
    before = _rows_per_table()
    assert sum(n > 0 for n in before.values()) > 60  # the test really filled the schema

    _empty_tables_after_transactional_test(TransactionTestCase())

    left = {table: n for table, n in _rows_per_table().items() if n}
    assert set(left) == {"django_content_type", "auth_permission", "django_site"}, left
    assert left["django_content_type"] == before["django_content_type"]
    assert left["auth_permission"] == before["auth_permission"]
    site = Site.objects.get()
    assert (site.pk, site.domain, site.name) == (1, "example.com", "example.com")


def test_browser_tests_wait_for_what_they_assert_is_shown():
    """`assert locator.is_visible()` answers at once: right after a click that loads a page, the old page may still
    be there, and the test fails one run in many (CI did, on the wrong-password message). A browser test asserts
    what a person sees with Playwright's `expect(...)`, which waits for it. Every file under tests/e2e is read, so a
    new one is checked too."""
    import re
    from pathlib import Path

    instant = re.compile(r"^\s*assert\b.*\.(is_visible|is_hidden)\(\)")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((Path(__file__).parents[1] / "e2e").rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if instant.match(line)
    ]
    assert not found, "use expect(locator).to_be_visible() / .to_be_hidden():\n" + "\n".join(found)
