"""Retention with a frozen clock: the daily task deletes or anonymises what is past its purpose."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from freezegun import freeze_time

from frivillig.accounts.models import User
from frivillig.core import registry, retention
from frivillig.core.audit import log_access
from frivillig.core.models import Document, Notification, PersonalDataAccess
from frivillig.core.schedule import BEAT_SCHEDULE
from frivillig.core.tasks import apply_retention
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(timezone.datetime(2026, 6, 1, 3, 0))


@pytest.fixture(autouse=True)
def periods(settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "unverified_account": 30, "notification_log": 365,
                               "data_export": 7}


@pytest.fixture
def no_app_hooks(monkeypatch):
    monkeypatch.setattr(registry, "_retention_hooks", {})


def unverified(email, joined):
    with freeze_time(joined):
        user = UserFactory(verified=False, email=email)
        EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
        Notification.objects.create(kind="account.email_confirmation", recipient=user, to_email=email, subject="Bekræft",
                                    body_text="b", status="sent")
    return user


def test_unverified_account_holding_nothing_is_deleted_after_30_days(no_app_hooks):
    stale = unverified("stale@example.dk", NOW - timedelta(days=31))
    fresh = unverified("fresh@example.dk", NOW - timedelta(days=29))
    with freeze_time(NOW - timedelta(days=100)):
        UserFactory(email="verified@example.dk")
    with freeze_time(NOW):
        result = retention.run()
    assert result["unverified_accounts"] == {"deleted": 1, "anonymised": 0}
    assert not User.objects.filter(pk=stale.pk).exists()
    assert not Notification.objects.filter(to_email="stale@example.dk").exists()
    assert not EmailAddress.objects.filter(email="stale@example.dk").exists()
    assert User.objects.filter(pk=fresh.pk, anonymised_at__isnull=True).exists()
    assert User.objects.get(email="verified@example.dk").anonymised_at is None


def test_unverified_account_holding_something_is_anonymised_instead(no_app_hooks, institution_staff):
    stale = unverified("stale@example.dk", NOW - timedelta(days=31))
    log_access(actor=institution_staff, subjects=[stale], reason="Opkald")  # append-only: must stay
    with freeze_time(NOW):
        result = retention.run()
    assert result["unverified_accounts"] == {"deleted": 0, "anonymised": 1}
    stale.refresh_from_db()
    assert stale.anonymised_at and stale.full_name == "Slettet bruger" and not stale.is_active
    assert PersonalDataAccess.objects.filter(subject=stale).count() == 1


def test_unverified_staff_accounts_are_left_to_the_culture_department(no_app_hooks, institution_staff):
    EmailAddress.objects.filter(user=institution_staff).update(verified=False)
    User.objects.filter(pk=institution_staff.pk).update(date_joined=NOW - timedelta(days=400))
    with freeze_time(NOW):
        assert retention.run()["unverified_accounts"] == {"deleted": 0, "anonymised": 0}


def test_mail_log_is_deleted_after_its_period(no_app_hooks):
    with freeze_time(NOW - timedelta(days=366)):
        Notification.objects.create(kind="x", to_email="a@example.dk", subject="s", body_text="b", status="sent")
    with freeze_time(NOW - timedelta(days=364)):
        Notification.objects.create(kind="x", to_email="b@example.dk", subject="s", body_text="b", status="sent")
    with freeze_time(NOW):
        assert retention.run()["notifications"] == 1
    assert list(Notification.objects.values_list("to_email", flat=True)) == ["b@example.dk"]


def test_data_export_pdfs_are_deleted_after_a_week(no_app_hooks, client, citizen, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    with freeze_time(NOW - timedelta(days=8)), django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/mine-data/")
    document = Document.objects.get(kind="accounts.my_data")
    assert document.file
    with freeze_time(NOW - timedelta(days=6)), django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/mine-data/")
    with freeze_time(NOW):
        assert retention.run()["data_exports"] == 1
    assert Document.objects.filter(kind="accounts.my_data").count() == 1
    assert not document.file.storage.exists(document.file.name)


def test_apps_plug_in_retention_hooks_and_one_failure_does_not_stop_the_others(no_app_hooks):
    seen = []
    registry.register_retention("app.ok", lambda now: seen.append(now) or 3)

    def broken(now):
        raise ValueError("boom")

    registry.register_retention("app.broken", broken)
    with freeze_time(NOW - timedelta(days=400)):
        Notification.objects.create(kind="x", to_email="a@example.dk", subject="s", body_text="b", status="sent")
    with freeze_time(NOW), pytest.raises(RuntimeError, match="app.broken"):
        retention.run()
    assert seen == [NOW] and not Notification.objects.exists()


def test_the_daily_task_is_scheduled_and_runs_the_registered_hooks(no_app_hooks):
    registry.register_retention("app.ok", lambda now: 2)
    assert BEAT_SCHEDULE["core.apply_retention"]["task"] == "frivillig.core.tasks.apply_retention"
    with freeze_time(NOW):
        result = apply_retention.delay().get()
    assert result["app.ok"] == 2


def test_privacy_page_lists_the_periods(client, settings):
    page = client.get("/privatliv/").content.decode()
    assert "30 dage" in page and "365 dage" in page
    assert "365 dage efter sidste ændring" in page and "90 dage efter mødet" in page
    english = client.get("/privatliv/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "365 days after the last change" in english and "90 days after the meeting" in english


def grant_application(pool, user, *, status, changed):
    from django.core.files.base import ContentFile

    from grants.models import Attachment
    from tests.grants.conftest import make_application

    with freeze_time(changed):
        application = make_application(pool, user, status=status)
        attachment = Attachment(application=application, title="Budget")
        attachment.file.save("budget.pdf", ContentFile(b"%PDF-1.4 budget"), save=True)
    return application, attachment


@pytest.fixture
def pool(db):
    from grants.models import Pool

    return Pool.objects.create(name="P", slug="p", purpose="x", who_may_apply="x", max_amount=100, yearly_budget=1000)


def test_grant_drafts_unchanged_for_a_year_are_deleted_with_their_files_after_a_warning(
        settings, pool, citizen, other_citizen, django_capture_on_commit_callbacks):
    from django.core import mail

    from grants.models import GrantApplication, Status

    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "grant_draft": 365}
    old, old_file = grant_application(pool, citizen, status=Status.DRAFT, changed=NOW - timedelta(days=366))
    recent, _ = grant_application(pool, citizen, status=Status.DRAFT, changed=NOW - timedelta(days=300))
    sent, sent_file = grant_application(pool, other_citizen, status=Status.SUBMITTED, changed=NOW - timedelta(days=800))
    storage = old_file.file.storage
    # Past its period, but nobody has been told: it is not deleted, the applicant is warned.
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        assert retention.run()["grants.drafts"] == {"warned": 1, "deleted": 0}
    warning = mail.outbox[-1]
    assert warning.to == [citizen.email] and "slettes om 30 dage" in warning.subject
    assert "Sommerfest" in warning.body and f"/puljer/ansoegninger/{old.pk}/" in warning.body
    # Run again the next day: no second e-mail, nothing deleted yet.
    with freeze_time(NOW + timedelta(days=1)), django_capture_on_commit_callbacks(execute=True):
        assert retention.run()["grants.drafts"] == {"warned": 0, "deleted": 0}
    assert len([m for m in mail.outbox if "slettes" in m.subject]) == 1
    # Thirty days after the warning, still untouched: deleted, files and all.
    with freeze_time(NOW + timedelta(days=30)), django_capture_on_commit_callbacks(execute=True):
        assert retention.run()["grants.drafts"]["deleted"] == 1
    assert set(GrantApplication.objects.values_list("pk", flat=True)) == {recent.pk, sent.pk}
    assert not storage.exists(old_file.file.name)  # the uploaded file goes with the draft
    assert storage.exists(sent_file.file.name)


def test_a_draft_saved_after_the_warning_is_kept(settings, pool, citizen, django_capture_on_commit_callbacks):
    from grants.models import GrantApplication, Status

    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "grant_draft": 365}
    draft, _ = grant_application(pool, citizen, status=Status.DRAFT, changed=NOW - timedelta(days=340))
    with freeze_time(NOW), django_capture_on_commit_callbacks(execute=True):
        assert retention.run()["grants.drafts"] == {"warned": 1, "deleted": 0}
    with freeze_time(NOW + timedelta(days=10)):
        draft.title = "Sommerfest 2027"
        draft.save()
    with freeze_time(NOW + timedelta(days=40)), django_capture_on_commit_callbacks(execute=True):
        assert retention.run()["grants.drafts"] == {"warned": 0, "deleted": 0}
    assert GrantApplication.objects.filter(pk=draft.pk).exists()


def test_sign_ups_are_deleted_90_days_after_the_meeting_or_event(settings, citizen, culture_admin):
    from strategy import services as strategy_services
    from strategy.models import Meeting, MeetingSignup, ProcessTemplate
    from strategy.seed import load_reference
    from taskbank.models import Event, EventSignup

    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "meeting_signup": 90}
    load_reference()
    process = strategy_services.create_process(actor=culture_admin, template=ProcessTemplate.objects.get(slug="ballerup"),
                                               title="Strategi", description="d", starts_on=NOW.date())

    def meeting(ended):
        m = Meeting.objects.create(process=process, kind="dialogue", title="Dialogmøde", audience="Alle",
                                   starts_at=ended - timedelta(hours=2), ends_at=ended, place="Mariehøj", capacity=9)
        MeetingSignup.objects.create(meeting=m, user=citizen)
        return m

    def event(ended):
        e = Event.objects.create(title="Frivilligfest", description="d", starts_at=ended - timedelta(hours=2),
                                 ends_at=ended, place="Holte Hallerne", town="holte", capacity=9)
        EventSignup.objects.create(event=e, user=citizen)
        return e

    old_meeting, recent_meeting = meeting(NOW - timedelta(days=91)), meeting(NOW - timedelta(days=89))
    old_event, recent_event = event(NOW - timedelta(days=91)), event(NOW - timedelta(days=89))
    with freeze_time(NOW):
        result = retention.run()
    assert result["strategy.meeting_signups"] == 1 and result["taskbank.event_signups"] == 1
    assert list(MeetingSignup.objects.values_list("meeting", flat=True)) == [recent_meeting.pk]
    assert list(EventSignup.objects.values_list("event", flat=True)) == [recent_event.pk]
    assert Meeting.objects.filter(pk=old_meeting.pk).exists() and Event.objects.filter(pk=old_event.pk).exists()


def test_erasure_leaves_no_uploaded_file_of_a_deleted_draft(pool, citizen, django_capture_on_commit_callbacks):
    from frivillig.accounts.gdpr import erase_user
    from grants.models import Status

    _draft, attachment = grant_application(pool, citizen, status=Status.DRAFT, changed=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        erase_user(citizen, dry_run=False)
    assert not attachment.file.storage.exists(attachment.file.name)
