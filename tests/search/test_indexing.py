"""reindex() is fast (memoised word analysis, plain values, big batches) and writes exactly what the plain
per-task analysis gives: checked over the whole relevance corpus."""

import pytest
from django.db import connection
from django.utils import translation

from frivillig.search import dictionary, document
from frivillig.search.models import LexiconWord
from frivillig.search.text import fold_uncached, is_stop_word, stem, words
from taskbank.models import Competence, TargetGroup, Task
from taskbank.search import TOWN_ALIASES, reindex

from .loader import load_corpus

pytestmark = pytest.mark.django_db


def plain_fields(task):
    """The task's weighted texts read straight from the model, as indexing did before it was memoised."""
    with translation.override("da"):
        return [
            (task.title, "A"),
            (" ".join([task.institution.name, task.get_town_display(), TOWN_ALIASES.get(task.town, ""),
                       task.address]), "B"),
            (" ".join([task.summary, task.get_area_display(), *(str(Competence(c).label) for c in task.competences),
                       *(str(TargetGroup(g).label) for g in task.target_groups)]), "C"),
            (" ".join([task.description, task.schedule, task.language_requirements]), "D"),
        ]


def plain_analysis(fields):
    """The vector and lexicon words of one task, every word analysed afresh (no memoised function used)."""
    positions, lexicon, position = {}, {}, 0
    for text, weight in fields:
        for word in words(text):
            if is_stop_word(word):
                continue
            if len(word) >= 3:
                lexicon.setdefault(fold_uncached(word), word)
            position = min(position + 1, document.MAX_POSITION)
            folded = fold_uncached(word)
            parts = dictionary.split_compound.__wrapped__(folded)
            forms = [stem.__wrapped__(folded)] + [stem.__wrapped__(p) for p in parts]
            for form in dict.fromkeys(f for f in forms if f):
                entries = positions.setdefault(form, [])
                if len(entries) < 256:
                    entries.append(f"{position}{weight}")
        position = min(position + 1, document.MAX_POSITION)
    vector = " ".join(f"{document._quote(lexeme)}:{','.join(e)}" for lexeme, e in positions.items())
    return vector, lexicon


def test_reindex_writes_what_the_plain_analysis_gives_for_every_corpus_task():
    slugs = load_corpus()
    document.clear_caches()
    Task.objects.filter(pk__in=slugs).update(search_vector=None)
    LexiconWord.objects.all().delete()
    assert reindex(list(slugs), batch=7) == len(slugs)  # small batches: the batch boundaries are crossed too

    expected = {task.pk: plain_analysis(plain_fields(task))
                for task in Task.objects.filter(pk__in=slugs).select_related("institution")}
    with connection.cursor() as cursor:
        cursor.execute("SELECT t.id FROM taskbank_task t JOIN unnest(%s::bigint[], %s::text[]) AS v(id, vector) "
                       "ON t.id = v.id WHERE t.search_vector IS DISTINCT FROM v.vector::tsvector",
                       [list(expected), [vector for vector, _words in expected.values()]])
        differing = [slugs[row[0]] for row in cursor.fetchall()]
    assert differing == []
    assert all(vector for vector, _words in expected.values())
    written = dict(LexiconWord.objects.values_list("word", "written"))
    wanted = {}
    for _vector, lexicon in expected.values():
        wanted.update({k[:100]: v[:100] for k, v in lexicon.items() if k[:100] not in wanted})
    assert set(written) == set(wanted)


def test_the_memoised_analysis_forgets_when_told(monkeypatch, tmp_path):
    """After the word list changes, clear_caches() makes the next analysis use it."""
    fields = [("Fodboldtræner", "A")]
    assert "'tran':1A" in document.build_vector(fields)  # fodbold + træner
    monkeypatch.setattr(dictionary, "WORD_LIST", tmp_path / "missing.dic")
    document.clear_caches()
    try:
        assert document.build_vector(fields) == "'fodboldtran':1A"
    finally:
        monkeypatch.undo()
        document.clear_caches()
