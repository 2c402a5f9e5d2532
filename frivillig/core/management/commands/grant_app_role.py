"""Give the portal's own database role what it needs and nothing more (run by the owner role, after migrate).

Production runs migrations as the role that owns the tables and the portal (web, worker, beat) as another role
that does not: a role that owns a table can DISABLE its triggers, drop them, or TRUNCATE it, so only a role that
owns nothing keeps the access log append-only (issue 26, row 9). This command grants that role reading and
writing of every table and sequence of the schema (and of tables created later by the owner), and takes back
UPDATE, DELETE and TRUNCATE of the access log. It is idempotent: run it after every migrate.

    DATABASE_URL=$DATABASE_OWNER_URL python manage.py migrate
    DATABASE_URL=$DATABASE_OWNER_URL python manage.py grant_app_role frivillig_app
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from psycopg import sql

APPEND_ONLY = ["core_personaldataaccess"]


def grant(role: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            raise CommandError(f"The role {role} does not exist: create it first (CREATE ROLE {role} LOGIN PASSWORD …).")
        cursor.execute("SELECT current_schema()")
        schema = sql.Identifier(cursor.fetchone()[0])
        name = sql.Identifier(role)
        statements = [
            sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, name),
            sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(schema, name),
            sql.SQL("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, name),
            sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}")
            .format(schema, name),
            sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {}")
            .format(schema, name),
            *(sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON {} FROM {}").format(
                sql.Identifier(table), name) for table in APPEND_ONLY),
        ]
        for statement in statements:
            cursor.execute(statement)


class Command(BaseCommand):
    help = "Grant the portal's database role read/write on every table except the append-only access log."

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the portal connects as (not the owner of the tables)")

    def handle(self, *args, role, **options):
        grant(role)
        self.stdout.write(f"Granted {role}: every table, the access log append-only.")
