"""What the portal understood from the words of a search is shown as removable choices and never carried into the
next search (issues 27 and 28)."""

import pytest

from taskbank.search import without_word
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [t.title for t in response.context["page"]]


@pytest.fixture
def bank(institution, institution_staff, other_institution):
    make = lambda **kw: TaskFactory(contact=institution_staff, **{"institution": institution, **kw})  # noqa: E731
    return [
        make(title="Lektiecafé i Holte", summary="Hjælp elever.", town="holte", target_groups=["young"]),
        make(title="Lektiehjælp", summary="Hjælp elever med matematik.", town="birkeroed", target_groups=["young"],
             institution=other_institution),
        make(title="Højtlæsning", summary="Læs højt for beboerne om lørdagen.", town="holte",
             target_groups=["seniors"]),
    ]


def test_a_town_typed_is_shown_as_a_removable_choice(client, bank):
    response = client.get("/opgaver/", {"q": "lektiehjælp holte"})
    html = response.content.decode()
    assert "Søgningen er forstået som" in html and "By: Holte" in html
    assert 'href="?q=lektiehj%C3%A6lp"' in html  # the choice's ×: the same search without the town
    assert titles(response)[0] == "Lektiecafé i Holte"
    assert set(titles(response)) >= {"Lektiecafé i Holte", "Lektiehjælp"}  # ranks, does not filter


def test_a_place_clearly_meant_narrows_the_list(client, bank):
    response = client.get("/opgaver/", {"q": "lektiehjælp i birkerød"})
    assert titles(response) == ["Lektiehjælp"]
    assert "Kun i Birkerød" in response.content.decode()


def test_nothing_is_carried_into_the_next_search(client, bank):
    """Issue 27: after "Holte", typing "lektiehjælp" finds the homework task elsewhere."""
    assert "Lektiecafé i Holte" in titles(client.get("/opgaver/", {"q": "Holte"}))
    response = client.get("/opgaver/", {"q": "lektiehjælp"})
    assert "Lektiehjælp" in titles(response)
    assert "By: Holte" not in response.content.decode()


def test_time_and_target_group_are_understood(client, bank):
    html = client.get("/opgaver/", {"q": "i weekenden"}).content.decode()
    assert "Tidspunkt: Weekender" in html and "Højtlæsning" in html
    response = client.get("/opgaver/", {"q": "for unge"})
    assert "Passer til: Unge" in response.content.decode()
    assert set(titles(response)) == {"Lektiecafé i Holte", "Lektiehjælp"}


def test_without_word_drops_the_word_and_its_preposition():
    assert without_word("Lektiehjælp i Birkerød", "birkerød") == "Lektiehjælp"
    assert without_word("holte", "holte") == ""
    assert without_word("fodbold Holte", "holte") == "fodbold"
    assert without_word("fodbold holtte", "holte", "fodbold holte") == "fodbold"  # a corrected word
