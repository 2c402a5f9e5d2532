from django.db import migrations


def load(apps, schema_editor):
    """The vocabulary starts as the repository's thesaurus (frivillig/search/thesaurus_da.txt)."""
    from frivillig.search.dictionary import file_entries

    Entry = apps.get_model("search", "VocabularyEntry")
    for kind, term, words in file_entries():
        Entry.objects.get_or_create(term=term, defaults={"kind": kind, "words": ", ".join(words)})


class Migration(migrations.Migration):
    dependencies = [("search", "0002_vocabulary")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
