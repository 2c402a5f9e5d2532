from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from strategy import services, tasks
from strategy.models import Input, MeetingSignup

pytestmark = pytest.mark.django_db


def test_process_from_template_has_phases_in_order(process):
    names = list(process.phases.values_list("name", flat=True))
    assert names == ["Den undersøgende fase", "Input fra politikere og frivillige", "Strategiudkast"]
    phases = list(process.phases.all())
    assert all(a.ends_on < b.starts_on for a, b in zip(phases, phases[1:], strict=False))


def test_staff_reorders_phases(process, culture_admin, client):
    first, second = process.phases.all()[:2]
    client.force_login(culture_admin)
    client.post(f"/medarbejder/strategi/faser/{first.pk}/ned/")
    assert list(process.phases.values_list("pk", flat=True)[:2]) == [second.pk, first.pk]


def test_public_timeline_marks_current_phase(client, process):
    phase = process.phases.all()[1]
    phase.status = "ongoing"
    phase.save()
    html = client.get(process.get_absolute_url()).content.decode()
    assert 'aria-current="step"' in html and "her er vi nu" in html


def test_waiting_list_promotes_first_waiting(meeting, citizen, other_citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up(actor=citizen, meeting=meeting)
        waiting = services.sign_up(actor=other_citizen, meeting=meeting)
    assert waiting.waiting is True
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_signup(actor=citizen, meeting=meeting)
    assert MeetingSignup.objects.get(user=other_citizen).waiting is False
    assert mail.outbox[-1].subject.startswith("Der er blevet en plads")


def test_meeting_reminder_sent_once(meeting, citizen, django_capture_on_commit_callbacks):
    services.sign_up(actor=citizen, meeting=meeting)
    mail.outbox.clear()
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_meeting_reminders.apply()
    assert len(mail.outbox) == 1 and mail.outbox[0].subject.startswith("Påmindelse: Dialogmøde")


def test_input_moderation_and_support(client, process, citizen, other_citizen, culture_admin):
    theme = process.themes.first()
    item = services.submit_input(actor=citizen, process=process, theme=theme, kind="barrier", text="For meget bureaukrati")
    assert "For meget bureaukrati" not in client.get(process.get_absolute_url()).content.decode()
    with pytest.raises(ValidationError):
        services.moderate_input(actor=culture_admin, item=item, publish=False, reason="")
    services.moderate_input(actor=culture_admin, item=item, publish=True)
    assert "For meget bureaukrati" in client.get(process.get_absolute_url()).content.decode()
    assert services.support(actor=other_citizen, item=item) is True
    assert services.support(actor=other_citizen, item=item) is False
    services.moderate_input(actor=culture_admin, item=item, publish=False, reason="Personfølsomt")
    assert item.status == Input.Status.HIDDEN
    assert "For meget bureaukrati" not in client.get(process.get_absolute_url()).content.decode()


def test_citizen_cannot_moderate_or_reach_staff_pages(client, process, citizen):
    client.force_login(citizen)
    assert client.get("/medarbejder/strategi/").status_code == 403
    assert client.get(f"/medarbejder/strategi/{process.pk}/").status_code == 403
    item = services.submit_input(actor=citizen, process=process, theme=process.themes.first(), kind="idea", text="x")
    with pytest.raises(PermissionDenied):
        services.moderate_input(actor=citizen, item=item, publish=True)


def test_draft_versions_compare_with_marked_changes(client, process, culture_admin, citizen):
    from strategy.models import Draft

    item = services.submit_input(actor=citizen, process=process, theme=process.themes.first(), kind="proposal",
                                 text="Nævn de små foreninger")
    services.moderate_input(actor=culture_admin, item=item, publish=True)  # only published input is cited
    draft = Draft.objects.create(process=process, title="Udkast")
    services.add_draft_version(actor=culture_admin, draft=draft, note="v1",
                               sections=[{"heading": "Vision", "body": "Vi samarbejder med foreninger."}])
    services.add_draft_version(actor=culture_admin, draft=draft, note="v2",
                               sections=[{"heading": "Vision", "body": "Vi samarbejder med store og små foreninger.",
                                          "caused_by_input": item}])
    html = client.get(f"/strategi/{process.slug}/udkast/{draft.pk}/?a=1&b=2").content.decode()
    assert "<ins>store og små</ins>" in html or "<ins>store og små foreninger.</ins>" in html
    assert "Ændret på grund af input" in html and "Nævn de små foreninger" in html


def test_staff_records_input_on_behalf_of_meeting(process, meeting, culture_admin):
    item = services.record_input(actor=culture_admin, process=process, theme=process.themes.first(), kind="idea",
                                 text="Fælles kalender", author_label="Deltagere på dialogmødet", meeting=meeting)
    assert item.status == Input.Status.PUBLISHED and item.recorded_by == culture_admin


def test_adoption_marks_phases_done_and_renders_strategy(process, culture_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        doc = services.record_adoption(actor=culture_admin, process=process, committee_on=timezone.localdate(),
                                       council_on=timezone.localdate() + timedelta(days=14), decision="Vedtaget.")
    doc.refresh_from_db()
    assert doc.is_ready
    assert set(process.phases.values_list("status", flat=True)) == {"done"}
