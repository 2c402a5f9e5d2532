import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from frivillig.core.models import PersonalDataAccess
from taskbank import services
from taskbank.models import Task, TaskApplication

from .factories import ApplicationFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_citizen_applies_and_gets_confirmation(client, citizen, task, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "Jeg læser gerne højt.",
                                                               "availability": "Tirsdage"})
    application = TaskApplication.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[citizen.email] == "Vi har modtaget din ansøgning: Højtlæsning for beboere"
    assert task.contact.email in subjects


def test_unverified_citizen_cannot_apply(client, unverified_citizen, task):
    client.force_login(unverified_citizen)
    response = client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "Hej", "availability": "Altid"})
    assert TaskApplication.objects.count() == 0
    assert "Bekræft din e-mailadresse" in response.content.decode()


def test_bad_input_keeps_what_was_typed(client, citizen, task):
    client.force_login(citizen)
    response = client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "Min lange tekst", "availability": ""})
    html = response.content.decode()
    assert "Min lange tekst" in html and "Dette felt er påkrævet" in html


def test_cannot_apply_twice(citizen, task):
    services.apply(actor=citizen, task=task, message="a", availability="b")
    with pytest.raises(ValidationError, match="allerede søgt"):
        services.apply(actor=citizen, task=task, message="a", availability="b")


def test_staff_accepts_and_citizen_sees_it(client, citizen, institution_staff, application,
                                           django_capture_on_commit_callbacks):
    client.force_login(institution_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/ansoegninger/{application.pk}/optag/")
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.ACCEPTED
    change = application.status_changes.last()
    assert change.actor == institution_staff and change.to_status == "accepted"
    assert any(m.subject.startswith("Du er optaget") for m in mail.outbox)
    application.task.refresh_from_db()
    assert application.task.status == Task.Status.FILLED
    client.force_login(citizen)
    assert "Optaget" in client.get("/opgaver/mine-ansoegninger/").content.decode()


def test_staff_of_other_institution_cannot_see_or_decide(client, other_institution_staff, application):
    client.force_login(other_institution_staff)
    assert client.get(application.get_staff_url()).status_code == 404
    assert client.post(f"/medarbejder/ansoegninger/{application.pk}/optag/").status_code == 404
    assert client.get(application.task.get_staff_url()).status_code == 404
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.SUBMITTED


def test_citizen_cannot_see_another_citizens_application(client, other_citizen, application):
    client.force_login(other_citizen)
    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.post(f"/opgaver/mine-ansoegninger/{application.pk}/traek-tilbage/").status_code == 404


def test_citizen_cannot_reach_staff_pages(client, citizen, application):
    client.force_login(citizen)
    assert client.get("/medarbejder/opgaver/").status_code == 403
    assert client.get(application.get_staff_url()).status_code == 403


def test_staff_viewing_application_is_logged(client, institution_staff, application):
    client.force_login(institution_staff)
    client.get(application.get_staff_url())
    assert PersonalDataAccess.objects.filter(actor=institution_staff, subject=application.applicant).exists()


def test_question_and_reply_conversation(client, citizen, institution_staff, application,
                                         django_capture_on_commit_callbacks):
    client.force_login(institution_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/ansoegninger/{application.pk}/spoerg/", {"body": "Kan du om tirsdagen?"})
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.IN_DIALOGUE
    assert "Kan du om tirsdagen?" in mail.outbox[-1].body
    client.force_login(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(application.get_absolute_url(), {"body": "Ja, gerne."})
    assert [m.body for m in application.messages.all()] == ["Kan du om tirsdagen?", "Ja, gerne."]


def test_decline_sends_message(client, institution_staff, application, django_capture_on_commit_callbacks):
    client.force_login(institution_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/ansoegninger/{application.pk}/afslaa/", {"message": "Vi har fundet en anden."})
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.DECLINED
    assert "Vi har fundet en anden." in mail.outbox[-1].body


def test_withdraw_until_decided(citizen, institution_staff, application):
    services.withdraw(actor=citizen, application=application)
    application.refresh_from_db()
    assert application.status == TaskApplication.Status.WITHDRAWN
    second = ApplicationFactory(task=application.task, applicant=citizen)
    services.accept(actor=institution_staff, application=second)
    from frivillig.core.workflow import TransitionNotAllowed

    with pytest.raises(TransitionNotAllowed):
        services.withdraw(actor=citizen, application=second)


def test_never_more_volunteers_than_wanted(institution_staff, task, citizen, other_citizen):
    first = ApplicationFactory(task=task, applicant=citizen)
    second = ApplicationFactory(task=task, applicant=other_citizen)
    services.accept(actor=institution_staff, application=first)
    with pytest.raises(ValidationError, match="allerede fået de 1 frivillige"):
        services.accept(actor=institution_staff, application=second)


def test_child_certificate_must_be_recorded_before_acceptance(institution_staff, institution, citizen):
    from datetime import date

    task = TaskFactory(institution=institution, contact=institution_staff, requires_child_certificate=True)
    application = ApplicationFactory(task=task, applicant=citizen)
    with pytest.raises(ValidationError, match="børneattest"):
        services.accept(actor=institution_staff, application=application)
    services.record_child_certificate(actor=institution_staff, application=application, checked_on=date(2026, 11, 1))
    services.accept(actor=institution_staff, application=application)
    application.refresh_from_db()
    assert application.certificate_checked_by == institution_staff
    assert application.status == TaskApplication.Status.ACCEPTED


def test_staff_only_edits_own_institution_tasks(other_institution_staff, task):
    with pytest.raises(PermissionDenied):
        services.save_task(actor=other_institution_staff, institution=task.institution, data={"title": "x"}, task=task)


def test_csv_export_holds_only_own_volunteers_and_needed_fields(client, institution_staff, application, other_institution):
    services.accept(actor=institution_staff, application=application)
    other = ApplicationFactory(task=TaskFactory(institution=other_institution))
    other.status = TaskApplication.Status.ACCEPTED
    other.save()
    client.force_login(institution_staff)
    body = client.get("/medarbejder/opgaver/frivillige.csv").content.decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0] == "Navn;E-mail;Telefon;Opgave"
    assert len(lines) == 2 and application.applicant.email in lines[1]
    assert other.applicant.email not in body


def test_volunteers_csv_neutralises_formulas_in_every_cell(client, task, institution_staff, citizen):
    """Pen-test row 15: an e-mail address can start a formula (=2+5-…@…)."""
    from taskbank.models import TaskApplication as Application

    citizen.email = "=2+5-x@example.dk"
    citizen.phone = "+4531415926"
    citizen.save()
    Application.objects.create(task=task, applicant=citizen, message="m", availability="a",
                               status=Application.Status.ACCEPTED)
    client.force_login(institution_staff)
    body = client.get("/medarbejder/opgaver/frivillige.csv").content.decode("utf-8-sig")
    cells = [cell for line in body.strip().splitlines()[1:] for cell in line.split(";")]
    assert "'=2+5-x@example.dk" in cells and "'+4531415926" in cells
    assert not [c for c in cells if c[:1] in "=+-@"]
