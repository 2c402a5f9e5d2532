from django.db import migrations

# TRUNCATE fires no row trigger, so the append-only rule of 0004 did not cover it. A statement trigger refuses it,
# unless the session was started with frivillig.allow_truncate=on (only the test settings do this: Django empties
# the tables between transactional tests with one TRUNCATE).
SQL = """
CREATE OR REPLACE FUNCTION core_access_log_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('frivillig.allow_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'core_personaldataaccess is append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_access_log_no_truncate
    BEFORE TRUNCATE ON core_personaldataaccess
    FOR EACH STATEMENT EXECUTE FUNCTION core_access_log_no_truncate();
"""
REVERSE = """
DROP TRIGGER IF EXISTS core_access_log_no_truncate ON core_personaldataaccess;
DROP FUNCTION IF EXISTS core_access_log_no_truncate();
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0005_notification_headers")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
