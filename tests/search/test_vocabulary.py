"""The search's vocabulary is the Culture department's: kept on a staff page, effective at once, every change
logged (issue 28)."""

import pytest
from django.urls import reverse

from frivillig.search.dictionary import stored_entries
from frivillig.search.models import VocabularyChange, VocabularyEntry
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db

URL = "/medarbejder/soegning/ordforraad/"


def titles(response):
    return [t.title for t in response.context["page"]]


@pytest.fixture
def tasks(institution, institution_staff):
    return [TaskFactory(institution=institution, contact=institution_staff, title="Besøgsven for en beboer"),
            TaskFactory(institution=institution, contact=institution_staff, title="Frivillig gartner")]


def test_the_vocabulary_starts_as_the_repository_thesaurus():
    """Migration 0003 stores the file; a database whose tables were emptied (a transactional test's flush) reads
    the file until its first change, which stores it."""
    entries = {term: (kind, words) for kind, term, words in stored_entries()}
    assert entries["plejehjem"] == ("synonyms", ["plejecenter", "plejebolig", "ældrecenter", "omsorgscenter"])
    assert entries["udendørs"][0] == "concept"


def test_only_the_culture_department_keeps_the_vocabulary(client, citizen, institution_staff, culture_admin):
    assert client.get(URL).status_code == 302
    for person in (citizen, institution_staff):
        client.force_login(person)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"kind": "synonyms", "term": "hyggeven", "words": "besøgsven"}).status_code == 403
    assert not VocabularyEntry.objects.filter(term="hyggeven").exists()
    client.force_login(culture_admin)
    assert "Søgningens ordforråd" in client.get(URL).content.decode()
    assert "Søgningens ordforråd" in client.get("/medarbejder/").content.decode()


def test_a_new_synonym_is_used_by_the_next_search_and_logged(client, culture_admin, tasks):
    assert titles(client.get("/opgaver/", {"q": "hyggeven"})) == []
    client.force_login(culture_admin)
    response = client.post(URL, {"kind": "synonyms", "term": "hyggeven", "words": "besøgsven, selskab"}, follow=True)
    assert "Ordet er tilføjet" in response.content.decode()
    assert titles(client.get("/opgaver/", {"q": "hyggeven"})) == ["Besøgsven for en beboer"]
    change = VocabularyChange.objects.get(term="hyggeven")
    assert change.actor == culture_admin and change.action == "added" and "besøgsven" in change.after
    html = client.get(URL).content.decode()
    assert "hyggeven" in html and "plejecenter" in html  # the file's entries are kept beside the new one


def test_a_concept_finds_its_words_but_not_the_other_way_round(client, culture_admin, tasks):
    client.force_login(culture_admin)
    client.post(URL, {"kind": "concept", "term": "grønne hænder", "words": "gartner"})
    client.post(URL, {"kind": "concept", "term": "haveliv", "words": "gartner, besøgsven"})
    assert set(titles(client.get("/opgaver/", {"q": "haveliv"}))) == {"Frivillig gartner", "Besøgsven for en beboer"}
    assert titles(client.get("/opgaver/", {"q": "gartner"})) == ["Frivillig gartner"]


def test_editing_and_deleting_take_effect_at_once_and_are_logged(client, culture_admin, tasks):
    client.force_login(culture_admin)
    client.post(URL, {"kind": "synonyms", "term": "hyggeven", "words": "besøgsven"})
    entry = VocabularyEntry.objects.get(term="hyggeven")
    client.post(reverse("search:edit_entry", args=[entry.pk]), {"kind": "synonyms", "term": "hyggeven",
                                                                 "words": "gartner"})
    assert titles(client.get("/opgaver/", {"q": "hyggeven"})) == ["Frivillig gartner"]
    client.post(reverse("search:delete_entry", args=[entry.pk]))
    assert titles(client.get("/opgaver/", {"q": "hyggeven"})) == []
    actions = list(VocabularyChange.objects.filter(term="hyggeven").values_list("action", "before"))
    assert [a for a, _b in actions] == ["deleted", "changed", "added"]
    assert "gartner" in actions[0][1] and "besøgsven" in actions[1][1]


def test_an_empty_word_list_is_refused_with_the_form_shown_again(client, culture_admin):
    client.force_login(culture_admin)
    html = client.post(URL, {"kind": "synonyms", "term": "hyggeven", "words": " , "}).content.decode()
    assert "Skriv mindst ét ord" in html and not VocabularyEntry.objects.filter(term="hyggeven").exists()
