import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from frivillig.core import pdf
from grants.models import Attachment, GrantApplication, Status

from .conftest import MINIMAL_PDF

pytestmark = pytest.mark.django_db


def step(client, application, slug, data, files=None):
    return client.post(f"/puljer/ansoegninger/{application.pk}/trin/{slug}/", {**data, **(files or {})})


def fill_everything(client, application, association):
    step(client, application, "kontakt", {"on_behalf_of": association.pk, "contact_name": "Rikke", "contact_email": "rep@example.dk",
                                          "contact_phone": "", "action": "videre"})
    step(client, application, "projekt", {"title": "Roregatta", "description": "Regatta for alle.", "purpose": "Fællesskab",
                                          "target_group": "Familier", "expected_participants": 80, "place": "Furesøen",
                                          "starts_on": "2027-05-01", "ends_on": "2027-05-02", "action": "videre"})
    step(client, application, "samarbejde", {"partner_institution": "", "partnership_description": "", "action": "videre"})
    step(client, application, "budget", {"budget-TOTAL_FORMS": 2, "budget-INITIAL_FORMS": 0, "budget-MIN_NUM_FORMS": 1,
                                         "budget-MAX_NUM_FORMS": 1000, "budget-0-kind": "expense",
                                         "budget-0-description": "Både", "budget-0-amount": "15000",
                                         "budget-1-kind": "cofinancing", "budget-1-description": "Egen kasse",
                                         "budget-1-amount": "3000", "action": "videre"})


def test_multi_step_application_saves_drafts_and_submits(client, pool, association_rep, association,
                                                         django_capture_on_commit_callbacks):
    client.force_login(association_rep)
    response = client.post("/puljer/lokale/ansoeg/")
    application = GrantApplication.objects.get()
    assert response["Location"].endswith(f"/puljer/ansoegninger/{application.pk}/trin/kontakt/")
    fill_everything(client, application, association)
    application.refresh_from_db()
    assert application.status == Status.DRAFT and application.title == "Roregatta"
    assert application.on_behalf_of == association
    assert application.budget_totals() == {"expenses": Decimal("15000"), "cofinancing": Decimal("3000"), "gap": Decimal("12000")}
    upload = SimpleUploadedFile("budget.pdf", MINIMAL_PDF, content_type="application/pdf")
    step(client, application, "beloeb", {"amount_requested": "12000", "attachment_title": "Budgetbilag",
                                         "action": "videre"}, {"attachment": upload})
    assert Attachment.objects.filter(application=application).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = step(client, application, "samtykke", {"consent": "on", "action": "videre"})
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    receipt = mail.outbox[-1]
    assert receipt.subject.startswith("Kvittering") and "Roregatta" in receipt.subject
    copy = pdf.latest("grants.application", application)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(copy.file.read())).pages)
    assert "Roregatta" in text and "Holte Roklub" in text


def test_amount_above_pool_maximum_is_explained_and_kept(client, pool, association_rep):
    client.force_login(association_rep)
    client.post("/puljer/lokale/ansoeg/")
    application = GrantApplication.objects.get()
    response = step(client, application, "beloeb", {"amount_requested": "30000", "action": "videre"})
    html = response.content.decode()
    assert "Du kan højst søge 25.000 kr." in html and 'value="30000"' in html


def test_cannot_submit_with_missing_parts(client, pool, association_rep):
    client.force_login(association_rep)
    client.post("/puljer/lokale/ansoeg/")
    application = GrantApplication.objects.get()
    response = step(client, application, "samtykke", {"consent": "on", "action": "videre"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_non_representative_cannot_apply_for_association(client, pool, citizen, association):
    client.force_login(citizen)
    client.post("/puljer/lokale/ansoeg/")
    application = GrantApplication.objects.get()
    response = step(client, application, "kontakt", {"on_behalf_of": association.pk, "contact_name": "x",
                                                     "contact_email": "x@example.dk", "action": "videre"})
    assert response.status_code == 200 and "Der er fejl i formularen" in response.content.decode()
    application.refresh_from_db()
    assert application.on_behalf_of is None


@pytest.mark.parametrize("name,content,message", [
    ("program.exe", b"MZ\x90\x00", "Filtypen er ikke tilladt"),
    ("faktura.pdf", b"MZ\x90\x00 this is really an exe", "passer ikke med typen PDF"),
    ("stor.pdf", MINIMAL_PDF + b"0" * (10 * 1024 * 1024), "Filen er for stor"),
])
def test_bad_uploads_are_refused_with_clear_message(client, pool, association_rep, name, content, message):
    client.force_login(association_rep)
    client.post("/puljer/lokale/ansoeg/")
    application = GrantApplication.objects.get()
    response = step(client, application, "beloeb", {"amount_requested": "1000", "attachment_title": "Bilag",
                                                    "action": "videre"},
                    {"attachment": SimpleUploadedFile(name, content)})
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_other_citizen_cannot_see_application_or_attachment(client, submitted, other_citizen):
    att = Attachment.objects.create(application=submitted, title="Bilag",
                                    file=SimpleUploadedFile("b.pdf", MINIMAL_PDF))
    client.force_login(other_citizen)
    assert client.get(submitted.get_absolute_url()).status_code == 404
    assert client.get(f"/puljer/bilag/{att.pk}/").status_code == 404
    assert client.get(submitted.get_staff_url()).status_code == 403
    client.force_login(submitted.applicant)
    response = client.get(f"/puljer/bilag/{att.pk}/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")


def test_withdraw_before_decision(client, submitted):
    client.force_login(submitted.applicant)
    client.post(f"/puljer/ansoegninger/{submitted.pk}/traek-tilbage/")
    submitted.refresh_from_db()
    assert submitted.status == Status.WITHDRAWN


def test_attachment_uploads_are_rate_limited(client, pool, association_rep):
    """Pen-test row 8: any verified citizen could send image after image to be decoded."""
    client.force_login(association_rep)
    client.post("/puljer/lokale/ansoeg/")
    application = GrantApplication.objects.get()
    for number in range(21):
        response = client.post(f"/puljer/ansoegninger/{application.pk}/trin/beloeb/gem/",
                               {"amount_requested": "1000", "attachment_title": f"Bilag {number}",
                                "attachment": SimpleUploadedFile(f"b{number}.pdf", MINIMAL_PDF)})
    assert Attachment.objects.count() == 20
    assert "mange gange på kort tid" in client.get(response["Location"]).content.decode()


def _receipts_on_disk(application):
    from pathlib import Path

    from django.conf import settings

    folder = Path(settings.MEDIA_ROOT) / "grants" / str(application.pk) / "reports"
    return list(folder.glob("*")) if folder.exists() else []


def test_a_refused_report_leaves_no_file(client, submitted, association_rep):
    """Pen-test row 14: a report refused (here: the grant is not paid out yet) kept its uploaded file on disk."""
    client.force_login(association_rep)
    response = client.post(f"/puljer/ansoegninger/{submitted.pk}/afrapportering/", {
        "what_happened": "Fest", "participants": 10, "money_spent": "100",
        "receipts": SimpleUploadedFile("kvittering.pdf", MINIMAL_PDF)}, follow=True)
    assert "kan ikke ændres" in response.content.decode()
    submitted.refresh_from_db()
    assert not hasattr(submitted, "report") and _receipts_on_disk(submitted) == []


def test_report_uploads_are_rate_limited(client, submitted, association_rep):
    client.force_login(association_rep)
    for _attempt in range(21):
        response = client.post(f"/puljer/ansoegninger/{submitted.pk}/afrapportering/", {
            "what_happened": "Fest", "participants": 10, "money_spent": "100",
            "receipts": SimpleUploadedFile("kvittering.pdf", MINIMAL_PDF)})
    assert response.status_code == 302
    assert "mange gange på kort tid" in client.get(response["Location"]).content.decode()
