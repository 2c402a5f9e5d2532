import pytest

from policy import queries
from policy.models import ToolboxItem

pytestmark = pytest.mark.django_db


def test_danish_stemming_finds_insurance_item(policy_content):
    results = queries.search("forsikringer")
    assert results[0].url == ToolboxItem.objects.get(slug="forsikring-af-frivillige").get_absolute_url()
    assert "<mark>" in results[0].headline


def test_results_are_ranked(policy_content):
    ranks = [r.rank for r in queries.search("børneattest")]
    assert ranks == sorted(ranks, reverse=True) and ranks


def test_highlight_escapes_content_and_keeps_only_marks(policy_content, culture_admin):
    item = ToolboxItem.objects.get(slug="tavshedspligt")
    item.body = "<script>alert(1)</script> tavshedspligt gælder & <b"
    item.save()
    results = queries.search("tavshedspligt")
    html = next(r.headline for r in results if r.title == item.title)
    assert "<script" not in html and "alert(1)" in html
    assert "<mark>tavshedspligt</mark>" in html


def test_search_page_empty_and_no_results(client, policy_content):
    assert "resultat" not in client.get("/politik/soeg/").content.decode()
    page = client.get("/politik/soeg/", {"q": "zyxwvutsrq"}).content.decode()
    assert "0 resultater" in page and "Vi fandt ikke noget" in page


def test_toolbox_filters_by_category_and_audience(client, policy_content):
    page = client.get("/politik/vaerktoejskasse/", {"emne": "insurance", "maalgruppe": "associations"})
    html = page.content.decode()
    assert "Forsikring af foreningens frivillige" in html
    assert "Forsikring: er jeg dækket" not in html  # that item is for volunteers and staff
    assert "Tavshedspligt for frivillige" not in html


def test_seed_is_idempotent_and_keeps_edits(policy_content):
    from policy.models import Value
    from policy.seed import load_reference

    value = Value.objects.get(slug="frivillighed-anerkendes")
    value.explanation = "Redigeret af Kulturområdet"
    value.save()
    load_reference()
    assert Value.objects.count() == 4
    assert Value.objects.get(slug="frivillighed-anerkendes").explanation == "Redigeret af Kulturområdet"


def test_policy_search_corrects_a_typo(client, policy_content):
    html = client.get("/politik/soeg/", {"q": "forsikrnger"}).content.decode()
    assert "Mente du" in html and "Forsikring" in html
