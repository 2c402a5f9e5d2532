#!/bin/sh
# Run once by the postgres image when the data directory is created: the portal's own role, which owns nothing.
# Migrations run as the owner ($POSTGRES_USER); `manage.py grant_app_role frivillig_app` then grants this role
# every table except UPDATE/DELETE/TRUNCATE of the access log (SECURITY.md, "The access log is append-only").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE frivillig_app LOGIN PASSWORD '${APP_DB_PASSWORD}';
SQL
