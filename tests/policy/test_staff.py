import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policy.models import ToolboxAttachment, ToolboxItem

pytestmark = pytest.mark.django_db

MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF")


@pytest.fixture
def item(policy_content):
    return ToolboxItem.objects.get(slug="forsikring-af-frivillige")


def _edit_data(item, **changes):
    data = {"title": item.title, "category": item.category, "audiences": item.audiences, "summary": item.summary,
            "body": item.body, "last_revised": "2026-11-01", "order": item.order}
    data.update(changes)
    return data


@pytest.mark.parametrize("persona", ["citizen", "institution_staff", "steering_member", "network_member"])
def test_only_culture_department_reaches_policy_editing(client, request, item, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/medarbejder/politik/").status_code == 403
    assert client.get(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/").status_code == 403
    response = client.post(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/", _edit_data(item, summary="Hacket"))
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.summary != "Hacket"


def test_anonymous_is_sent_to_login(client, item):
    response = client.get("/medarbejder/politik/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_edit_keeps_previous_revision_viewable(client, culture_admin, item):
    old_summary = item.summary
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/",
                           _edit_data(item, summary="Ny forklaring om forsikring"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.summary == "Ny forklaring om forsikring"
    records = list(item.history.order_by("history_date"))
    assert len(records) == 2 and records[-1].history_user == culture_admin
    history_page = client.get(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/versioner/").content.decode()
    assert "Karin Kultur" in history_page
    old = client.get(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/versioner/{records[0].history_id}/")
    assert old_summary in old.content.decode()
    new = client.get(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/versioner/{records[1].history_id}/")
    assert "<ins>" in new.content.decode() and "<del>" in new.content.decode()


def test_bad_input_is_explained_and_kept(client, culture_admin, item):
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/",
                           _edit_data(item, title="", audiences=[], summary="Beholdt tekst"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vælg mindst én målgruppe." in html and "Beholdt tekst" in html


def test_create_item_and_upload_attachment_validated(client, culture_admin, policy_content):
    client.force_login(culture_admin)
    response = client.post("/medarbejder/politik/vaerktoejskasse/ny/", {
        "title": "Kørsel i egen bil", "category": "insurance", "audiences": ["volunteers"],
        "summary": "Kørsel dækkes af bilens egen forsikring.", "body": "Tal med din kontaktperson.",
        "last_revised": "2026-11-20", "order": 5})
    new = ToolboxItem.objects.get(title="Kørsel i egen bil")
    assert response.status_code == 302 and new.slug == "koersel-i-egen-bil"
    disguised = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(f"/medarbejder/politik/vaerktoejskasse/{new.pk}/bilag/", {"title": "Bilag", "file": disguised})
    assert "passer ikke med typen PDF" in response.content.decode()
    good = SimpleUploadedFile("vejledning.pdf", MINIMAL_PDF, content_type="application/pdf")
    client.post(f"/medarbejder/politik/vaerktoejskasse/{new.pk}/bilag/", {"title": "Vejledning", "file": good})
    attachment = ToolboxAttachment.objects.get(item=new)
    client.logout()
    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


def test_deleted_item_keeps_its_history(client, culture_admin, item):
    client.force_login(culture_admin)
    client.post(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/slet/")
    assert not ToolboxItem.objects.filter(pk=item.pk).exists()
    page = client.get(f"/medarbejder/politik/vaerktoejskasse/{item.pk}/versioner/")
    assert page.status_code == 200 and "Slettet" in page.content.decode()
