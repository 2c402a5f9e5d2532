"""The issue's journey in a real browser: an association registers, is approved and posts a need; a citizen finds
it with a search and the "Forening" filter, asks a question and applies; the association accepts. The Culture
department creates an event and an association and moderates a task. axe-core on every page visited."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from frivillig.accounts.models import Organisation
from taskbank.models import Event, Task, TaskApplication
from tests.e2e.conftest import login_as
from tests.factories import UserFactory
from tests.taskbank.factories import TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_association_journey(page, live_server, axe, citizen, culture_admin, institution, institution_staff):
    municipal = TaskFactory(institution=institution, contact=institution_staff, title="Rotur på plejecentret",
                            summary="Ledsag beboere på en rotur.")
    founder = UserFactory(email="formand@example.dk", full_name="Frede Formand")

    # 1. The association registers itself.
    login_as(page, live_server, founder)
    page.goto(live_server.url + "/foreninger/tilmeld/")
    axe(page)
    page.get_by_label("Foreningens navn").fill("Vedbæk Roklub")
    page.get_by_label("CVR-nummer").fill("12345678")
    page.get_by_label("Foreningens formål").fill("Roning for alle aldre på Øresund.")
    page.get_by_label("Foreningens e-mail").fill("ro@example.dk")
    page.get_by_role("button", name="Tilmeld foreningen").click()
    expect(page.locator("#id_cvr-error")).to_contain_text("CVR-nummeret er ikke gyldigt")
    axe(page)
    page.get_by_label("CVR-nummer").fill("29189846")
    page.get_by_role("button", name="Tilmeld foreningen").click()
    expect(page.get_by_text("venter på godkendelse")).to_be_visible()
    axe(page)
    assert Organisation.objects.filter(name="Vedbæk Roklub").exists()

    # 2. The Culture department approves it.
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/organisationer/")
    axe(page)
    page.get_by_role("link", name="Vedbæk Roklub").click()
    axe(page)
    page.get_by_label("Godkend foreningen").check()
    page.get_by_role("button", name="Gem afgørelse").click()
    expect(page.get_by_text("Afgørelsen er gemt")).to_be_visible()
    axe(page)
    assert any(m.to == [founder.email] and m.subject == "Vedbæk Roklub: Godkendt" for m in mail.outbox)

    # 3. The association posts a need; its first task goes to review.
    login_as(page, live_server, founder)
    page.goto(live_server.url + "/medarbejder/opgaver/")
    axe(page)
    page.get_by_role("link", name="Ny opgave for Vedbæk Roklub").click()
    axe(page)
    page.get_by_label("Titel").fill("Rotur med ældre fra Vedbæk")
    page.get_by_label("Kort beskrivelse").fill("Tag en ældre med på en rotur en sommeraften.")
    page.get_by_label("Beskrivelse", exact=True).fill("Vi har både til fire og søger styrmænd.")
    page.get_by_label("Fagområde").select_option("culture")
    page.get_by_label("By", exact=True).select_option("vedbaek")
    page.get_by_label("Adresse").fill("Vedbæk Strandvej 1")
    page.get_by_label("Alle", exact=True).check()
    page.get_by_label("Antal frivillige").fill("4")
    page.get_by_label("Kontaktperson").select_option(label="Frede Formand")
    page.get_by_label("Udløbsdato").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Opgaven er gemt som kladde")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Send til godkendelse").click()
    expect(page.get_by_text("Afventer godkendelse").first).to_be_visible()  # the status, and the history below it
    axe(page)
    assert Task.objects.filter(title="Rotur med ældre fra Vedbæk").exists()

    # 4. The Culture department reviews it.
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/opgaver/")
    page.get_by_role("link", name="Rotur med ældre fra Vedbæk").first.click()
    axe(page)
    page.get_by_role("button", name="Godkend og offentliggør").click()
    expect(page.get_by_text("Opgaven er godkendt og offentliggjort")).to_be_visible()
    axe(page)

    # 5. A citizen finds it among municipal tasks with a search and the filter, asks, applies.
    login_as(page, live_server, citizen)
    page.goto(live_server.url + "/opgaver/?q=rotur")
    expect(page.get_by_role("link", name="Rotur på plejecentret")).to_be_visible()
    expect(page.get_by_role("link", name="Rotur med ældre fra Vedbæk")).to_be_visible()
    axe(page)
    page.get_by_label(re.compile("^Hvem står bag")).select_option("forening")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.wait_for_url(re.compile("udbyder=forening"))
    expect(page.get_by_role("link", name="Rotur på plejecentret")).to_have_count(0)
    axe(page)
    page.get_by_role("link", name="Rotur med ældre fra Vedbæk").click()
    expect(page.get_by_text("Står bag: Vedbæk Roklub")).to_be_visible()
    expect(page.get_by_text("dagpenge")).to_have_count(0)
    axe(page)
    page.get_by_role("link", name="Stil et spørgsmål").click()
    axe(page)
    page.get_by_label("Dit spørgsmål").fill("Skal man kunne svømme?")
    page.get_by_role("button", name="Send spørgsmålet").click()
    expect(page.get_by_text("Dit spørgsmål er sendt")).to_be_visible()
    axe(page)
    question = next(m for m in mail.outbox if m.subject.startswith("Spørgsmål om opgaven"))
    assert question.to == [founder.email] and question.extra_headers["Reply-To"] == citizen.email
    assert founder.email not in page.content()
    page.get_by_role("link", name="Søg opgaven").click()
    axe(page)
    page.get_by_label("Fortæl kort om dig selv").fill("Jeg har roet i 30 år.")
    page.get_by_label("Hvornår kan du?").fill("Onsdag aften")
    page.get_by_role("button", name="Send ansøgning").click()
    expect(page.get_by_text("Tak for din ansøgning")).to_be_visible()
    axe(page)

    # 6. The association accepts.
    login_as(page, live_server, founder)
    page.goto(live_server.url + "/medarbejder/opgaver/")
    page.get_by_role("link", name=re.compile("Anna Andersen – Rotur med ældre")).click()
    axe(page)
    page.get_by_role("button", name="Optag ansøgeren").click()
    expect(page.get_by_text("Ansøgeren er optaget")).to_be_visible()
    axe(page)
    assert TaskApplication.objects.get().status == TaskApplication.Status.ACCEPTED

    # 7. The Culture department creates an event and an association, and moderates a task.
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/arrangementer/nyt/")
    axe(page)
    start = (timezone.localtime() + timedelta(days=14)).replace(hour=16, minute=0)
    page.get_by_label("Titel").fill("Frivillig Fredag")
    page.get_by_label("Beskrivelse").fill("Mød foreningerne på torvet.")
    page.get_by_label("Starter").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Slutter").fill((start + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("textbox", name="Sted").fill("Holte Torv")
    page.get_by_label("By").select_option("holte")
    page.get_by_label("Antal pladser").fill("200")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Arrangementet er gemt")).to_be_visible()
    axe(page)
    assert Event.objects.get().title == "Frivillig Fredag"

    page.goto(live_server.url + "/medarbejder/organisationer/ny/")
    axe(page)
    page.get_by_label("Navn").fill("Birkerød Spejderne")
    page.get_by_label("Type").select_option("association")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("Organisationen er gemt")).to_be_visible()
    axe(page)
    assert Organisation.objects.get(name="Birkerød Spejderne").status == Organisation.Status.APPROVED

    page.goto(live_server.url + municipal.get_staff_url())
    axe(page)
    page.get_by_label("Begrundelse").fill("Skriv, hvor man møder ind.")
    page.get_by_role("button", name="Send tilbage til den, der har slået opgaven op").click()
    expect(page.get_by_text("Opgaven er sendt tilbage")).to_be_visible()
    axe(page)
    municipal.refresh_from_db()
    assert municipal.status == Task.Status.DRAFT
    assert any(m.to == [institution_staff.email] and "Skriv, hvor man møder ind." in m.body for m in mail.outbox)

    page.goto(live_server.url + "/samlingssteder/")
    axe(page)


def test_invitation_import_directory_and_frivilligjob_pages(page, live_server, axe, tmp_path, association,
                                                            association_rep, other_citizen, culture_admin):
    task = TaskFactory(institution=association, contact=association_rep, title="Bådvask i maj",  # a long link must wrap at 320 px
                       description="Læs mere: https://www.rudersdal.dk/borger/kultur-og-fritid/frivillighed/frivillighedspolitik-og-strategi")
    # A representative invites a member; the invited person accepts.
    login_as(page, live_server, association_rep)
    page.goto(live_server.url + f"/medarbejder/organisationer/{association.pk}/")
    axe(page)
    page.get_by_label("E-mail på den, du vil invitere").fill(other_citizen.email)
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invitationen er sendt til {other_citizen.email}")).to_be_visible()
    axe(page)
    link = re.search(r"https?://\S+/organisationer/invitation/\S+/", mail.outbox[-1].body).group(0)
    login_as(page, live_server, other_citizen)
    page.goto(live_server.url + link[link.index("/organisationer/"):])
    axe(page)
    page.get_by_role("button", name="Acceptér invitationen").click()
    expect(page.get_by_text("Du er nu medlem af Holte Roklub")).to_be_visible()
    axe(page)

    # The Culture department imports offers and sees the Frivilligjob.dk fields of a task.
    login_as(page, live_server, culture_admin)
    page.goto(live_server.url + "/medarbejder/foreningstilbud/import/")
    axe(page)
    csv_file = tmp_path / "tilbud.csv"
    csv_file.write_text("forening;titel;by\nNærum Spejderne;Ledere til sommerlejr;Nærum\n", encoding="utf-8")
    page.get_by_label("Kilde").fill("Socialkompas")
    page.get_by_label("Fil (CSV eller JSON)").set_input_files(str(csv_file))
    page.get_by_role("button", name="Importér").click()
    expect(page.get_by_text("1 nye tilbud")).to_be_visible()
    axe(page)
    page.goto(live_server.url + "/foreninger/")
    expect(page.get_by_text("Kilde: Socialkompas")).to_be_visible()
    axe(page)
    page.goto(live_server.url + f"/medarbejder/opgaver/{task.pk}/frivilligjob/")
    expect(page.get_by_label("Tekst klar til at kopiere")).to_contain_text("Bådvask i maj")
    axe(page)
