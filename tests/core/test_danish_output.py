"""What people read is Danish as Danes write it: plurals, months, amounts, local time, no codes.

The pages test walks every URL pattern of the portal (with the demo data filling in the ids), as a visitor and
as the Culture department; the PDF test renders every registered kind of PDF."""

import io
import re
import subprocess
from decimal import Decimal

import pikepdf
import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from lxml import html as lxml_html
from pypdf import PdfReader

from frivillig.core import formatting, pdf

# Plural nouns the portal counts: "1 høringsparter" is wrong, "1 høringspart" right.
PLURAL_NOUNS = ("timer|pladser|frivillige|ansøgninger|dage|uger|måneder|gange|høringsparter|opgaver|idéer|ideer|kladder|"
                "foreninger|invitationer|tilmeldinger|mødetilmeldinger|søgninger|deltagere|personer|medlemmer|beskeder|"
                "dokumenter|arrangementer|møder|puljer|institutioner|organisationer|brugere|roller|sager|afgørelser|"
                "udbetalinger|ændringer|svarene|resultater")
PROBLEMS = {
    "singular with plural noun": re.compile(rf"(?<![\d.,])1 ({PLURAL_NOUNS})\b"),
    "plural in brackets": re.compile(r"\w\((e|r|er|ne|en|et|s)\)(?!\w)"),
    "doubled full stop": re.compile(r"(?<!\.)\.\.(?!\.)"),
    "decimal point in a Danish number": re.compile(r"(?<![\d.,§])(?<!WCAG )(?<!kl\. )(?<!kl\. \d\d\.\d\d–)(?<!kl\. \d\.\d\d–)"
                                                   r"\d+\.(\d{1,2}|\d{4,})(?![\d.,])"),
    "snake_case file name": re.compile(r"\b\w*_\w*\.(pdf|csv|xlsx|json|ics|zip|txt)\b"),
    "English month": re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December"
                                r"|\d{1,2}\.? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)"),
    "unformatted amount": re.compile(r"(?<![\d.,])\d{4,}(,\d\d)? kr\."),
    "ISO date or UTC time": re.compile(r"\b\d{4}-\d\d-\d\dT?\d\d:\d\d|\bUTC\b|\+00:00"),
    "raw code": re.compile(r"(?<![\w@./-])[a-z]+(_[a-z]+)+(?![\w@./-])"),
    "repeated count": re.compile(r"Der søges (\d+) – \1 pladser"),
}


def problems_in(text: str) -> list[str]:
    found = []
    for name, pattern in PROBLEMS.items():
        for match in pattern.finditer(text):
            start = max(match.start() - 40, 0)
            found.append(f"{name}: …{text[start:match.end() + 20]}…".replace("\n", " "))
    return found


def visible_text(content: bytes) -> str:
    tree = lxml_html.fromstring(content)
    for element in tree.xpath("//script|//style|//template"):
        element.drop_tree()
    return re.sub(r"[ \t]+", " ", tree.text_content())


def test_the_checks_catch_what_the_issue_saw():
    for bad in ["1 timer om ugen", "24. Aug 2026", "20000 kr.", "2026-08-24T13:05", "Status: in_review",
                "Der søges 5 – 5 pladser tilbage", "24. August 2026",
                # issue 27
                "1 ansøgning(er) trækkes tilbage", "1 idé(er) bevares", "2 kladde(r)", "1 høringsparter er inviteret.",
                "der er bevilget 10.000 kr..", "Timer om ugen: 2.0", "2.5 timer", "Hent my_data.pdf",
                "annual_report.pdf er under udarbejdelse", "1 opgaver fundet"]:
        assert problems_in(bad), bad
    for good in ["1 time om ugen", "24. aug. 2026", "20.000 kr.", "1.234,50 kr.", "kl. 13:05", "frivillig@rudersdal.dk",
                 "Der søges 5 frivillige", "24. august 2026",
                 "1 ansøgning trækkes tilbage", "21 opgaver", "2,1 timer", "1.000 opgaver", "24.08.2026", "WCAG 2.1",
                 "Vent…", "Vent...", "Timer om ugen: 2,5", "mine-data.pdf", "§17.4-udvalget", "(hoved)indgang", "kl. 18.41"]:
        assert not problems_in(good), good


def test_amounts_are_grouped_with_ore_only_when_there_are_any():
    from django.utils import translation

    with translation.override("en"):
        assert formatting.kroner(Decimal("20000")) == "DKK 20,000"
    translation.activate("da")
    assert formatting.kroner(Decimal("20000")) == "20.000 kr."
    assert formatting.kroner(Decimal("20000.00")) == "20.000 kr."
    assert formatting.kroner(Decimal("1234.5")) == "1.234,50 kr."
    assert formatting.kroner(None) == ""


@pytest.fixture
def demo(db, culture_admin):
    call_command("load_portal_data", demo=True, verbosity=0)
    return culture_admin


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if getattr(entry, "namespace", None) in {"admin", "djdt"}:
                continue
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def object_urls() -> set[str]:
    """The demo data's own pages: every object with a public or staff URL."""
    from django.apps import apps

    urls = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"taskbank", "grants", "strategy", "network", "policy"}:
            continue
        for name in ("get_absolute_url", "get_staff_url"):
            if hasattr(model, name):
                for obj in model.objects.all()[:3]:
                    try:
                        urls.add(getattr(obj, name)())
                    except Exception:  # noqa: BLE001 - an object without a page of that kind
                        pass
    return urls


def page_urls() -> set[str]:
    urls = set()
    for route, _entry in walk(get_resolver().url_patterns):
        if "<" in route or "(?P" in route or route.startswith(("admin/", "static/", "media/", "api/")):
            continue
        path = "/" + route.lstrip("^").rstrip("$")
        if path.endswith((".csv", ".xlsx", ".ics", ".json", ".xml", ".txt", "healthz")) or "logout" in path:
            continue
        urls.add(path)
    return urls | object_urls()


def test_every_page_reads_as_danish(client, demo):
    checked, bad = 0, []
    for who in ("anonymous", "culture_admin"):
        if who == "culture_admin":
            client.force_login(demo)
        for url in sorted(page_urls()):
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            checked += 1
            bad += [f"{who} {url}: {p}" for p in problems_in(visible_text(response.content))]
            title = lxml_html.fromstring(response.content).findtext(".//title")
            if not re.fullmatch(r"(\S.* – )?Frivillig Rudersdal", title or ""):
                bad.append(f"{who} {url}: title {title!r} does not read 'Page – Frivillig Rudersdal'")
    assert checked > 60, checked  # the walk really reached the portal's pages
    assert not bad, "\n".join(bad)


def test_the_access_log_is_in_danish_local_time(client, citizen, culture_admin):
    from frivillig.core.audit import log_access

    log_access(actor=culture_admin, subjects=[citizen], reason="Sagsbehandling")
    at = timezone.localtime()
    client.force_login(citizen)
    text = visible_text(client.get("/konto/mine-data/").content)
    assert f"kl. {at:%H:%M}" in text or f"kl. {(at - timezone.timedelta(minutes=1)):%H:%M}" in text
    assert not problems_in(text)


def test_task_time_and_places_in_danish(client, demo):
    from taskbank.models import Task
    from taskbank.templatetags.taskbank_tags import task_places, task_time

    task = Task.objects.filter(status="published").first()
    task.hours_per_week, task.kind, task.volunteers_wanted = Decimal(1), "ongoing", 5
    assert task_time(task) == "1 time om ugen"
    task.hours_per_week = Decimal("2.5")
    assert task_time(task) == "2,5 timer om ugen"
    task.kind, task.hours_per_week = "one_off", Decimal(6)
    assert task_time(task) == "6 timer i alt"
    assert task_places(task, 5) == "Der søges 5 frivillige"
    assert task_places(task, 1) == "Der søges 5 frivillige, 1 plads tilbage"


def pdf_objects(citizen):
    """One object for every registered kind of PDF (from the demo data)."""
    from engagement.models import Agreement as VolunteerAgreement
    from grants.models import GrantApplication
    from network.models import Agreement, AnnualReport, Meeting
    from strategy.models import Hearing, Process

    return {
        "engagement.agreement": VolunteerAgreement.objects.first(), "engagement.certificate":
            VolunteerAgreement.objects.exclude(volunteer=None).first().volunteer,
        "grants.application": GrantApplication.objects.exclude(status="draft").first(),
        "grants.decision_letter": GrantApplication.objects.filter(approved_amount__isnull=False).first(),
        "network.agenda": Meeting.objects.first(), "network.minutes": Meeting.objects.first(),
        "network.agreement": Agreement.objects.first(),
        "network.annual_report": AnnualReport.objects.get_or_create(year=2026)[0],
        "strategy.hearing_memo": Hearing.objects.first(), "strategy.final_strategy": Process.objects.first(),
        "accounts.my_data": citizen, "policy.full": None, "policy.volunteer_agreement": None,
        "policy.partnership_agreement": None,
        "core.test_document": citizen,
    }


def test_every_pdf_is_tagged_danish_titled_and_reads_as_danish(demo, citizen, tmp_path):
    objects = pdf_objects(citizen)
    kinds = set(pdf._renderers)
    assert kinds <= set(objects), f"add an object for the new kind(s) {kinds - set(objects)}"
    bad = []
    for kind in sorted(kinds):
        rendered = pdf.get_renderer(kind).build(objects[kind])
        data = pdf.render_to_pdf_bytes(rendered.template, rendered.context)
        with pikepdf.open(io.BytesIO(data)) as document:
            assert "/StructTreeRoot" in document.Root, kind
            assert str(document.Root.Lang) == "da", kind
            assert document.Root.MarkInfo.Marked, kind
            with document.open_metadata() as meta:
                assert meta.get("dc:title"), kind
            assert str(document.docinfo.get("/Title", "")).strip(), kind
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(data)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M), (kind, info)
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        bad += [f"{kind}: {p}" for p in problems_in(text)]
    assert not bad, "\n".join(bad)


def email_contexts(citizen) -> dict[str, dict]:
    """Each app's e-mail templates with the demo data's objects under the names the templates use."""
    from grants.models import GrantApplication
    from network.models import Agreement
    from network.models import Meeting as NetworkMeeting
    from strategy.models import Hearing, HearingResponse
    from strategy.models import Meeting as StrategyMeeting
    from taskbank.models import Event, Idea, SavedSearch, Task, TaskApplication

    common = {"portal_url": "https://frivillig.rudersdal.dk", "recipient_name": "Anna Andersen", "days": 1,
              "deleted_on": timezone.localdate(), "question": "Hvor mange deltagere?", "body": "Tak!",
              "message": "Hej", "unsubscribe_url": "https://frivillig.rudersdal.dk/afmeld/x/"}
    task = Task.objects.filter(status="published").first()
    return {
        "grants": {**common, "application": GrantApplication.objects.filter(approved_amount__isnull=False).first()},
        "network": {**common, "agreement": Agreement.objects.first(), "meeting": NetworkMeeting.objects.first()},
        "strategy": {**common, "hearing": Hearing.objects.first(), "meeting": StrategyMeeting.objects.first(),
                     "response": HearingResponse.objects.first(), "party": citizen},
        "taskbank": {**common, "task": task, "tasks": list(Task.objects.filter(status="published")[:5]),
                     "application": TaskApplication.objects.first(), "event": Event.objects.first(),
                     "idea": Idea.objects.first(), "saved": SavedSearch(user=citizen, name="Læsning", query="q=l")},
    }


def test_every_email_reads_as_danish(demo, citizen):
    from pathlib import Path

    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils import translation

    bad, rendered = [], 0
    with translation.override("da"):
        for app, context in email_contexts(citizen).items():
            for path in sorted((Path(settings.BASE_DIR) / app / "templates" / app / "email").glob("*.txt")):
                text = render_to_string(f"{app}/email/{path.name}", context)
                rendered += 1
                bad += [f"{app}/email/{path.name}: {p}" for p in problems_in(text)]
        for name in ("email_confirmation_message", "email_confirmation_subject"):
            text = render_to_string(f"account/email/{name}.txt", {"activate_url": "https://x/", "user": citizen})
            assert "Hej fra !" not in text
    assert rendered > 40, rendered
    assert not bad, "\n".join(bad)
