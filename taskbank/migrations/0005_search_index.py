from django.db import migrations


def reindex(apps, schema_editor):
    """Every task indexed with the portal's search pipeline (frivillig/search; taskbank/search.py)."""
    from taskbank.search import reindex as reindex_tasks

    reindex_tasks()


class Migration(migrations.Migration):
    dependencies = [
        ("taskbank", "0004_waiting_applications_index"),
        ("search", "0001_initial"),
    ]
    operations = [migrations.RunPython(reindex, migrations.RunPython.noop, elidable=True)]
