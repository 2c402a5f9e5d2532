"""Reference content and example content: only the seeds' words stand as the municipality's own; everything else
carries the marker until the Culture department saves its own text, and the staff page lists what is left."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from frivillig.core import pdf
from policy import services
from policy.models import GuideArticle, Theme, ToolboxItem, Value, WhitePaperSection

pytestmark = pytest.mark.django_db

MARKER = "Eksempeltekst — skal erstattes af kommunens egen tekst"


def _text(html: bytes) -> str:
    return " ".join(html.decode().split())


def test_the_seed_loader_marks_example_and_reference_content(policy_content):
    assert Value.objects.count() == 4 and all(v.is_example for v in Value.objects.all())
    assert all(t.is_example for t in Theme.objects.all())
    assert all(a.is_example for a in GuideArticle.objects.all())
    assert all(i.is_example for i in ToolboxItem.objects.all())
    # the white paper quotes the seeds
    assert WhitePaperSection.objects.exists() and not WhitePaperSection.objects.filter(is_example=True).exists()


def test_policy_page_marks_each_example_explanation_and_keeps_the_values_verbatim(client, policy_content):
    html = client.get("/politik/").content.decode()
    assert html.count(MARKER) == Value.objects.count() + Theme.objects.count()
    assert "Det er enkelt at være frivillig i Rudersdal Kommune." in html
    assert 'role="note"' in html


def test_policy_page_offers_the_pdf_as_a_draft_while_it_holds_example_text(client, policy_content):
    html = client.get("/politik/").content.decode()
    assert "Udkast til hele politikken som PDF (indeholder eksempeltekst)" in html


def test_white_paper_is_shown_as_the_municipality_s_own_words(client, policy_content):
    html = client.get("/politik/hvidbog/").content.decode()
    assert MARKER not in html
    assert "Fra Rudersdal Kommunes egne dokumenter om frivillighedspolitikken" in html
    assert "Kulturcenter Mariehøj" in html and "Øverødvej" not in html


def test_toolbox_example_items_are_marked_and_show_no_invented_revision_date(client, policy_content):
    html = client.get("/politik/vaerktoejskasse/tilladelser-arrangementer/").content.decode()
    assert MARKER in html and "senest fire uger før" in html
    assert "Senest revideret" not in html
    listing = client.get("/politik/vaerktoejskasse/").content.decode()
    assert listing.count(MARKER) == ToolboxItem.objects.count()


def test_the_department_s_own_text_removes_the_mark(client, policy_content, culture_admin):
    item = ToolboxItem.objects.get(slug="tilladelser-arrangementer")
    services.save_content(actor=culture_admin, obj=item, data={
        "summary": "Søg i god tid.", "body": "Søg om tilladelse i god tid hos Vej og Park. Kontakt os, hvis du er i tvivl."})
    item.refresh_from_db()
    assert item.is_example is False
    html = client.get(item.get_absolute_url()).content.decode()
    assert MARKER not in html and "Senest revideret" in html


def test_saving_through_the_staff_form_removes_the_mark(client, policy_content, culture_admin):
    theme = Theme.objects.get(slug="folkeoplysning")
    client.force_login(culture_admin)
    url = reverse("policy_staff:edit", args=["temaer", theme.pk])
    assert MARKER in client.get(url).content.decode()
    response = client.post(url, {"title": theme.title, "summary": "Kommunens egen beskrivelse.",
                                 "frame": "Kommunens egne rammer.", "conditions": "Kommunens egne vilkår.",
                                 "order": theme.order})
    assert response.status_code == 302
    theme.refresh_from_db()
    assert not theme.is_example
    assert MARKER not in client.get(theme.get_absolute_url()).content.decode()


def test_staff_page_lists_every_example_text_with_its_edit_link(client, policy_content, culture_admin):
    client.force_login(culture_admin)
    url = reverse("policy_staff:examples")
    assert url == "/medarbejder/politik/eksempeltekster/"
    html = client.get(url).content.decode()
    examples = [*Value.objects.all(), *Theme.objects.all(), *GuideArticle.objects.all(), *ToolboxItem.objects.all()]
    for kind, objects in [("vaerdier", Value.objects.all()), ("temaer", Theme.objects.all()),
                          ("guide", GuideArticle.objects.all()), ("vaerktoejskasse", ToolboxItem.objects.all())]:
        for obj in objects:
            assert reverse("policy_staff:edit", args=[kind, obj.pk]) in html
    assert f"{len(examples)} tekster er stadig eksempeltekst." in _text(client.get(url).content)
    for section in WhitePaperSection.objects.all():
        assert reverse("policy_staff:edit", args=["hvidbog", section.pk]) not in html
    assert "/admin/" not in html

    item = ToolboxItem.objects.get(slug="tavshedspligt")
    services.save_content(actor=culture_admin, obj=item, data={"summary": "Kommunens eget svar.", "body": "Egen tekst."})
    html = client.get(url).content.decode()
    assert reverse("policy_staff:edit", args=["vaerktoejskasse", item.pk]) not in html


def test_staff_home_and_policy_staff_page_link_to_the_list(client, policy_content, culture_admin):
    client.force_login(culture_admin)
    url = reverse("policy_staff:examples")
    assert url in client.get(reverse("staff_home")).content.decode()
    assert url in client.get(reverse("policy_staff:index")).content.decode()


@pytest.mark.parametrize("persona", ["citizen", "association_rep", "institution_staff", "steering_member",
                                     "network_member"])
def test_only_the_culture_department_sees_the_list(client, policy_content, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("policy_staff:examples")).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client, policy_content):
    response = client.get(reverse("policy_staff:examples"))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def _pdf(kind) -> tuple[str, str]:
    rendered = pdf.get_renderer(kind).build(None)
    data = pdf.render_to_pdf_bytes(rendered.template, rendered.context)
    reader = PdfReader(io.BytesIO(data))
    return str(reader.metadata.title), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_policy_pdf_with_example_text_is_a_marked_draft(policy_content):
    title, text = _pdf("policy.full")
    assert title == "Udkast til frivillighedspolitik — indeholder eksempeltekst"
    assert "Frivillighedspolitik for Rudersdal Kommune" not in text
    examples = sum(m.objects.filter(is_example=True).count()
                   for m in (Value, Theme, WhitePaperSection, GuideArticle, ToolboxItem))
    assert text.count(MARKER) >= examples


def test_policy_pdf_is_titled_as_the_policy_only_when_nothing_is_example(policy_content, culture_admin):
    for model in (Value, Theme, GuideArticle, ToolboxItem):
        for obj in model.objects.all():
            services.save_content(actor=culture_admin, obj=obj, data={f: "Kommunens egen tekst." for f in obj.PROSE})
    title, text = _pdf("policy.full")
    assert title == "Frivillighedspolitik for Rudersdal Kommune"
    assert MARKER not in text and "Udkast" not in text


def test_volunteer_agreement_template_pdf_is_marked_as_example(policy_content):
    from engagement.seed import load_reference as load_standard_texts

    load_standard_texts()
    title, text = _pdf("policy.volunteer_agreement")
    assert "eksempel" in title and MARKER in text


def test_agreement_templates_lose_the_marker_when_the_wording_is_the_municipalitys(policy_content, culture_admin):
    """The toolbox's templates carry the same standard wording as the portal's agreements: once the Culture
    department has written its own, the templates are no longer drafts."""
    from engagement import services as engagement_services
    from engagement.models import StandardText
    from engagement.seed import load_reference as load_standard_texts

    load_standard_texts()
    for text in StandardText.objects.all():
        engagement_services.save_standard_text(actor=culture_admin, standard_text=text, title=text.title,
                                               text=f"Kommunens egen tekst om {text.title.lower()}.")
    for kind in ("policy.volunteer_agreement", "policy.partnership_agreement"):
        title, text = _pdf(kind)
        assert "eksempel" not in title and MARKER not in text
        assert "Kommunens egen tekst om forsikring." in text


def test_the_example_marker_belongs_to_each_text_not_to_the_page(client, policy_content, culture_admin):
    """Issue 29 row 12: saving only the summary leaves "rammer" and "vilkår" marked as example text."""
    theme = Theme.objects.first()
    client.force_login(culture_admin)
    data = {f: getattr(theme, f) for f in ("title", "order", "summary", "frame", "conditions")}
    data["summary"] = "Kulturområdets egen beskrivelse."
    client.post(reverse("policy_staff:edit", args=["temaer", theme.pk]), data)
    theme.refresh_from_db()
    assert theme.summary == "Kulturområdets egen beskrivelse."
    assert theme.is_example and theme.example_fields == ["frame", "conditions"]
    html = _text(client.get(theme.get_absolute_url()).content)
    assert html.count(MARKER) == 2
    lead = html[html.index("Kulturområdets egen beskrivelse.") - 300:html.index("Kulturområdets egen beskrivelse.")]
    assert MARKER not in lead
    data["frame"], data["conditions"] = "Egne rammer.", "Egne vilkår."
    client.post(reverse("policy_staff:edit", args=["temaer", theme.pk]), data)
    theme.refresh_from_db()
    assert not theme.is_example and MARKER not in _text(client.get(theme.get_absolute_url()).content)
