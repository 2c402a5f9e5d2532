"""make backup / make restore round trip on scratch databases of the same cluster."""

import os
import subprocess
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

ROOT = str(settings.BASE_DIR)


def admin_dsn(dbname="postgres"):
    db = settings.DATABASES["default"]
    return f"host={db['HOST']} port={db['PORT']} user={db['USER']} dbname={dbname}"


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path):
    src, dst = f"bk_src_{uuid.uuid4().hex[:8]}", f"bk_dst_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_dsn(connection.settings_dict["NAME"]), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{src}"')
        conn.execute(f'CREATE DATABASE "{dst}"')
    try:
        with psycopg.connect(admin_dsn(src), autocommit=True) as conn:
            conn.execute("CREATE TABLE task (id serial primary key, title text)")
            conn.execute("INSERT INTO task (title) SELECT 'Opgave ' || g FROM generate_series(1, 250) g")
            conn.execute("CREATE TABLE pool (id serial primary key, budget numeric)")
            conn.execute("INSERT INTO pool (budget) VALUES (100000), (250000)")
        db = settings.DATABASES["default"]
        env = {**os.environ, "MEDIA_ROOT": str(tmp_path / "media")}
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{src}"
        (tmp_path / "media").mkdir()
        (tmp_path / "media" / "bilag.txt").write_text("bilag")
        out = subprocess.run(["scripts/backup.sh", str(tmp_path / "backups")], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=120, check=True).stdout.strip().splitlines()[-1]
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{dst}"
        env["MEDIA_ROOT"] = str(tmp_path / "restored-media")
        subprocess.run(["scripts/restore.sh", out], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                       check=True)
        with psycopg.connect(admin_dsn(dst)) as conn:
            assert conn.execute("SELECT count(*) FROM task").fetchone()[0] == 250
            assert conn.execute("SELECT sum(budget) FROM pool").fetchone()[0] == 350000
        assert (tmp_path / "restored-media" / "bilag.txt").read_text() == "bilag"
    finally:
        with psycopg.connect(admin_dsn(connection.settings_dict["NAME"]), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{src}"')
            conn.execute(f'DROP DATABASE IF EXISTS "{dst}"')
