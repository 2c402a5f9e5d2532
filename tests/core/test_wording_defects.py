"""The wording defects a walk through every role's journey found (issue 27), one test each, on the demo data.
The Danish-output walk (test_danish_output.py) keeps the kinds of mistake out of every page and e-mail."""

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from frivillig.accounts.models import User
from tests.core.test_danish_output import pdf_objects, visible_text

PLURAL_IN_BRACKETS = re.compile(r"\w\((e|r|er|ne|en|et)\)")


@pytest.fixture
def demo(db, culture_admin):
    call_command("load_portal_data", demo=True, verbosity=0)
    return culture_admin


def demo_user(email):
    return User.objects.get(email=email)


def test_a_pdf_being_made_is_named_as_it_will_be_called(demo, citizen):
    """Not "my_data.pdf" or "annual_report.pdf" (the kind's code) while the PDF is being made."""
    from frivillig.core import pdf

    names, objects = {}, pdf_objects(citizen)
    for kind in pdf._renderers:
        obj = objects[kind]
        doc = pdf.request(kind, obj=obj, version="issue-27")
        assert doc.status == doc.Status.PENDING  # rendered after commit: this is the name people see meanwhile
        names[kind] = doc.filename
    assert names["accounts.my_data"] == "mine-data.pdf"
    assert names["network.annual_report"] == "aarsrapport-2026.pdf"
    assert [n for n in names.values() if "_" in n or not n.endswith(".pdf")] == []


def test_the_frivilligjob_copy_writes_hours_as_danes_do(demo):
    from taskbank.exchange import copy_ready_text
    from taskbank.models import Task

    task = Task.objects.filter(status="published").first()
    with translation.override("da"):
        task.hours_per_week = Decimal("2.0")
        assert "Timer om ugen: 2\n" in copy_ready_text(task)
        task.hours_per_week = Decimal("2.5")
        assert "Timer om ugen: 2,5\n" in copy_ready_text(task)


def test_deleting_an_account_counts_without_brackets(client, demo):
    client.force_login(demo_user("forening@demo.frivillig.dk"))  # one draft, one undecided and one decided application
    text = visible_text(client.get("/konto/slet/").content)
    assert "1 kladde til en tilskudsansøgning slettes." in text
    assert "1 ansøgning, der ikke er afgjort, trækkes tilbage" in text
    assert "1 afgjort ansøgning bevares" in text
    assert not PLURAL_IN_BRACKETS.search(text), PLURAL_IN_BRACKETS.search(text)
    client.force_login(demo_user("borger@demo.frivillig.dk"))
    text = visible_text(client.get("/konto/slet/").content)
    assert "1 forening, du har tilmeldt, bevares" in text and "5 idéer bevares" in text
    assert not PLURAL_IN_BRACKETS.search(text), PLURAL_IN_BRACKETS.search(text)


def test_inviting_one_hearing_party_says_one(client, demo):
    from strategy.models import Hearing, HearingParty
    from tests.factories import OrganisationFactory

    hearing = Hearing.objects.first()
    hearing.parties.all().delete()
    HearingParty.objects.create(hearing=hearing, organisation=OrganisationFactory(email="part@example.dk"))
    client.force_login(demo)
    response = client.post(reverse("strategy:staff_hearing_invite", args=[hearing.pk]), follow=True)
    assert "1 høringspart er inviteret." in visible_text(response.content)


def test_a_granted_amount_ends_no_sentence_with_two_full_stops(client, demo):
    from grants.models import GrantApplication

    application = GrantApplication.objects.filter(approved_amount__isnull=False).first()
    client.force_login(application.applicant)
    text = visible_text(client.get(application.get_absolute_url()).content)
    assert "Der er bevilget" in text
    assert not re.search(r"(?<!\.)\.\.(?!\.)", text), re.search(r".{30}\.\..{10}", text)


def test_the_access_log_speaks_the_readers_language_whatever_the_case_handler_reads(client, demo):
    """A case handler who reads the portal in English left English reasons in the citizen's Danish log."""
    from grants.models import GrantApplication

    application = GrantApplication.objects.exclude(status="draft").first()
    client.force_login(demo)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(reverse("grants:staff_case", args=[application.pk])).status_code == 200

    client.force_login(application.applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    danish = visible_text(client.get("/konto/mine-data/").content)
    assert "Sagsbehandling af tilskudsansøgning" in danish
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = visible_text(client.get("/konto/mine-data/").content)
    assert "Sagsbehandling" not in english


ALLAUTH_WORDING = re.compile(r"(?<![-\w])[Ee]mail|[Pp]assword|succes", re.I)


def test_allauth_pages_speak_the_portals_danish(client, citizen):
    """allauth's own Danish says "emailadresse", "password" and "Loggede succesfuldt ind"; the portal says
    "e-mailadresse", "adgangskode" and "Du er logget ind" (locale/da, written by scripts/allauth_danish.py)."""
    for url in ("/konto/signup/", "/konto/login/", "/konto/password/reset/"):
        html = client.get(url).content
        text = visible_text(html)
        assert "e-mail" in text.lower(), url
        assert not re.search(r"(?<![-\w])[Ee]mailadresse", html.decode()), url  # placeholders too
        found = [m.group(0) for m in ALLAUTH_WORDING.finditer(text)]
        assert found == [], (url, found)
    response = client.post("/konto/login/", {"login": citizen.email, "password": "forkert"})
    assert "Den angivne e-mailadresse og/eller adgangskode er ikke korrekt." in visible_text(response.content)
    from tests.factories import PASSWORD

    response = client.post("/konto/login/", {"login": citizen.email, "password": PASSWORD}, follow=True)
    text = visible_text(response.content)
    assert f"Du er logget ind som {citizen.get_full_name()}" in text or f"Du er logget ind som {citizen.email}" in text
    assert "succes" not in text


def test_the_language_choice_names_each_language_in_its_own_words(client, citizen):
    """The profile offered "Dansk" and "engelsk"; the header's switch says "English"."""
    client.force_login(citizen)
    html = client.get("/konto/").content.decode()
    options = re.findall(r'<option value="(da|en)"[^>]*>([^<]+)</option>', html)
    assert dict(options) == {"da": "Dansk", "en": "English"}
