"""The search pipeline as a person notices it: spelling, compounds, several words, typos, highlighting, ranking,
and the same pipeline for ideas and the policy pages."""

import pytest
from django.urls import reverse

from frivillig.search import dictionary, document
from frivillig.search.document import word_forms
from frivillig.search.text import fold
from taskbank.models import Idea
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db


def test_danish_letters_and_their_ascii_spellings_meet():
    assert fold("ældre") == fold("aeldre") == fold("aldre")
    assert fold("Høsterkøb") == fold("hoesterkoeb") == fold("hosterkob")
    assert fold("gå") == fold("gaa") == fold("ga")


def test_compounds_are_split_with_the_danish_word_list():
    assert {"las", "hojt"} <= set(word_forms("højtlæsning"))  # stems: læsning, læse and læser all give "las"
    assert {"fodbold", "tran"} <= set(word_forms("fodboldtræner"))
    assert {"kontakt", "person"} <= set(word_forms("kontaktperson"))
    assert word_forms("opgaven") == ("opgav",)  # not op + gave + n
    assert "lige" not in word_forms("frivillige")  # a derivational ending is not a word of a compound


def test_without_the_word_list_search_still_finds_by_prefix(client, institution, institution_staff, monkeypatch,
                                                             tmp_path):
    monkeypatch.setattr(dictionary, "WORD_LIST", tmp_path / "missing.dic")
    document.clear_caches()
    try:
        TaskFactory(institution=institution, contact=institution_staff, title="Fodboldtræner for U10")
        assert dictionary.known_words() == frozenset()
        assert titles(client.get("/opgaver/", {"q": "fodbold"})) == ["Fodboldtræner for U10"]
    finally:
        monkeypatch.undo()
        document.clear_caches()


def titles(response):
    return [t.title for t in response.context["page"]]


@pytest.fixture
def bank(institution, institution_staff, other_institution):
    make = lambda **kw: TaskFactory(contact=institution_staff, **{"institution": institution, **kw})  # noqa: E731
    return {
        "walk": make(title="Gåtursven", summary="Tag en beboer med ud en gang om ugen.", town="naerum"),
        "reading": make(title="Oplæsning i dagligstuen", summary="Læs avisen højt for beboerne.", town="holte"),
        "homework": make(title="Lektiecafé", summary="Hjælp elever med matematik.", town="birkeroed",
                         institution=other_institution),
        "garden": make(title="Frivillig gartner", summary="Pas højbedene.",
                       description="Havearbejde med beboerne: gå en tur i haven og luge.", town="holte"),
    }


def test_several_words_find_the_tasks_with_most_of_them(client, bank):
    found = titles(client.get("/opgaver/", {"q": "gå tur med ældre"}))
    assert found[0] == "Gåtursven"  # gåtur = gå + tur, beboere ~ ældre
    assert "Frivillig gartner" in found  # "gå en tur" in its description


def test_institution_and_town_are_searchable(client, bank):
    assert titles(client.get("/opgaver/", {"q": "naerum skole"}))[0] == "Lektiecafé"  # Nærum Skole's task
    assert set(titles(client.get("/opgaver/", {"q": "plejecenter holte"}))[:2]) == {
        "Oplæsning i dagligstuen", "Frivillig gartner"}


def test_a_renamed_institution_is_found_by_its_new_name(client, bank, institution):
    institution.name = "Plejecenter Egebakken"
    institution.save()
    assert "Gåtursven" in titles(client.get("/opgaver/", {"q": "egebakken"}))


def test_a_misspelt_word_is_corrected_and_said(client, bank):
    html = client.get("/opgaver/", {"q": "lektiecafé matematk"}).content.decode()
    assert "Mente du" in html and "lektiecafé matematik" in html
    assert "Lektiecafé" in html


def test_junk_finds_nothing_and_suggests_nothing(client, bank):
    html = client.get("/opgaver/", {"q": "kryptovaluta"}).content.decode()
    assert "Ingen opgaver passer til din søgning" in html and "Mente du" not in html


def test_matches_are_highlighted_and_text_is_escaped(client, bank, institution, institution_staff):
    TaskFactory(institution=institution, contact=institution_staff, title="<b>Oplæsning</b> & kaffe")
    html = client.get("/opgaver/", {"q": "læsning"}).content.decode()
    assert "&lt;b&gt;<mark>Oplæsning</mark>&lt;/b&gt; &amp; kaffe" in html
    assert "<b>Oplæsning" not in html


def test_a_typed_search_is_ranked_unless_another_order_is_chosen(client, bank, institution, institution_staff):
    TaskFactory(institution=institution, contact=institution_staff, title="Kaffe og snak",
                description="Vi hjælper også med lidt havearbejde.")  # newest, but only mentions it
    assert titles(client.get("/opgaver/", {"q": "havearbejde"}))[0] == "Frivillig gartner"
    assert titles(client.get("/opgaver/", {"q": "havearbejde", "sorter": "nyeste"}))[0] == "Kaffe og snak"
    html = client.get("/opgaver/").content.decode()
    assert '<option value="relevans" selected>' in html


def test_ideas_are_searched_with_the_same_pipeline(client, citizen):
    Idea.objects.create(proposer=citizen, title="Gåture for ældre i Nærum", description="Fælles gåtur hver uge.",
                        status=Idea.Status.ANSWERED, answer="God idé.")
    Idea.objects.create(proposer=citizen, title="Byttecentral for legetøj", description="Til familier.",
                        status=Idea.Status.ANSWERED, answer="Tak.")
    html = client.get(reverse("taskbank:idea_list"), {"q": "aeldre naerum"}).content.decode()
    assert "<mark>ældre</mark>" in html and "Byttecentral" not in html


def test_the_planner_setting_of_a_search_ends_with_it(client, bank):
    """The search asks PostgreSQL to prefer the GIN index for its own queries only: in a longer transaction (a
    test, a management command, ATOMIC_REQUESTS) the requests after it must plan as usual."""
    from django.db import connection

    def seqscan():
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            return cursor.fetchone()[0]

    assert seqscan() == "on"
    assert titles(client.get("/opgaver/", {"q": "læsning ældre"}))
    assert seqscan() == "on"


def test_rare_words_are_estimated_from_fine_statistics():
    """The planner chooses between the GIN index and reading tasks newest first from its estimate of how many
    tasks a word finds; the search vectors keep the finer statistics that make a rare word's estimate right at
    1,000,000 tasks (taskbank migration 0010; the bench's "rare word" measures the difference)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT attstattarget FROM pg_attribute WHERE attrelid = 'taskbank_task'::regclass "
                       "AND attname = 'search_vector'")
        assert cursor.fetchone()[0] >= 1000


def test_the_skeleton_in_sql_agrees_with_the_pipeline_on_every_corpus_word():
    """lexicon.suggest folds the typed word in SQL with PostgreSQL's unaccent; indexing folds in Python: both
    must give the same skeleton."""
    from django.db import connection

    from frivillig.search.text import SKELETON_SQL, words

    from .corpus import INSTITUTIONS, tasks

    texts = [" ".join(map(str, row)) for row in INSTITUTIONS]
    texts += [" ".join(str(v) for v in fields.values()) for _s, _a, _p, fields in tasks()]
    written = sorted({w for t in texts for w in words(t)} | {"Ærø", "hoejtlaesning", "café", "Müller", "straße"})
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {SKELETON_SQL.format('w')} FROM unnest(%s::text[]) WITH ORDINALITY AS r(w, n) "
                       "ORDER BY n", [written])
        in_sql = [row[0] for row in cursor.fetchall()]
    assert [w for w, s in zip(written, in_sql, strict=True) if fold(w) != s] == []


def test_ideas_and_policy_rank_with_the_task_ranking():
    """One ranking: the small collections are scored by the same SQL as tasks (frivillig/search/sql.py)."""
    import frivillig.search
    from frivillig.search import sql
    from frivillig.search.query import parse

    assert not hasattr(frivillig.search, "ranking")
    vectors = [document.build_vector([("Kaffe", "A"), ("lidt havearbejde", "D")]),
               document.build_vector([("Havearbejde", "A")]), document.build_vector([("Strikning", "A")])]
    assert [i for i, _score in sql.rank_rows(parse("havearbejde"), vectors)] == [1, 0]
