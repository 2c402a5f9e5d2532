from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm (typo-tolerant search) and unaccent; both are trusted extensions, so the database owner
    may create them."""

    dependencies = [("core", "0001_initial")]
    operations = [TrigramExtension(), UnaccentExtension()]
