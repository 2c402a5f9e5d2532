"""Finer statistics for the tasks' search vectors.

PostgreSQL estimates how many tasks a word finds from the most common words it samples; with the default
statistics target a word outside that list (a rare one, "kalligrafi") is estimated at five times its real count
at 1,000,000 tasks, and the planner then reads the tasks newest first, testing half a million of them, instead of
asking the GIN index (340 ms instead of 14 ms). A target of 1000 keeps the rare words' estimates within a few per
cent; ANALYZE of the table takes seconds longer at that size, in autovacuum's background."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("taskbank", "0009_task_status_updated")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE taskbank_task ALTER COLUMN search_vector SET STATISTICS 1000; ANALYZE taskbank_task;",
            "ALTER TABLE taskbank_task ALTER COLUMN search_vector SET STATISTICS -1;",
        ),
    ]
