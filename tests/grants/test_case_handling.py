import io
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from freezegun import freeze_time
from pypdf import PdfReader

from frivillig.core import pdf
from grants import services, tasks
from grants.models import GrantApplication, Status

from .conftest import make_application

pytestmark = pytest.mark.django_db


def test_information_request_answer_partial_approval_letter(client, submitted, culture_admin,
                                                           django_capture_on_commit_callbacks):
    client.force_login(culture_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/puljer/sager/{submitted.pk}/oplysninger/", {"info-question": "Hvem står for teltet?"})
    submitted.refresh_from_db()
    assert submitted.status == Status.AWAITING_INFO
    assert "Hvem står for teltet?" in mail.outbox[-1].body
    client.force_login(submitted.applicant)
    client.post(submitted.get_absolute_url(), {"answer": "Roklubben selv."})
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_REVIEW
    client.force_login(culture_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/puljer/sager/{submitted.pk}/afgoer/",
                    {"dec-outcome": "approved", "dec-amount": "6000", "dec-reason": "Delvis dækning", "dec-conditions": ""})
    submitted.refresh_from_db()
    assert submitted.status == Status.PARTLY_APPROVED and submitted.approved_amount == Decimal("6000")
    letter = pdf.latest("grants.decision_letter", submitted)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(letter.file.read())).pages).split())
    assert "Rikke Roklub" in text and "6.000 kr." in text
    assert submitted.report_due_on.strftime("%-d.") in text and str(submitted.report_due_on.year) in text
    changes = list(submitted.status_changes.values_list("to_status", "actor__email"))
    assert ("partly_approved", "kultur@example.dk") in changes


def test_rejection_needs_a_reason(submitted, culture_admin):
    with pytest.raises(ValidationError, match="begrundelse"):
        services.decide(actor=culture_admin, application=submitted, outcome=Status.REJECTED, reason="")


def test_a_partial_approval_needs_reasons_and_the_applicant_sees_them(client, submitted, culture_admin):
    """Forvaltningsloven § 22: a decision that does not fully grant what was asked must give reasons."""
    with pytest.raises(ValidationError, match="§ 22"):
        services.decide(actor=culture_admin, application=submitted, outcome=Status.APPROVED, amount=Decimal("6000"))
    services.decide(actor=culture_admin, application=submitted, outcome=Status.APPROVED, amount=Decimal("6000"),
                    reason="Puljen dækker ikke forplejning.")
    client.force_login(submitted.applicant)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "Puljen dækker ikke forplejning." in page and "6.000" in page


def test_only_culture_department_decides(client, submitted, institution_staff):
    client.force_login(institution_staff)
    assert client.post(f"/medarbejder/puljer/sager/{submitted.pk}/afgoer/", {"dec-outcome": "approved", "dec-amount": "1"}).status_code == 403


def test_budget_refusal_is_explained(pool, association_rep, culture_admin):
    first = make_application(pool, association_rep, amount="25000", title="A")
    second = make_application(pool, association_rep, amount="25000", title="B")
    third = make_application(pool, association_rep, amount="25000", title="C")
    services.decide(actor=culture_admin, application=first, outcome=Status.APPROVED, amount=Decimal("25000"))
    services.decide(actor=culture_admin, application=second, outcome=Status.APPROVED, amount=Decimal("20000"),
                    reason="Puljen dækker ikke hele beløbet")
    with pytest.raises(ValidationError, match="Puljen har kun 5.000 kr."):
        services.decide(actor=culture_admin, application=third, outcome=Status.APPROVED, amount=Decimal("6000"))


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_never_overcommit_the_pool(pool, association_rep, culture_admin):
    applications = [make_application(pool, association_rep, amount="12000", title=f"P{i}") for i in range(8)]
    barrier = threading.Barrier(len(applications))
    results = []

    def approve(application):
        try:
            barrier.wait()
            services.decide(actor=culture_admin, application=application, outcome=Status.APPROVED,
                            amount=Decimal("12000"))
            results.append("ok")
        except ValidationError as exc:
            results.append(" ".join(exc.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(a,)) for a in applications]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(a.approved_amount or 0 for a in GrantApplication.objects.filter(status="approved"))
    assert total <= pool.yearly_budget
    assert results.count("ok") == 4  # 4 × 12.000 = 48.000 of 50.000
    refusals = [r for r in results if r != "ok"]
    assert len(refusals) == 4 and all("Puljen har kun" in r for r in refusals)


def test_batch_decisions_report_per_case(client, pool, association_rep, culture_admin):
    a = make_application(pool, association_rep, amount="25000", title="A")
    b = make_application(pool, association_rep, amount="25000", title="B")
    c = make_application(pool, association_rep, amount="25000", title="C")
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/puljer/{pool.pk}/udvalgsmoede/", {
        f"outcome-{a.pk}": "approved", f"amount-{a.pk}": "25000",
        f"outcome-{b.pk}": "approved", f"amount-{b.pk}": "25000",
        f"outcome-{c.pk}": "approved", f"amount-{c.pk}": "25000"})
    html = response.content.decode()
    assert html.count("Ikke afgjort") == 1 and "Puljen har kun 0" in html


def test_report_reminders_sent_once_then_report_and_close(client, submitted, culture_admin,
                                                          django_capture_on_commit_callbacks):
    services.decide(actor=culture_admin, application=submitted, outcome=Status.APPROVED, amount=Decimal("10000"))
    services.register_payout(actor=culture_admin, application=submitted, amount=Decimal("10000"),
                             paid_on=timezone.localdate())
    submitted.refresh_from_db()
    mail.outbox.clear()
    with freeze_time(submitted.report_due_on - timedelta(days=3)):
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                tasks.send_report_reminders.apply()
    assert len(mail.outbox) == 1 and "Husk afrapportering" in mail.outbox[0].subject
    with freeze_time(submitted.report_due_on + timedelta(days=1)):
        for _ in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                tasks.send_report_reminders.apply()
    assert len(mail.outbox) == 2 and "Afrapportering mangler" in mail.outbox[1].subject
    submitted.refresh_from_db()
    assert submitted.status == Status.REPORT_DUE
    client.force_login(submitted.applicant)
    client.post(f"/puljer/ansoegninger/{submitted.pk}/afrapportering/",
                {"what_happened": "Det gik godt.", "participants": 70, "money_spent": "9800"})
    submitted.refresh_from_db()
    assert submitted.status == Status.REPORT_RECEIVED
    services.approve_report(actor=culture_admin, application=submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.CLOSED


def test_case_list_totals_and_exports(client, pool, association_rep, culture_admin):
    a = make_application(pool, association_rep, amount="10000", title="=HYPERLINK(\"x\")")
    make_application(pool, association_rep, amount="5000", title="B")
    services.decide(actor=culture_admin, application=a, outcome=Status.APPROVED, amount=Decimal("8000"), reason="Delvis")
    client.force_login(culture_admin)
    html = client.get(f"/medarbejder/puljer/{pool.pk}/").content.decode()
    assert "15.000 kr." in html and "8.000 kr." in html
    body = client.get(f"/medarbejder/puljer/{pool.pk}/sager.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body
    xlsx = client.get(f"/medarbejder/puljer/{pool.pk}/sager.xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(xlsx.content)).active
    assert ws.max_row == 3


def test_personal_data_erase_keeps_decided_cases(submitted, culture_admin, association_rep, pool):
    from frivillig.core.registry import personal_data_handlers

    draft = make_application(pool, association_rep, status=Status.DRAFT, title="Kladde")
    services.decide(actor=culture_admin, application=submitted, outcome=Status.APPROVED, amount=Decimal("10000"))
    handler = personal_data_handlers()["grants"]
    assert len(handler.export(association_rep)["applications"]) == 2
    handler.erase(association_rep, dry_run=False)
    assert not GrantApplication.objects.filter(pk=draft.pk).exists()
    submitted.refresh_from_db()
    assert submitted.applicant is None and submitted.contact_email == "" and submitted.status == Status.APPROVED


def test_a_decision_at_new_year_books_in_the_year_the_budget_was_checked(pool, association_rep, culture_admin):
    """Pen-test row 10: at 23:30 UTC on 31 December it is already 1 January in Copenhagen. The check used the local
    year and the booking the UTC year, so a full pool could be committed twice."""
    from freezegun import freeze_time

    pool.yearly_budget = Decimal("25000")
    pool.save()
    first = make_application(pool, association_rep, amount="25000", title="Nytårsfest")
    second = make_application(pool, association_rep, amount="25000", title="Nytårskur")
    with freeze_time("2026-12-31 23:30:00+00:00"):
        services.decide(actor=culture_admin, application=first, outcome=Status.APPROVED, amount=Decimal("25000"))
        with pytest.raises(ValidationError, match=r"Puljen har kun 0(\.00)? kr. tilbage i 2027"):
            services.decide(actor=culture_admin, application=second, outcome=Status.APPROVED, amount=Decimal("25000"))
    first.refresh_from_db()
    assert first.budget_year == 2027
    assert GrantApplication.objects.filter(status__in=["approved"]).count() == 1
