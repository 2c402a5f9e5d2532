import pytest

from taskbank.models import Task
from tests.conftest import heading

from .factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(institution, institution_staff, other_institution):
    return [
        TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere",
                    summary="Læs avis højt – læsning giver gode stunder.", town="holte",
                    target_groups=["new_pensioners"]),
        TaskFactory(institution=institution, contact=institution_staff, title="Gåture i haven",
                    summary="Gå en tur med en beboer.", town="naerum", target_groups=["everyone"]),
        TaskFactory(institution=institution, contact=institution_staff, title="Lektiehjælp",
                    summary="Hjælp elever med lektier.", town="holte", target_groups=["young"],
                    requires_child_certificate=True, area="children"),
        TaskFactory(institution=institution, contact=institution_staff, title="Kladde om læsning",
                    summary="Ikke offentliggjort læsning.", status=Task.Status.DRAFT),
    ]


def titles(response):
    return [t.title for t in response.context["page"]]


def test_danish_stemming_finds_reading_task(client, tasks):
    assert titles(client.get("/opgaver/", {"q": "læsning"})) == ["Højtlæsning for beboere"]


def test_misspelling_still_finds_the_task(client, tasks):
    assert "Højtlæsning for beboere" in titles(client.get("/opgaver/", {"q": "læsnig"}))


def test_filters_combine_and_keep_state(client, tasks):
    response = client.get("/opgaver/", {"by": "holte", "maalgruppe": "new_pensioners"})
    assert titles(response) == ["Højtlæsning for beboere"]
    html = response.content.decode()
    assert '<option value="holte" selected>' in html


def test_no_child_certificate_filter(client, tasks):
    names = titles(client.get("/opgaver/", {"uden_boerneattest": "on"}))
    assert "Lektiehjælp" not in names and "Gåture i haven" in names


def test_counts_per_filter_value(client, tasks):
    html = client.get("/opgaver/").content.decode()
    assert "Holte (2)" in html and "Nærum (1)" in html


@pytest.mark.parametrize("params", [{}, {"by": "holte"}, {"q": "læsning"}, {"q": "hjælp", "omraade": "children"},
                                    {"maalgruppe": "everyone"}, {"q": "faldskærmsudspring"}])
def test_facet_counts_agree_with_the_listed_tasks(tasks, institution, institution_staff, params):
    """Every count next to a filter value is the number of listed tasks that have that value."""
    from django.http import QueryDict

    from frivillig.core.choices import Area, Town
    from taskbank import queries
    from taskbank.filters import TaskFilter
    from taskbank.models import TargetGroup

    TaskFactory(institution=institution, contact=institution_staff, title="Læsning for børn", town="birkeroed",
                target_groups=["young", "everyone"], area="culture", requires_child_certificate=True)
    query = QueryDict(mutable=True)
    query.update(params)
    filterset = TaskFilter(query or None, queryset=queries.published_tasks())
    listed = list(filterset.qs)
    counts = queries.facet_counts(filterset.qs)
    expected = {"total": len(listed), "more": False,
                "no_certificate": sum(not t.requires_child_certificate for t in listed)}
    expected |= {f"area__{v}": sum(t.area == v for t in listed) for v, _ in Area.choices}
    expected |= {f"town__{v}": sum(t.town == v for t in listed) for v, _ in Town.choices}
    expected |= {f"target__{v}": sum(v in t.target_groups for t in listed) for v, _ in TargetGroup.choices}
    assert counts == expected


def test_beyond_the_cap_the_count_says_more_than_and_every_page_still_works(client, institution, institution_staff,
                                                                          monkeypatch):
    """At 1,000,000 tasks a common word matches hundreds of thousands: the list counts up to COUNT_CAP, then
    says "Mere end …" in Danish and leaves out the counts per filter value, and paging goes on as before."""
    from taskbank import queries

    for i in range(25):
        TaskFactory(institution=institution, contact=institution_staff, title=f"Lektiehjælp nr {i}", town="holte")
    monkeypatch.setattr(queries, "COUNT_CAP", 10)  # with the list's own limits, scaled down alike
    monkeypatch.setattr(queries, "MAX_CACHED_IDS", 10)
    monkeypatch.setattr(queries, "PAGE_SIZE", 4)
    html = client.get("/opgaver/", {"q": "lektiehjælp"}).content.decode()
    assert "Mere end 10 opgaver fundet" in html
    assert ">Holte</option>" in html and "Holte (" not in html  # no count next to a filter value
    for sort in ("relevans", "nyeste"):
        second = client.get("/opgaver/", {"q": "lektiehjælp", "side": "2", "sorter": sort})
        assert len(second.context["page"].object_list) == 4 and "Side 2 af 3" in second.content.decode()
    assert queries.facet_counts(queries.published_tasks(), cap=30)["total"] == 25  # under the cap: exact
    monkeypatch.setattr(queries, "COUNT_CAP", 1000)
    html = client.get("/opgaver/", {"q": "lektiehjælp", "by": "holte"}).content.decode()
    assert "25 opgaver fundet" in html and "Holte (25)" in html


def test_a_typed_search_counts_to_its_own_smaller_cap(client, institution, institution_staff, monkeypatch):
    """A typed search reads no more of its newest matches than its ranking takes (SEARCH_COUNT_CAP); the list
    without a search counts on to COUNT_CAP."""
    from taskbank import queries

    for i in range(8):
        TaskFactory(institution=institution, contact=institution_staff, title=f"Lektiehjælp nr {i}")
    monkeypatch.setattr(queries, "COUNT_CAP", 10)
    monkeypatch.setattr(queries, "SEARCH_COUNT_CAP", 5)
    assert "Mere end 5 opgaver fundet" in client.get("/opgaver/", {"q": "lektiehjælp"}).content.decode()
    assert "8 opgaver fundet" in client.get("/opgaver/").content.decode()
    newest = client.get("/opgaver/", {"q": "lektiehjælp", "sorter": "nyeste"})
    assert [t.title for t in newest.context["page"].object_list][:1] == ["Lektiehjælp nr 7"]


def test_beyond_the_cap_a_task_with_every_word_still_comes_first(client, institution, institution_staff, monkeypatch):
    """Beyond the cap only the newest matches are ranked: a task with both words that is older than the newest
    candidates (but among the matches read for the count) must still be ranked, and first."""
    from datetime import timedelta

    from django.utils import timezone

    from taskbank import queries
    from taskbank import search as task_search

    both = TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning og lektiehjælp")
    Task.objects.filter(pk=both.pk).update(published_at=timezone.now() - timedelta(days=30))
    for i in range(12):  # newer, with one of the words
        TaskFactory(institution=institution, contact=institution_staff, title=f"Lektiehjælp nr {i}")
    monkeypatch.setattr(queries, "COUNT_CAP", 15)  # more than the cap match one word or the other ...
    monkeypatch.setattr(task_search, "CANDIDATES", 3)
    for i in range(5):  # ... with these, older still
        TaskFactory(institution=institution, contact=institution_staff, title=f"Højtlæsning nr {i}")
    Task.objects.filter(title__startswith="Højtlæsning nr").update(published_at=timezone.now() - timedelta(days=60))
    response = client.get("/opgaver/", {"q": "lektiehjælp højtlæsning"})
    assert "Mere end 15 opgaver fundet" in response.content.decode()
    assert response.context["page"].object_list[0] == both


def test_drafts_and_expired_tasks_are_not_listed(client, tasks):
    from datetime import timedelta

    from django.utils import timezone

    tasks[1].expires_on = timezone.localdate() - timedelta(days=1)
    tasks[1].save()
    names = titles(client.get("/opgaver/"))
    assert "Kladde om læsning" not in names and "Gåture i haven" not in names


def test_empty_state_suggests_widening(client, tasks):
    html = client.get("/opgaver/", {"q": "faldskærmsudspring"}).content.decode()
    assert "Ingen opgaver passer til din søgning" in html and "Prøv at fjerne et filter" in html


def test_list_query_count_does_not_grow_with_rows(client, institution, institution_staff, django_assert_max_num_queries):
    for i in range(25):
        TaskFactory(institution=institution, contact=institution_staff, title=f"Opgave nr {i}")
    with django_assert_max_num_queries(12):
        response = client.get("/opgaver/")
    assert len(response.context["page"].object_list) == 20


def test_task_page_shows_places_left_and_json_ld(client, task):
    html = client.get(task.get_absolute_url()).content.decode()
    assert "Der søges 1 frivillig" in html  # nobody taken yet: the places left are all of them
    assert '"@type": "JobPosting"' in html and '<script type="application/ld+json">' in html


def test_task_page_escapes_text_in_json_ld(client, task):
    task.title = "</script><script>alert(1)</script>"
    task.save()
    html = client.get(task.get_absolute_url(), follow=True).content.decode()
    assert "</script><script>alert(1)" not in html


@pytest.mark.parametrize("params", ["", "q=hj%C3%A6lp&by=holte&uden_boerneattest=on&fra=2026-01-02",
                                    "omraade=culture&maalgruppe=young&type=one_off&timer=4&kompetence=it&udbyder=forening",
                                    "fra=ikke-en-dato"])
def test_filter_form_is_written_as_the_design_system_pack_writes_it(params):
    """The task list writes its filter form directly (fast); it must come out as the crispy pack's markup, and a
    form with an error is the pack's own (with the error shown at the field)."""
    import re

    from django.http import QueryDict
    from django.template import engines

    from taskbank import queries
    from taskbank.filters import TaskFilter

    def html(template):
        form = TaskFilter(QueryDict(params), queryset=queries.published_tasks()).form
        form.is_valid()
        out = engines["django"].from_string(template).render({"form": form})
        return re.sub(r"\s*\n\s*", "", re.sub(r">\s+<", "><", out.strip()))

    fast = html("{% load taskbank_tags %}{% filter_form form %}")
    assert fast == html("{% load crispy_forms_tags %}{{ form|crispy }}")
    assert ("Indtast en gyldig dato" in fast) == ("ikke-en-dato" in params)


def test_a_task_links_to_the_address_django_routes(client, institution, institution_staff):
    from django.urls import reverse

    task = TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning på Øverødgård – ÆØÅ?")
    assert task.get_absolute_url() == reverse("taskbank:task_detail", args=[task.pk, task.slug])
    assert heading(client.get(task.get_absolute_url())) == task.title
