from django.db import migrations

# grants_poolcasetotals follows the cases exactly: statement-level triggers with transition tables add what a
# statement inserted and subtract what it deleted (an update does both), grouped per (pool, status, budget year),
# so a bulk change touches each totals row once. The rows are upserted in key order, so two transactions lock
# them in the same order. The first statement fills the table from the cases already there.
_DELTA = """
    INSERT INTO grants_poolcasetotals AS t (pool_id, status, budget_year, count, requested, recommended, approved)
    SELECT pool_id, status, budget_year, sum(n), sum(requested), sum(recommended), sum(approved) FROM ({rows}) d
     GROUP BY pool_id, status, budget_year ORDER BY pool_id, status, budget_year
    ON CONFLICT (pool_id, status, budget_year) DO UPDATE SET count = t.count + EXCLUDED.count,
        requested = t.requested + EXCLUDED.requested, recommended = t.recommended + EXCLUDED.recommended,
        approved = t.approved + EXCLUDED.approved;
"""
_ROWS = ("SELECT pool_id, status, budget_year, {sign} AS n, {sign} * coalesce(amount_requested, 0) AS requested, "
         "{sign} * coalesce(recommended_amount, 0) AS recommended, {sign} * coalesce(approved_amount, 0) AS approved "
         "FROM {table}")
_ADDED = _ROWS.format(sign=1, table="new_rows")
_REMOVED = _ROWS.format(sign=-1, table="old_rows")
FORWARD = f"""
{_DELTA.format(rows=_ROWS.format(sign=1, table="grants_grantapplication"))}
CREATE FUNCTION grants_case_totals_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN {_DELTA.format(rows=_ADDED)} RETURN NULL; END $$;
CREATE FUNCTION grants_case_totals_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN {_DELTA.format(rows=_REMOVED)} RETURN NULL; END $$;
CREATE FUNCTION grants_case_totals_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN {_DELTA.format(rows=_ADDED + " UNION ALL " + _REMOVED)} RETURN NULL; END $$;
CREATE TRIGGER grants_case_totals_ins AFTER INSERT ON grants_grantapplication
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grants_case_totals_ins();
CREATE TRIGGER grants_case_totals_del AFTER DELETE ON grants_grantapplication
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION grants_case_totals_del();
CREATE TRIGGER grants_case_totals_upd AFTER UPDATE ON grants_grantapplication
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grants_case_totals_upd();
"""
BACKWARD = """
DROP TRIGGER grants_case_totals_ins ON grants_grantapplication;
DROP TRIGGER grants_case_totals_del ON grants_grantapplication;
DROP TRIGGER grants_case_totals_upd ON grants_grantapplication;
DROP FUNCTION grants_case_totals_ins();
DROP FUNCTION grants_case_totals_del();
DROP FUNCTION grants_case_totals_upd();
"""



class Migration(migrations.Migration):
    """A migration of its own: the totals' unique key (0004) exists only once 0004 has finished, and ON CONFLICT
    needs it."""

    dependencies = [
        ("grants", "0004_pool_case_totals"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
