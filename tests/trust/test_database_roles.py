"""The access log is append-only for the application (issue 26, row 9): migrations run as the owner role, the
portal as a role that owns nothing (``manage.py grant_app_role``). Tested with the two roles: the test
connection is the owner; SET ROLE makes it the portal's role, which can still read and write every other table
and append to the log, but cannot update, delete, truncate, disable or drop its triggers, or alter the table."""

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, transaction

pytestmark = pytest.mark.django_db(transaction=True)

APP_ROLE = "frivillig_app"


@pytest.fixture
def as_portal_role():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_has_role(current_user, %s, 'MEMBER') FROM pg_roles WHERE rolname = %s",
                       [APP_ROLE, APP_ROLE])
        row = cursor.fetchone()
    if not row or not row[0]:
        pytest.skip(f"the role {APP_ROLE} (made by scripts/devservices.sh) is not available on this server")
    call_command("grant_app_role", APP_ROLE)
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {APP_ROLE}")
    try:
        yield
    finally:
        connection.rollback() if connection.in_atomic_block else None
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def _refused(statement: str) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    except Exception as exc:  # noqa: BLE001 - any refusal by the server counts; success does not
        cause = exc.__cause__ or exc
        return isinstance(cause, psycopg.errors.InsufficientPrivilege | psycopg.errors.RaiseException)
    return False


def test_the_portal_role_cannot_alter_or_empty_the_access_log(citizen, culture_admin, as_portal_role, client):
    from frivillig.core.audit import log_access
    from frivillig.core.models import PersonalDataAccess

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == APP_ROLE
    # The portal works as this role: it signs in, reads, writes other tables and appends to the log.
    client.force_login(culture_admin)
    assert client.get("/medarbejder/").status_code == 200
    log_access(actor=culture_admin, subjects=[citizen], reason="Sagsbehandling")
    assert PersonalDataAccess.objects.count() == 1
    table = "core_personaldataaccess"
    for statement in [
        f"ALTER TABLE {table} DISABLE TRIGGER ALL",
        f"ALTER TABLE {table} DISABLE TRIGGER core_access_log_no_truncate",
        f"DROP TRIGGER core_access_log_no_truncate ON {table}",
        f"TRUNCATE {table}",
        "SET LOCAL frivillig.allow_truncate = 'on'; TRUNCATE core_personaldataaccess",
        f"DELETE FROM {table}",
        f"UPDATE {table} SET reason = 'x'",
        f"ALTER TABLE {table} RENAME TO gone",
        f"DROP TABLE {table}",
    ]:
        assert _refused(statement), statement
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT DELETE ON {table} TO {APP_ROLE}")  # a warning, and nothing granted
        cursor.execute("SELECT has_table_privilege(%s, %s, 'DELETE') OR has_table_privilege(%s, %s, 'TRUNCATE')",
                       [APP_ROLE, table, APP_ROLE, table])
        assert cursor.fetchone()[0] is False
    assert PersonalDataAccess.objects.count() == 1


def test_the_owner_could_and_that_is_why_the_portal_must_not_be_it():
    """The reason for the two roles, shown on the owner: it may disable the log's triggers (then roll back)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ALTER TABLE core_personaldataaccess DISABLE TRIGGER USER")
        transaction.set_rollback(True)
