import io
import json
import os
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from frivillig.accounts.gdpr import erase_user
from frivillig.accounts.models import RoleAssignment
from frivillig.core import registry
from frivillig.core.audit import log_access
from frivillig.core.models import Document, Notification, PersonalDataAccess
from frivillig.core.notify import notify

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
    response = HearingResponse.objects.create(
        hearing=hearing, author=citizen, publish_with_name=True,
        text="Som formand (Anna Andersen, citizen@example.dk) foreslår jeg længere åbningstider.")
    type(application).objects.filter(pk=application.pk).update(
        description="Projektet ledes af Anna Andersen, som kan træffes på citizen@example.dk.")
    erase_user(citizen, dry_run=False)
    application.refresh_from_db()
    response.refresh_from_db()
    assert application.status == Status.APPROVED and application.applicant is None and application.contact_email == ""
    assert response.author is None and response.public_name() == "Anonym"
    # The kept free text no longer names the person; the rest of what they wrote stays.
    assert response.text == "Som formand ([slettet], [slettet]) foreslår jeg længere åbningstider."
    assert application.description == "Projektet ledes af [slettet], som kan træffes på [slettet]."


def test_deletion_strips_the_name_from_kept_ideas_inputs_and_network_proposals(citizen, network_member, culture_admin):
    from network.models import Proposal, ProposalComment
    from strategy import services as strategy_services
    from strategy.models import Input, ProcessTemplate, Theme
    from strategy.seed import load_reference
    from taskbank.models import Idea

    idea = Idea.objects.create(proposer=citizen, title="Læsecafé", description="Kontakt Anna på citizen@example.dk.")
    load_reference()
    process = strategy_services.create_process(actor=culture_admin, template=ProcessTemplate.objects.get(slug="ballerup"),
                                               title="Strategi", description="d", starts_on=timezone.localdate())
    theme = Theme.objects.create(process=process, name="Roller")
    given = Input.objects.create(process=process, theme=theme, kind=Input.Kind.IDEA, author=citizen,
                                 author_label="Anna Andersen", text="Andersens idé: flere bænke.")
    proposal = Proposal.objects.create(author=citizen, title="Forslag fra Anna Andersen", summary="Mere samarbejde.")
    comment = ProposalComment.objects.create(proposal=proposal, author=citizen, body="Ring til Anna.")
    untouched = ProposalComment.objects.create(proposal=proposal, author=network_member, body="Godt forslag, Anna!")
    erase_user(citizen, dry_run=False)
    for obj in (idea, given, proposal, comment, untouched):
        obj.refresh_from_db()
    assert idea.proposer is None and idea.description == "Kontakt [slettet] på [slettet]."
    assert given.author is None and given.author_label == "[slettet]" and given.text == "[slettet] idé: flere bænke."
    assert proposal.title == "Forslag fra [slettet]" and comment.body == "Ring til [slettet]."
    assert untouched.body == "Godt forslag, Anna!"  # someone else's text is theirs, not the erased person's


def test_access_log_survives_deletion(citizen, institution_staff):
    log_access(actor=institution_staff, subjects=[citizen], reason="x")
    erase_user(citizen, dry_run=False)
    assert PersonalDataAccess.objects.filter(subject=citizen).count() == 1


def test_export_lists_core_data_and_every_registered_handler(client, institution_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(to=institution_staff, template="core/email/test_message", context={"message": "Hej"}, key="t1")
    Authenticator.objects.create(user=institution_staff, type=Authenticator.Type.TOTP, data={"secret": "hemmelig"})
    client.force_login(institution_staff)
    response = client.get("/konto/mine-data/?format=json")
    assert response["Cache-Control"] == "no-store" and response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert set(registry.personal_data_handlers()) <= set(data)
    assert data["email_addresses"] == [{"email": "staff@example.dk", "verified": True, "primary": True}]
    assert data["roles"][0]["organisation"] == "Plejecenter Skovly"
    sent = data["emails_sent"][0]
    assert sent["kind"] == "core.test_message" and sent["subject"] and sent["sent_at"]
    assert data["second_factors"][0]["type"] == "totp" and "hemmelig" not in response.content.decode()


def test_export_page_shows_access_log_and_is_for_the_signed_in_person_only(client, citizen, institution_staff):
    assert client.get("/konto/mine-data/")["Location"].startswith("/konto/login/")
    log_access(actor=institution_staff, subjects=[citizen], reason="Behandling af ansøgning")
    client.force_login(citizen)
    page = client.get("/konto/mine-data/")
    assert page["Cache-Control"] == "no-store"
    assert "Signe Skovly" in page.content.decode() and "Behandling af ansøgning" in page.content.decode()


def test_deletion_removes_logins_roles_factors_sessions_and_mail(citizen, institution_staff,
                                                                django_capture_on_commit_callbacks):
    other_browser = Client()
    other_browser.force_login(institution_staff)
    browser = Client()
    browser.force_login(citizen)
    Authenticator.objects.create(user=institution_staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    SocialAccount.objects.create(user=institution_staff, provider="rudersdal", uid="abc")
    with django_capture_on_commit_callbacks(execute=True):
        notify(to=institution_staff, template="core/email/test_message", context={"message": "Hej"}, key="sent")
    Notification.objects.create(key="pending", kind="x", recipient=institution_staff, to_email="staff@example.dk",
                                subject="s", body_text="b")
    erase_user(institution_staff, dry_run=False)
    assert not Authenticator.objects.filter(user=institution_staff).exists()
    assert not SocialAccount.objects.filter(user=institution_staff).exists()
    assert not RoleAssignment.objects.filter(user=institution_staff).exists()
    assert not Notification.objects.filter(key="pending").exists()  # never sent now
    sent = Notification.objects.get(key="sent")
    assert sent.recipient is None and sent.body_text == "" and "staff@example.dk" not in sent.to_email
    assert other_browser.get("/medarbejder/").status_code == 302  # signed out
    assert browser.get("/konto/").status_code == 200  # other people stay signed in
    assert Session.objects.count() == 1


def test_deletion_is_all_or_nothing(citizen, monkeypatch):
    def broken(user, dry_run):
        raise RuntimeError("app failed")

    handlers = {**registry._personal_data, "zzz": registry.PersonalDataHandler(key="zzz", export=list, erase=broken)}
    monkeypatch.setattr(registry, "_personal_data", handlers)
    with pytest.raises(RuntimeError):
        erase_user(citizen, dry_run=False)
    citizen.refresh_from_db()
    assert citizen.full_name == "Anna Andersen" and citizen.is_active
    assert EmailAddress.objects.filter(user=citizen).exists()


def test_dry_run_lists_each_apps_changes_and_changes_nothing(citizen, monkeypatch):
    calls = []

    def erase(user, dry_run):
        calls.append(dry_run)
        return ["Dine ønsker fjernes."]

    handlers = {**registry._personal_data, "zzz": registry.PersonalDataHandler(key="zzz", export=list, erase=erase)}
    monkeypatch.setattr(registry, "_personal_data", handlers)
    changes = erase_user(citizen, dry_run=True)
    assert "Dine ønsker fjernes." in changes and calls == [True]
    citizen.refresh_from_db()
    assert citizen.anonymised_at is None and citizen.has_usable_password()


def test_deletion_removes_data_export_pdfs(client, citizen, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/mine-data/")
    document = Document.objects.get(kind="accounts.my_data")
    path = document.file.path
    with django_capture_on_commit_callbacks(execute=True):
        erase_user(citizen, dry_run=False)
    assert not Document.objects.filter(kind="accounts.my_data").exists()
    assert not os.path.exists(path)


def test_management_command_exports_and_erases(citizen, capsys):
    call_command("personal_data", "export", "CITIZEN@example.dk")
    assert json.loads(capsys.readouterr().out)["profile"]["name"] == "Anna Andersen"
    call_command("personal_data", "erase", citizen.email)
    assert "Dry run" in capsys.readouterr().out
    citizen.refresh_from_db()
    assert citizen.anonymised_at is None
    call_command("personal_data", "erase", citizen.email, "--confirm")
    citizen.refresh_from_db()
    assert citizen.anonymised_at and citizen.full_name == "Slettet bruger"


def test_deletion_password_guesses_are_rate_limited(client, citizen):
    client.force_login(citizen)
    for _ in range(5):
        assert "Adgangskoden er forkert" in client.post("/konto/slet/", {"password": "gæt"}).content.decode()
    response = client.post("/konto/slet/", {"password": "korrekt-hest-batteri-42"})
    assert "mange gange på kort tid" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.is_active


def test_staff_signing_in_only_through_sso_are_told_whom_to_ask(client, institution_staff):
    institution_staff.set_unusable_password()
    institution_staff.save()
    client.force_login(institution_staff)
    page = client.get("/konto/slet/").content.decode()
    assert "Skriv til Kulturområdet" in page and 'name="password"' not in page
    client.post("/konto/slet/", {"password": ""})
    institution_staff.refresh_from_db()
    assert institution_staff.is_active


def test_pdf_exports_are_rate_limited(client, citizen, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=False):
        for _ in range(11):
            response = client.post("/konto/mine-data/")
    assert response["Location"] == "/konto/mine-data/"
    assert Document.objects.filter(kind="accounts.my_data").count() == 10


def test_pdf_lays_out_every_section_in_danish():
    from frivillig.accounts.documents import sections

    data = {"exported_at": "2026-01-01T10:00:00+00:00", "profile": {"name": "Anna", "last_login": None},
            "access_log": [], "grants": {"applications": [{"amount_requested": "100.00", "consent": True}]}}
    result = sections(data)
    assert [s["title"] for s in result] == ["Dine oplysninger", "Hvem har set dine oplysninger", "Puljer og tilskud"]
    assert result[0]["body"]["fields"][1] == ("Sidste login", {"kind": "text", "text": "–"})
    application = result[2]["body"]["fields"][0][1]["items"][0]["fields"]
    assert application == [("Ansøgt beløb", {"kind": "text", "text": "100.00"}), ("Consent", {"kind": "text", "text": "Ja"})]


def test_redact_person_removes_name_email_and_phone_from_free_text(citizen):
    from frivillig.accounts.gdpr import redact_person

    citizen.phone = "+45 20 30 40 50"
    citizen.save()
    text = ("Jeg, Anna Andersen, støtter forslaget. Skriv til citizen@example.dk eller ring 20304050 / 20 30 40 50. "
            "Mvh. anna. Andersens hund hedder Bo.")
    assert redact_person(text, user=citizen) == (
        "Jeg, [slettet], støtter forslaget. Skriv til [slettet] eller ring [slettet] / [slettet]. "
        "Mvh. [slettet]. [slettet] hund hedder Bo.")
    assert redact_person("", user=citizen) == ""
