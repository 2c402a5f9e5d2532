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
    from engagement.models import StandardText
    from engagement.seed import load_reference as load_standard_texts

    load_standard_texts()
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/politik/frivilligaftale/pdf/")
    text = " ".join(_pdf_text(Document.objects.get(kind="policy.volunteer_agreement")).split())
    assert "Frivilligaftale" in text and "Tavshedspligt" in text
    # The same standard wording as the portal's agreements, not a second copy.
    insurance = StandardText.objects.get(key="insurance")
    assert " ".join(insurance.text.split())[:80] in text
    # A change of the wording makes a new PDF.
    insurance.text = "Kommunens forsikring dækker frivillige på kommunens institutioner."
    insurance.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/politik/frivilligaftale/pdf/")
    newest = Document.objects.filter(kind="policy.volunteer_agreement").order_by("-created_at").first()
    assert "Kommunens forsikring dækker frivillige" in " ".join(_pdf_text(newest).split())


def test_the_toolbox_hands_out_the_templates_it_names(client, policy_content, django_capture_on_commit_callbacks):
    """/politik/vaerktoejskasse/standardkontrakter/ tells associations to use the municipality's template: the page
    links it, and the link gives a PDF of it."""
    from engagement.seed import load_reference as load_standard_texts

    load_standard_texts()
    page = client.get("/politik/vaerktoejskasse/standardkontrakter/").content.decode()
    assert "Brug kommunens skabelon til samarbejdsaftaler" in page
    assert 'href="/politik/samarbejdsaftale/pdf/"' in page and 'href="/frivillig/standardtekster/"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/politik/samarbejdsaftale/pdf/")
    assert response.status_code == 302
    text = " ".join(_pdf_text(Document.objects.get(kind="policy.partnership_agreement")).split())
    assert "Samarbejdsaftale" in text and "Evaluering og opsigelse" in text and "Forsikring" in text
    assert 'href="/politik/frivilligaftale/pdf/"' in client.get("/politik/vaerktoejskasse/frivilligaftale/").content.decode()
    assert 'href="/politik/samarbejdsaftale/pdf/"' in client.get("/frivillig/standardtekster/").content.decode()
