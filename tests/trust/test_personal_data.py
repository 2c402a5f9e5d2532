import io
import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from freezegun import freeze_time
from pypdf import PdfReader

from frivillig.accounts.gdpr import erase_user
from frivillig.accounts.models import User
from frivillig.core import retention
from frivillig.core.audit import log_access
from frivillig.core.models import Document, Notification, PersonalDataAccess
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_json_export_holds_everything_including_access_log(client, citizen, institution_staff):
    log_access(actor=institution_staff, subjects=[citizen], reason="Behandling af ansøgning")
    client.force_login(citizen)
    response = client.get("/konto/mine-data/?format=json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == citizen.email
    assert data["access_log"][0]["who"] == "Signe Skovly" and data["access_log"][0]["why"] == "Behandling af ansøgning"
    assert {"taskbank", "grants", "strategy", "network"} <= set(data)


def test_pdf_export_is_readable_and_only_for_the_person(client, citizen, other_citizen, institution_staff,
                                                        django_capture_on_commit_callbacks):
    log_access(actor=institution_staff, subjects=[citizen], reason="Behandling af ansøgning")
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/mine-data/")
    doc = Document.objects.get(kind="accounts.my_data")
    assert response["Location"] == doc.get_absolute_url()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(doc.file.read())).pages)
    assert "Anna Andersen" in text and citizen.email in text and "Behandling af ansøgning" in text
    client.force_login(other_citizen)
    assert client.get(doc.get_absolute_url()).status_code == 404


def test_dry_run_changes_nothing_then_deletion_anonymises(client, citizen):
    client.force_login(citizen)
    page = client.get("/konto/slet/").content.decode()
    assert "Dit navn, din e-mail og dit telefonnummer fjernes" in page
    citizen.refresh_from_db()
    assert citizen.is_active and citizen.email == "citizen@example.dk"
    response = client.post("/konto/slet/", {"password": "forkert"})
    assert "Adgangskoden er forkert" in response.content.decode()
    client.post("/konto/slet/", {"password": "korrekt-hest-batteri-42"})
    citizen.refresh_from_db()
    assert citizen.full_name == "Slettet bruger" and citizen.email.endswith("@invalid.example")
    assert not citizen.is_active and not citizen.has_usable_password() and citizen.anonymised_at
    assert not EmailAddress.objects.filter(user=citizen).exists()
    assert client.get("/konto/").status_code == 302  # logged out


def test_deletion_keeps_grant_decisions_and_hearing_responses_anonymously(citizen, culture_admin):
    from decimal import Decimal

    from grants import services as grant_services
    from grants.models import Pool, Round, Status
    from strategy.models import Hearing, HearingResponse
    from tests.grants.conftest import make_application

    now = timezone.now()
    pool = Pool.objects.create(name="P", slug="p", purpose="x", who_may_apply="x", max_amount=100, yearly_budget=1000)
    Round.objects.create(pool=pool, name="R", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1))
    application = make_application(pool, citizen, amount="100")
    grant_services.decide(actor=culture_admin, application=application, outcome=Status.APPROVED, amount=Decimal("100"))
    hearing = Hearing.objects.create(slug="h", title="H", description="d", opens_at=now - timedelta(days=1),
                                     closes_at=now + timedelta(days=1))
    response = HearingResponse.objects.create(hearing=hearing, author=citizen, text="Svar", publish_with_name=True)
    erase_user(citizen, dry_run=False)
    application.refresh_from_db()
    response.refresh_from_db()
    assert application.status == Status.APPROVED and application.applicant is None and application.contact_email == ""
    assert response.author is None and response.public_name() == "Anonym"


def test_access_log_survives_deletion(citizen, institution_staff):
    log_access(actor=institution_staff, subjects=[citizen], reason="x")
    erase_user(citizen, dry_run=False)
    assert PersonalDataAccess.objects.filter(subject=citizen).count() == 1


def test_retention_removes_unverified_accounts_and_old_mail_log(settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "unverified_account": 30, "notification_log": 365}
    with freeze_time(timezone.now() - timedelta(days=31)):
        stale = UserFactory(verified=False, email="stale@example.dk")
        UserFactory(email="verified@example.dk")
    fresh = UserFactory(verified=False, email="fresh@example.dk")
    with freeze_time(timezone.now() - timedelta(days=400)):
        Notification.objects.create(kind="x", to_email="a@example.dk", subject="s", body_text="b", status="sent")
    Notification.objects.create(kind="x", to_email="b@example.dk", subject="s", body_text="b", status="sent")
    result = retention.run()
    assert result == {"unverified_accounts": 1, "notifications": 1}
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.anonymised_at and not fresh.anonymised_at
    assert User.objects.get(email="verified@example.dk").anonymised_at is None
