"""make backup / make restore: a round trip of the portal's real schema and rows into a scratch database of the
same cluster, row counts equal for every table; a restore over a changed database brings it back."""

import os
import subprocess
import time
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from frivillig.core.audit import log_access
from frivillig.core.models import Notification
from tests.factories import UserFactory

ROOT = str(settings.BASE_DIR)


def dsn(dbname):
    db = settings.DATABASES["default"]
    return f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={dbname}"


def url(dbname):
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{dbname}"


def row_counts(dbname) -> dict:
    with psycopg.connect(dsn(dbname)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def run(script, *args, env):
    return subprocess.run([script, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path, citizen, institution_staff):
    for i in range(25):
        UserFactory(email=f"frivillig{i}@example.dk")
    log_access(actor=institution_staff, subjects=[citizen], reason="Behandling af ansøgning")
    Notification.objects.create(kind="x", to_email="a@example.dk", subject="Hej", body_text="b")
    source = connection.settings_dict["NAME"]
    scratch = f"restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dsn(source), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{scratch}"')
    try:
        media = tmp_path / "media"
        (media / "documents").mkdir(parents=True)
        (media / "documents" / "bilag.pdf").write_bytes(b"%PDF-1.7 bilag")
        env = {**os.environ, "DATABASE_URL": url(source), "MEDIA_ROOT": str(media)}
        backup = run("scripts/backup.sh", str(tmp_path / "backups"), env=env)
        assert backup.returncode == 0, backup.stderr
        dump = backup.stdout.strip().splitlines()[-1]
        assert os.stat(dump).st_mode & 0o077 == 0  # personal data: owner only
        assert not list((tmp_path / "backups").glob("*.partial"))

        env.update(DATABASE_URL=url(scratch), MEDIA_ROOT=str(tmp_path / "restored-media"))
        restore = run("scripts/restore.sh", dump, env=env)
        assert restore.returncode == 0, restore.stderr
        expected = row_counts(source)
        assert expected["accounts_user"] >= 27 and expected["core_personaldataaccess"] == 1
        assert row_counts(scratch) == expected
        assert (tmp_path / "restored-media" / "documents" / "bilag.pdf").read_bytes() == b"%PDF-1.7 bilag"

        # a restore over a database that has changed since brings back the backed-up state
        with psycopg.connect(dsn(scratch), autocommit=True) as conn:
            conn.execute("DELETE FROM core_notification")
            conn.execute("CREATE TABLE stray (id int)")
        assert run("scripts/restore.sh", dump, env=env).returncode == 0
        assert {t: n for t, n in row_counts(scratch).items() if t != "stray"} == expected
    finally:
        drop_database(source, scratch)


def drop_database(source, name, attempts=20):
    """FORCE ends the test's own connections, but not an autovacuum worker that PostgreSQL (a superuser) may have
    started on the freshly restored database: then the drop is refused for a moment; try again."""
    for attempt in range(attempts):
        try:
            with psycopg.connect(dsn(source), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


def test_restore_without_a_file_explains_itself():
    result = run("scripts/restore.sh", env=dict(os.environ))
    assert result.returncode == 2 and "usage" in result.stderr


def test_make_targets_call_the_scripts():
    dry = subprocess.run(["make", "-n", "backup", "restore", "FILE=backups/x.dump"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert "scripts/backup.sh" in dry.stdout and 'scripts/restore.sh "backups/x.dump"' in dry.stdout
