from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION core_access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_personaldataaccess is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_access_log_append_only
    BEFORE UPDATE OR DELETE ON core_personaldataaccess
    FOR EACH ROW EXECUTE FUNCTION core_access_log_append_only();
"""
REVERSE = """
DROP TRIGGER IF EXISTS core_access_log_append_only ON core_personaldataaccess;
DROP FUNCTION IF EXISTS core_access_log_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0003_access_log")]
    operations = [migrations.RunSQL(SQL, REVERSE)]
