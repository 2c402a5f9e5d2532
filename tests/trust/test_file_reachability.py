"""Every uploaded file is where the staff handling its object look (issue 29).

The invariant: every ``FileField`` of every model (found from the app registry, so a new upload field is seen by
itself) has a case below that stores a file in it, opens the page where the staff who handle that object work,
follows the page's links and finds one that serves exactly that file; where the file is personal data (what a
citizen or an association gave the municipality), opening it writes an access-log row. A new upload field without a
case, or a case whose page links nowhere to the file, fails."""

import html
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from frivillig.core.models import PersonalDataAccess

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _pdf(name: str) -> SimpleUploadedFile:
    # Each case stores different bytes, so the link found serves this very file.
    return SimpleUploadedFile(name, PDF + f"% {name}\n".encode(), content_type="application/pdf")


def _grant_case(people):
    from grants.models import Pool, Round
    from tests.grants.conftest import make_application

    now = timezone.now()
    pool = Pool.objects.create(name="Puljen", slug="puljen", purpose="-", who_may_apply="Alle",
                               max_amount=Decimal("25000"), yearly_budget=Decimal("50000"))
    Round.objects.create(pool=pool, name="Runde 1", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=9))
    return make_application(pool, people("association_rep"))


def case_grant_attachment(people):
    from grants.models import Attachment

    application = _grant_case(people)
    attachment = Attachment.objects.create(application=application, title="Budgetbilag", file=_pdf("budget.pdf"))
    return attachment, "file", people("culture_admin"), application.get_staff_url(), True


def case_grant_report(people):
    from grants.models import GrantApplication, Report, Status

    application = _grant_case(people)
    GrantApplication.objects.filter(pk=application.pk).update(status=Status.REPORT_RECEIVED)
    report = Report.objects.create(application=application, what_happened="Holdt.", participants=3,
                                   money_spent=Decimal("100"), receipts=_pdf("kvitteringer.pdf"))
    return report, "receipts", people("culture_admin"), application.get_staff_url(), True


def _hearing(people, *, closed=False):
    from strategy.models import Hearing

    now = timezone.now()
    return Hearing.objects.create(slug="hoering", title="Høring", description="-", opens_at=now - timedelta(days=3),
                                  closes_at=now - timedelta(minutes=1) if closed else now + timedelta(days=3))


def case_response_attachment(people):
    from strategy import services

    hearing = _hearing(people)
    response = services.submit_response(actor=people("citizen"), hearing=hearing, text="Se bilag.",
                                        publish_with_name=False, files=[_pdf("svar.pdf")])
    return (response.attachments.get(), "file", people("culture_admin"),
            reverse("strategy:staff_hearing", args=[hearing.pk]), True)


def case_hearing_document(people):
    from strategy.models import HearingDocument

    hearing = _hearing(people)
    document = HearingDocument.objects.create(hearing=hearing, title="Udkast", file=_pdf("udkast.pdf"))
    return document, "file", people("culture_admin"), reverse("strategy:staff_hearing", args=[hearing.pk]), False


def case_toolbox_attachment(people):
    from policy.models import Audience, Category, ToolboxAttachment, ToolboxItem

    item = ToolboxItem.objects.create(slug="forsikring", title="Forsikring", category=Category.values[0],
                                      audiences=[Audience.values[0]], summary="-", body="-",
                                      last_revised=timezone.localdate())
    attachment = ToolboxAttachment.objects.create(item=item, title="Skabelon", file=_pdf("skabelon.pdf"))
    return attachment, "file", people("culture_admin"), reverse("policy_staff:edit", args=["vaerktoejskasse", item.pk]), False


def case_meeting_document(people):
    from network.models import Body, Meeting, MeetingDocument
    from network.seed import load_reference

    load_reference()
    now = timezone.now()
    meeting = Meeting.objects.create(body=Body.objects.get(kind="steering"), title="Styregruppemøde", place="Rådhuset",
                                     starts_at=now + timedelta(days=3), ends_at=now + timedelta(days=3, hours=2))
    document = MeetingDocument.objects.create(meeting=meeting, title="Dagsorden", file=_pdf("dagsorden.pdf"))
    return document, "file", people("culture_admin"), reverse("network:staff_meeting", args=[meeting.pk]), False


def case_generated_document(people):
    """Generated PDFs (core.Document): a decision letter, on the case page of the handler."""
    from frivillig.core import pdf
    from grants import services
    from grants.models import Status

    application = _grant_case(people)
    services.decide(actor=people("culture_admin"), application=application, outcome=Status.APPROVED,
                    amount=application.amount_requested, reason="")
    # rendered after the commit (the test runs the callbacks): the object is looked up then
    return lambda: pdf.latest("grants.decision_letter", application), "file", people("culture_admin"), application.get_staff_url(), True


CASES = {
    ("grants.Attachment", "file"): case_grant_attachment,
    ("grants.Report", "receipts"): case_grant_report,
    ("strategy.ResponseAttachment", "file"): case_response_attachment,
    ("strategy.HearingDocument", "file"): case_hearing_document,
    ("policy.ToolboxAttachment", "file"): case_toolbox_attachment,
    ("network.MeetingDocument", "file"): case_meeting_document,
    ("core.Document", "file"): case_generated_document,
}


def file_fields() -> list[tuple[str, str]]:
    """Every FileField (ImageField included) of every installed model."""
    return sorted((model._meta.label, field.name) for model in apps.get_models()
                  for field in model._meta.get_fields() if isinstance(field, models.FileField))


def test_every_file_field_has_a_case():
    missing = [f"{label}.{name}" for label, name in file_fields() if (label, name) not in CASES]
    assert missing == [], (f"{missing}: a new upload field. Link its files from the page where the staff handling "
                           "its object work (with log_access for personal data) and add a case to CASES here.")
    assert set(CASES) <= set(file_fields()), "a case for a field that no longer exists"


def _links(page: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"#]+)', page):
        url = html.unescape(href)
        if url.startswith("/") and not url.startswith("//") and url not in found:
            try:
                resolve(url.split("?", 1)[0])
            except Resolver404:
                continue
            found.append(url)
    return found


def _serves(response, content: bytes) -> bool:
    return response.status_code == 200 and getattr(response, "streaming", False) and (
        b"".join(response.streaming_content) == content)


@pytest.mark.parametrize("field", file_fields(), ids=lambda f: f"{f[0]}.{f[1]}")
def test_every_uploaded_file_is_linked_where_its_staff_look(client, request, field, django_capture_on_commit_callbacks):
    if field not in CASES:
        pytest.fail(f"no case for {field}: see test_every_file_field_has_a_case")
    with django_capture_on_commit_callbacks(execute=True):
        obj, name, staff, page_url, personal = CASES[field](request.getfixturevalue)
    obj = obj() if callable(obj) else obj
    stored = getattr(obj, name)
    with stored.open("rb") as f:
        content = f.read()
    client.force_login(staff)
    page = client.get(page_url)
    assert page.status_code == 200, page_url
    for url in _links(page.content.decode()):
        before = PersonalDataAccess.objects.filter(actor=staff).count()
        if _serves(client.get(url), content):
            if personal:
                assert PersonalDataAccess.objects.filter(actor=staff).count() > before, (
                    f"{url} serves {field[0]}.{field[1]} without an access-log row")
            return
    pytest.fail(f"{page_url} links nowhere to the {field[0]}.{field[1]} file it should show its staff")
