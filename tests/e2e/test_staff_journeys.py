"""Issue 29, rows 1, 2, 4 and 8: the Culture department's strategy, hearing and grant work in Chromium on a phone
(320 px wide), every page checked with axe."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from grants.models import GrantApplication
from strategy import services as strategy_services
from strategy.models import DraftSection, Hearing, Input, Process, ProcessTemplate, Theme
from strategy.seed import load_reference
from tests.e2e.conftest import login_as

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 720}
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def process(culture_admin):
    load_reference()
    process = strategy_services.create_process(
        actor=culture_admin, template=ProcessTemplate.objects.get(slug="ballerup"), title="Civilsamfundsstrategi",
        description="Sammen med civilsamfundet.", starts_on=timezone.localdate())
    theme = Theme.objects.create(process=process, name="Roller og arbejdsdeling")
    Input.objects.create(process=process, theme=theme, kind="idea", status=Input.Status.PUBLISHED,
                         text="Fast kontaktperson for frivillige på hvert plejecenter")
    Input.objects.create(process=process, theme=theme, kind="idea", status=Input.Status.PENDING,
                         text="Afventende forslag om lektiehjælp")
    return process


def test_a_new_draft_version_starts_from_the_last_and_cites_under_the_changed_section(page, live_server, axe, process,
                                                                                        culture_admin):
    """Rows 1 and 2 (and 3: input awaiting moderation is not offered)."""
    page.set_viewport_size(PHONE)
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + f"/medarbejder/strategi/{process.pk}/")
    axe(page)
    page.locator("#heading-1").fill("Vision")
    page.locator("#body-1").fill("Frivillige gør Rudersdal rigere.")
    page.locator("#heading-2").fill("Mål")
    page.locator("#body-2").fill("Flere frivillige i foreningerne.")
    page.get_by_role("button", name="Gem ny version").click()
    expect(page.get_by_text("Den nye version af udkastet er gemt.")).to_be_visible()
    axe(page)

    # the second version starts from the first: change only the vision and cite the input there
    expect(page.locator("#heading-1")).to_have_value("Vision")
    expect(page.locator("#body-2")).to_have_value("Flere frivillige i foreningerne.")
    cause = page.get_by_label("Afsnittet er ændret på grund af input (valgfrit)").first
    assert "Afventende forslag" not in cause.inner_text()
    page.locator("#body-1").fill("Frivillige og foreninger gør Rudersdal rigere.")
    cause.select_option(str(Input.objects.get(status=Input.Status.PUBLISHED).pk))
    page.get_by_label("Hvad er ændret").fill("Visionen nævner foreningerne")
    page.get_by_role("button", name="Gem ny version").click()
    expect(page.get_by_text("Den nye version af udkastet er gemt.")).to_be_visible()
    assert DraftSection.objects.get(caused_by_input__isnull=False).heading == "Vision"

    draft = process.drafts.get()
    page.goto(live_server.url + f"/strategi/{process.slug}/udkast/{draft.pk}/")
    axe(page)
    vision = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Vision"))
    expect(vision).to_contain_text("Ændret på grund af input")
    expect(vision).to_contain_text("Fast kontaktperson")
    goal = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Mål"))
    expect(goal).not_to_contain_text("Ændret på grund af input")


def test_process_templates_are_edited_on_staff_pages(page, live_server, axe, culture_admin):
    """Row 15: the CFSA and Ballerup templates without /admin/."""
    load_reference()
    page.set_viewport_size(PHONE)
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/strategi/")
    page.get_by_role("link", name="Processkabeloner").click()
    axe(page)
    page.get_by_role("link", name=re.compile("^Ballerup")).click()
    axe(page)
    page.locator("#id_new-name").fill("Evaluering")
    page.locator("#id_new-weeks").fill("3")
    page.get_by_role("button", name="Tilføj fase").click()
    expect(page.get_by_text("Fasen er tilføjet skabelonen.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Evaluering – 3 uger"))).to_be_visible()
    axe(page)


def test_staff_and_public_open_the_pdfs_attached_to_responses(page, live_server, axe, culture_admin, citizen,
                                                              other_citizen):
    """Row 4: attachments are linked for the staff, and in public with the response when the responder consented."""
    now = timezone.now()
    hearing = Hearing.objects.create(slug="hoering", title="Høring over strategien", description="Sig din mening.",
                                     opens_at=now - timedelta(days=3), closes_at=now + timedelta(days=3))
    strategy_services.submit_response(actor=citizen, hearing=hearing, text="Se mit forslag.", publish_with_name=True,
                                      files=[SimpleUploadedFile("forslag.pdf", PDF, "application/pdf")])
    strategy_services.submit_response(actor=other_citizen, hearing=hearing, text="Anonymt svar.",
                                      publish_with_name=False,
                                      files=[SimpleUploadedFile("privat.pdf", PDF, "application/pdf")])
    Hearing.objects.filter(pk=hearing.pk).update(closes_at=timezone.now() - timedelta(minutes=1))

    page.set_viewport_size(PHONE)
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + f"/medarbejder/hoeringer/{hearing.pk}/")
    axe(page)
    expect(page.get_by_role("link", name="Bilag: forslag.pdf")).to_be_visible()
    expect(page.get_by_role("link", name="Bilag: privat.pdf")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Bilag: privat.pdf").click()
    assert download.value.suggested_filename == "privat.pdf"

    page.context.clear_cookies()
    page.goto(live_server.url + hearing.get_absolute_url())
    axe(page)
    expect(page.get_by_role("link", name="Bilag: forslag.pdf")).to_be_visible()
    expect(page.get_by_role("link", name="Bilag: privat.pdf")).to_have_count(0)


@pytest.fixture
def draft_application(association_rep):
    from grants.models import Pool, Round

    now = timezone.now()
    pool = Pool.objects.create(name="Puljen til lokale aktiviteter", slug="lokale", purpose="Støtte lokale aktiviteter.",
                               who_may_apply="Alle", max_amount=Decimal("25000"), yearly_budget=Decimal("100000"))
    Round.objects.create(pool=pool, name="Runde 1", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=30))
    return GrantApplication.objects.create(pool=pool, round=pool.open_round(), applicant=association_rep,
                                           contact_name="Rikke", contact_email=association_rep.email)


def test_a_step_link_saves_what_was_typed_and_leaving_unsaved_input_warns(page, live_server, axe, draft_application,
                                                                          association_rep):
    """Row 8: every step change saves the draft; leaving the page with unsaved input asks first."""
    page.set_viewport_size(PHONE)
    login_as(page, live_server, association_rep)
    page.goto(live_server.url + f"/puljer/ansoegninger/{draft_application.pk}/trin/projekt/")
    axe(page)
    page.get_by_label("Projektets titel").fill("Roregatta på Furesøen")
    page.get_by_label("Beskrivelse af projektet").fill("Halvt skrevet beskrivelse")

    # with unsaved input, leaving asks first (the browser's own question)
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Mine ansøgninger").click()
    page.wait_for_timeout(300)
    assert asked == ["beforeunload"]
    expect(page.get_by_label("Projektets titel")).to_have_value("Roregatta på Furesøen")

    # a step link is a button of the form: it saves, then shows the step (no question: nothing is lost)
    page.get_by_role("button", name="Budget").click()
    expect(page.get_by_role("heading", name=re.compile("Budget"))).to_be_visible()
    axe(page)
    draft_application.refresh_from_db()
    assert (draft_application.title, draft_application.description) == ("Roregatta på Furesøen",
                                                                        "Halvt skrevet beskrivelse")
    page.get_by_role("button", name="Forrige trin").click()
    page.get_by_role("button", name="Projektet").click()
    expect(page.get_by_label("Beskrivelse af projektet")).to_have_value("Halvt skrevet beskrivelse")
    axe(page)


def test_the_step_form_saves_on_step_change_without_javascript(browser, live_server, draft_application,
                                                               association_rep):
    """Row 8 without JavaScript: the step buttons still save (the form is the page's own)."""
    context = browser.new_context(java_script_enabled=False, bypass_csp=True, locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        login_as(page, live_server, association_rep)
        page.goto(live_server.url + f"/puljer/ansoegninger/{draft_application.pk}/trin/projekt/")
        page.get_by_label("Projektets titel").fill("Uden JavaScript")
        page.get_by_role("button", name="Samarbejde").click()
        expect(page.get_by_role("heading", name=re.compile("Samarbejde"))).to_be_visible()
        draft_application.refresh_from_db()
        assert draft_application.title == "Uden JavaScript"
    finally:
        context.close()


__all__ = ["Process"]
