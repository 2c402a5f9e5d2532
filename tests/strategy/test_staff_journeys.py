"""Issue 29: the Culture department's strategy and hearing work as the staff meet it (rows 1-6, 10, 11, 15)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from frivillig.core.models import PersonalDataAccess
from strategy import indicators, services
from strategy.models import DraftSection, Hearing, HearingStatusChange, Indicator, Input, PhaseTemplate, ProcessTemplate

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _input(process, status, text):
    return Input.objects.create(process=process, theme=process.themes.first(), kind="idea", text=text, status=status)


def _post_version(client, process, sections, note="v"):
    data = {"note": note, "heading": [s[0] for s in sections], "body": [s[1] for s in sections],
            "cause": [s[2] if len(s) > 2 else "" for s in sections]}
    return client.post(reverse("strategy:staff_process_add_draft", args=[process.pk]), data)


def test_a_new_version_starts_from_the_previous_one(client, process, culture_admin):
    client.force_login(culture_admin)
    _post_version(client, process, [("Vision", "Frivillige gør en forskel."), ("Mål", "Flere frivillige.")])
    page = client.get(reverse("strategy:staff_process", args=[process.pk])).content.decode()
    assert 'value="Vision"' in page and "Frivillige gør en forskel.</textarea>" in page
    assert 'value="Mål"' in page and "Flere frivillige.</textarea>" in page


def test_any_section_cites_published_input_and_the_comparison_shows_it_there(client, process, culture_admin):
    client.force_login(culture_admin)
    idea = _input(process, Input.Status.PUBLISHED, "Fast kontaktperson på hvert plejecenter")
    _post_version(client, process, [("Vision", "Gammel vision."), ("Mål", "Flere frivillige.")])
    _post_version(client, process, [("Vision", "Ny vision.", str(idea.pk)), ("Mål", "Flere frivillige.")])
    cited = DraftSection.objects.get(caused_by_input=idea)
    assert cited.heading == "Vision" and cited.version.number == 2
    draft = process.drafts.get()
    page = client.get(reverse("strategy:draft", args=[process.slug, draft.pk])).content.decode()
    vision_row = page[page.index('<th scope="row">Vision</th>'):page.index('<th scope="row">Mål</th>')]
    assert "Fast kontaktperson" in vision_row


def test_input_awaiting_moderation_is_neither_offered_nor_accepted(client, process, culture_admin):
    client.force_login(culture_admin)
    pending = _input(process, Input.Status.PENDING, "Afventende idé om lektiehjælp")
    page = client.get(reverse("strategy:staff_process", args=[process.pk])).content.decode()
    assert "Afventende idé" in page  # in the moderation list …
    form = page[page.index('class="draft-form"'):]
    assert "Afventende idé" not in form[:form.index("</form>")]  # … but not offered for citation
    _post_version(client, process, [("Vision", "Tekst.", str(pending.pk))])
    assert not DraftSection.objects.exists()


@pytest.fixture
def closed_hearing_with_attachment(hearing, citizen, other_citizen):
    named = services.submit_response(actor=citizen, hearing=hearing, text="Se bilaget.", publish_with_name=True,
                                     files=[SimpleUploadedFile("forslag.pdf", PDF, "application/pdf")])
    anonymous = services.submit_response(actor=other_citizen, hearing=hearing, text="Anonymt.", publish_with_name=False,
                                         files=[SimpleUploadedFile("privat.pdf", PDF, "application/pdf")])
    Hearing.objects.filter(pk=hearing.pk).update(opens_at=timezone.now() - timedelta(days=9),
                                                 closes_at=timezone.now() - timedelta(minutes=1))
    return hearing, named.attachments.get(), anonymous.attachments.get()


def test_response_attachments_are_linked_for_staff_with_access_log(client, closed_hearing_with_attachment,
                                                                   culture_admin, citizen):
    hearing, named, anonymous = closed_hearing_with_attachment
    client.force_login(culture_admin)
    page = client.get(reverse("strategy:staff_hearing", args=[hearing.pk])).content.decode()
    for attachment in (named, anonymous):
        url = reverse("strategy:response_attachment", args=[attachment.pk])
        assert url in page
        before = PersonalDataAccess.objects.count()
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
        assert PersonalDataAccess.objects.count() == before + 1


def test_response_attachments_are_public_only_with_consent(client, closed_hearing_with_attachment):
    hearing, named, anonymous = closed_hearing_with_attachment
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert reverse("strategy:response_attachment", args=[named.pk]) in page
    assert reverse("strategy:response_attachment", args=[anonymous.pk]) not in page
    assert client.get(reverse("strategy:response_attachment", args=[named.pk])).status_code == 200
    assert client.get(reverse("strategy:response_attachment", args=[anonymous.pk])).status_code == 404


def test_attachments_are_not_public_while_the_hearing_is_open(client, hearing, citizen):
    response = services.submit_response(actor=citizen, hearing=hearing, text="Se bilaget.", publish_with_name=True,
                                        files=[SimpleUploadedFile("forslag.pdf", PDF, "application/pdf")])
    assert client.get(reverse("strategy:response_attachment", args=[response.attachments.get().pk])).status_code == 404


def test_remark_is_not_offered_while_the_hearing_is_open(client, hearing, citizen, culture_admin):
    response = services.submit_response(actor=citizen, hearing=hearing, text="Svar.", publish_with_name=False)
    client.force_login(culture_admin)
    page = client.get(reverse("strategy:staff_hearing", args=[hearing.pk])).content.decode()
    assert reverse("strategy:staff_response_remark", args=[response.pk]) not in page
    assert "Bemærkninger skrives, når høringen er lukket." in page
    Hearing.objects.filter(pk=hearing.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    page = client.get(reverse("strategy:staff_hearing", args=[hearing.pk])).content.decode()
    assert reverse("strategy:staff_response_remark", args=[response.pk]) in page


def test_a_just_closed_hearing_shows_its_count(client, hearing, citizen, culture_admin):
    services.submit_response(actor=citizen, hearing=hearing, text="Svar.", publish_with_name=False)
    Hearing.objects.filter(pk=hearing.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(culture_admin)
    page = client.get(reverse("strategy:staff_hearing", args=[hearing.pk])).content.decode()
    assert "Lukket</strong> · 1 høringssvar" in " ".join(page.split())


def test_memo_and_conclusion_are_status_changes_through_move(hearing, culture_admin, django_capture_on_commit_callbacks):
    Hearing.objects.filter(pk=hearing.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    services.write_memo(actor=culture_admin, hearing=hearing, changes_made="Ingen.")
    services.conclude(actor=culture_admin, hearing=hearing)
    hearing.refresh_from_db()
    assert hearing.state() == Hearing.State.CONCLUDED
    assert list(HearingStatusChange.objects.values_list("from_status", "to_status")) == [
        ("closed", "memo_written"), ("memo_written", "concluded")]


def test_process_templates_have_a_staff_page(client, culture_admin, process):
    client.force_login(culture_admin)
    template = ProcessTemplate.objects.get(slug="ballerup")
    assert client.get(reverse("strategy:staff_templates")).status_code == 200
    client.post(reverse("strategy:staff_template_edit", args=[template.pk]),
                {"tpl-name": "Ballerup-modellen", "tpl-description": "Tilpasset Rudersdal."})
    client.post(reverse("strategy:staff_template_add_phase", args=[template.pk]),
                {"new-name": "Evaluering", "new-description": "", "new-weeks": "3"})
    template.refresh_from_db()
    assert template.name == "Ballerup-modellen"
    last = template.phases.order_by("order").last()
    assert (last.name, last.weeks) == ("Evaluering", 3)
    client.post(reverse("strategy:staff_phase_template_update", args=[last.pk]),
                {f"pt-{last.pk}-name": "Evaluering og læring", f"pt-{last.pk}-description": "", f"pt-{last.pk}-weeks": "4"})
    assert PhaseTemplate.objects.get(pk=last.pk).name == "Evaluering og læring"
    response = client.post(reverse("strategy:staff_templates"), {"name": "Kort proces", "description": ""})
    new = ProcessTemplate.objects.get(name="Kort proces")
    assert response.url == reverse("strategy:staff_template", args=[new.pk])
    assert client.get(response.url).status_code == 200


def test_indicator_page_shows_source_names_not_keys_and_when_computed(client, culture_admin, hearing):
    Indicator.objects.create(name="Høringssvar", source_key="strategy.hearing_responses")
    indicators.recompute()
    client.force_login(culture_admin)
    for url in (reverse("strategy:staff_indicators"), reverse("strategy:indicators")):
        page = client.get(url).content.decode()
        assert "(strategy." not in page and "(taskbank." not in page and "(grants." not in page
        assert "beregnet" in page


def test_a_just_closed_hearing_without_responses_shows_its_count(client, hearing, culture_admin):
    Hearing.objects.filter(pk=hearing.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(culture_admin)
    page = client.get(reverse("strategy:staff_hearing", args=[hearing.pk])).content.decode()
    assert "Lukket</strong> · 0 høringssvar" in " ".join(page.split())


def test_a_hearing_made_on_the_staff_page_shows_its_count(client, process, culture_admin):
    client.force_login(culture_admin)
    now = timezone.localtime()
    response = client.post(reverse("strategy:staff_hearing_new"), {
        "title": "Ny høring", "description": "Om udkastet.", "process": process.pk,
        "opens_at": (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M")}, follow=True)
    assert "Lukket</strong> · 0 høringssvar" in " ".join(response.content.decode().split())
