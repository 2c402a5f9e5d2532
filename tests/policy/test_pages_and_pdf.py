import io

import pytest
from pypdf import PdfReader

from frivillig.core.models import Document
from tests.conftest import heading

pytestmark = pytest.mark.django_db

FOUR_VALUES = [
    "Det er enkelt at være frivillig i Rudersdal Kommune.",
    "Det aktive medborgerskab og det frivillige initiativ understøttes.",
    "Frivillige indsatser involverer og giver indflydelse.",
    "Frivillighed anerkendes som et væsentligt fundament i Rudersdal Kommune.",
]


def test_policy_page_shows_the_four_values_verbatim(client, policy_content):
    html = client.get("/politik/").content.decode()
    for value in FOUR_VALUES:
        assert value in html
    for theme in ["Folkeoplysning", "Frivilligt socialt arbejde",
                  "Øvrige kulturelle foreninger, aktører og partnerskaber", "Individuel og netværksbaseret frivillighed"]:
        assert theme in html


@pytest.mark.parametrize(("path", "title"), [
    ("/politik/hvidbog/", "Hvidbogen"), ("/politik/guide/", "Frivillighedsguiden"),
    ("/politik/guide/kom-godt-i-gang/", "Kom godt i gang med frivillige"),
    ("/politik/temaer/folkeoplysning/", "Folkeoplysning"),
    ("/politik/vaerktoejskasse/boerneattest/", "Børneattest: hvornår skal der indhentes en?")])
def test_policy_pages_render(client, policy_content, path, title):
    assert heading(client.get(path)) == title


def _pdf_text(document) -> str:
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(document.file.read())).pages)


def test_whole_policy_pdf_holds_the_four_values(client, policy_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/politik/pdf/")
    assert response.status_code == 302
    document = Document.objects.get(kind="policy.full")
    text = " ".join(_pdf_text(document).split())
    for value in FOUR_VALUES:
        assert value in text
    download = client.get(document.get_absolute_url() + "?download=1")
    assert download["Content-Type"] == "application/pdf"


def test_policy_pdf_is_rendered_again_after_an_edit(client, policy_content, django_capture_on_commit_callbacks):
    from policy.models import Value

    with django_capture_on_commit_callbacks(execute=True):
        client.get("/politik/pdf/")
    value = Value.objects.first()
    value.explanation = "Ny uddybning om anerkendelse"
    value.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/politik/pdf/")
    assert Document.objects.filter(kind="policy.full").count() == 2
    newest = Document.objects.filter(kind="policy.full").order_by("-created_at").first()
    assert "Ny uddybning om anerkendelse" in " ".join(_pdf_text(newest).split())


def test_volunteer_agreement_template_pdf(client, policy_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/politik/frivilligaftale/pdf/")
    text = _pdf_text(Document.objects.get(kind="policy.volunteer_agreement"))
    assert "Frivilligaftale" in text and "Tavshedspligt" in text
