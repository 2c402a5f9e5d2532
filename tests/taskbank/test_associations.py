"""Associations in the task bank: they post needs (the first reviewed before it goes public), take on tasks as a
group; moderation by the Culture department and the Volunteer Centre; a question to the contact before applying."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frivillig.accounts.models import Organisation, Role
from taskbank import services
from taskbank.models import Task, TaskApplication, TaskQuestion
from tests.factories import AssociationFactory, OrganisationFactory, RoleAssignmentFactory, UserFactory

from .factories import ApplicationFactory, TaskFactory

pytestmark = pytest.mark.django_db


def task_post_data(contact, **extra):
    return {"title": "Roere til Sø-dag", "summary": "Hjælp os med at vise roning frem.", "description": "Vi viser "
            "robåde frem for skoleelever.", "area": "culture", "town": "holte", "address": "Vejlesøvej 5",
            "target_groups": ["everyone"], "kind": "one_off", "hours_per_week": "3", "volunteers_wanted": "4",
            "contact": contact.pk, "expires_on": (timezone.localdate() + timedelta(days=20)).isoformat(), **extra}


@pytest.fixture
def volunteer_centre_staff(db):
    centre = OrganisationFactory(name="Frivilligcenter Rudersdal", kind=Organisation.Kind.VOLUNTEER_CENTRE, area="")
    return RoleAssignmentFactory(role=Role.VOLUNTEER_CENTRE, organisation=centre,
                                 user=UserFactory(email="fc@example.dk", full_name="Frida Frivilligcenter")).user


@pytest.fixture
def association_task(association, association_rep):
    return TaskFactory(institution=association, contact=association_rep, title="Rotur for ældre", area="culture")


def test_association_posts_a_need_and_its_first_task_is_reviewed_before_it_goes_public(
        client, association, association_rep, culture_admin, django_capture_on_commit_callbacks):
    client.force_login(association_rep)
    assert "Ny opgave for Holte Roklub" in client.get("/medarbejder/opgaver/").content.decode()
    client.post(f"/medarbejder/opgaver/ny/{association.pk}/", task_post_data(association_rep))
    task = Task.objects.get(title="Roere til Sø-dag")
    assert task.institution == association and task.status == Task.Status.DRAFT
    # The poster cannot publish the first task directly: it goes to review.
    client.post(f"/medarbejder/opgaver/{task.pk}/status/", {"to": "published"})
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT
    client.post(f"/medarbejder/opgaver/{task.pk}/status/", {"to": "in_review"})
    task.refresh_from_db()
    assert task.status == Task.Status.IN_REVIEW
    assert client.get(task.get_absolute_url()).status_code == 404
    client.force_login(culture_admin)
    assert "Roere til Sø-dag" in client.get("/medarbejder/opgaver/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/opgaver/{task.pk}/godkend/")
    task.refresh_from_db()
    assert task.status == Task.Status.PUBLISHED and task.published_at
    assert mail.outbox[-1].to == [association_rep.email] and "godkendt" in mail.outbox[-1].subject
    # The second task is published directly.
    second = services.save_task(actor=association_rep, institution=association,
                                data={**TaskFactory.build(contact=association_rep).__dict__, "contact": association_rep,
                                      "title": "Bådvask"})
    services.change_task_status(actor=association_rep, task=second, to=Task.Status.PUBLISHED)
    assert Task.objects.get(pk=second.pk).status == Task.Status.PUBLISHED


def test_pending_association_cannot_post(client, citizen):
    pending = AssociationFactory(status=Organisation.Status.PENDING)
    RoleAssignmentFactory(role=Role.ASSOCIATION_REP, organisation=pending, user=citizen)
    client.force_login(citizen)
    assert client.get("/medarbejder/opgaver/").status_code == 403
    assert client.get(f"/medarbejder/opgaver/ny/{pending.pk}/").status_code == 403


def test_association_rep_cannot_manage_institution_tasks(client, association_rep, task):
    client.force_login(association_rep)
    assert client.get(f"/medarbejder/opgaver/{task.pk}/rediger/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.save_task(actor=association_rep, institution=task.institution, data={"title": "x"}, task=task)


def test_task_shows_who_stands_behind_it_and_the_benefit_note_only_for_municipal_tasks(
        client, task, association_task):
    municipal = client.get(task.get_absolute_url()).content.decode()
    assert "Kommunal" in municipal and "Plejecenter Skovly" in municipal
    assert "dagpenge eller efterløn" in municipal and "https://www.borger.dk/" in municipal
    association = client.get(association_task.get_absolute_url()).content.decode()
    assert "Forening" in association and "Holte Roklub" in association
    assert "dagpenge" not in association


def test_filter_on_municipal_or_association(client, task, association_task):
    forening = client.get("/opgaver/", {"udbyder": "forening"}).content.decode()
    kommunal = client.get("/opgaver/", {"udbyder": "kommunal"}).content.decode()
    assert "Rotur for ældre" in forening and "Højtlæsning for beboere" not in forening
    assert "Højtlæsning for beboere" in kommunal and "Rotur for ældre" not in kommunal


def test_association_takes_on_a_task_as_a_group(client, association_rep, association, institution_staff,
                                                 other_citizen):
    task = TaskFactory(institution=institution_staff.roles.get().organisation, contact=institution_staff,
                       volunteers_wanted=4)
    client.force_login(association_rep)
    form_html = client.get(f"/opgaver/{task.pk}/ansoeg/").content.decode()
    assert "Søg på vegne af" in form_html and "Holte Roklub" in form_html
    client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "Vi kommer fem.", "availability": "Lørdage",
                                                "organisation": association.pk, "group_size": "5"})
    assert not TaskApplication.objects.exists()  # only four places
    client.post(f"/opgaver/{task.pk}/ansoeg/", {"message": "Vi kommer tre.", "availability": "Lørdage",
                                                "organisation": association.pk, "group_size": "3"})
    group = TaskApplication.objects.get()
    assert (group.organisation, group.group_size) == (association, 3)
    services.accept(actor=institution_staff, application=group)
    assert services.places_left(task) == 1
    two = ApplicationFactory(task=task, applicant=other_citizen)
    services.accept(actor=institution_staff, application=two)
    task.refresh_from_db()
    assert task.status == Task.Status.FILLED
    client.force_login(institution_staff)
    assert "På vegne af Holte Roklub – 3 frivillige" in client.get(group.get_staff_url()).content.decode()


def test_a_person_cannot_apply_on_behalf_of_an_association_they_do_not_represent(citizen, association, task):
    with pytest.raises(PermissionDenied):
        services.apply(actor=citizen, task=task, message="x", availability="x", organisation=association,
                       group_size=2)


def test_culture_admin_sends_a_task_back_with_a_reason_emailed_once(
        client, culture_admin, task, institution_staff, django_capture_on_commit_callbacks):
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/opgaver/{task.pk}/send-tilbage/", {"reason": ""})
    task.refresh_from_db()
    assert task.status == Task.Status.PUBLISHED and response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/opgaver/{task.pk}/send-tilbage/",
                    {"reason": "Skriv venligst, hvor man møder ind."})
    task.refresh_from_db()
    assert task.status == Task.Status.DRAFT
    sent = [m for m in mail.outbox if m.to == [institution_staff.email]]
    assert len(sent) == 1 and "Skriv venligst, hvor man møder ind." in sent[0].body
    assert task.status_changes.last().reason == "Skriv venligst, hvor man møder ind."


def test_volunteer_centre_moderates_association_tasks_only(volunteer_centre_staff, association_task, task, client):
    services.unpublish_task(actor=volunteer_centre_staff, task=association_task,
                            reason="Opgaven er en betalt stilling.")
    assert Task.objects.get(pk=association_task.pk).status == Task.Status.CLOSED
    with pytest.raises(PermissionDenied):
        services.unpublish_task(actor=volunteer_centre_staff, task=task, reason="x")
    client.force_login(volunteer_centre_staff)
    assert client.post(f"/medarbejder/opgaver/{task.pk}/tag-af-portalen/", {"reason": "x"}
                       ).status_code == 404


def test_staff_cannot_moderate(institution_staff, task):
    with pytest.raises(PermissionDenied):
        services.unpublish_task(actor=institution_staff, task=task, reason="x")


def test_question_goes_to_the_contact_with_reply_to_the_asker_and_contact_email_is_never_shown(
        client, citizen, task, django_capture_on_commit_callbacks):
    client.force_login(citizen)
    page = client.get(task.get_absolute_url()).content.decode() + client.get(f"/opgaver/{task.pk}/spoerg/").content.decode()
    assert task.contact.email not in page and "Stil et spørgsmål" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/opgaver/{task.pk}/spoerg/", {"body": "Skal man kunne læse dansk flydende?"})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == [task.contact.email] and message.extra_headers["Reply-To"] == citizen.email
    assert "Skal man kunne læse dansk flydende?" in message.body
    assert TaskQuestion.objects.get().asker == citizen


def test_questions_are_rate_limited(client, citizen, task):
    client.force_login(citizen)
    for _i in range(6):
        response = client.post(f"/opgaver/{task.pk}/spoerg/", {"body": "Spørgsmål"}, follow=True)
    assert TaskQuestion.objects.count() == 5
    assert "mange gange på kort tid" in response.content.decode()


def test_unverified_cannot_ask(unverified_citizen, task):
    with pytest.raises(PermissionDenied):
        services.ask_contact(actor=unverified_citizen, task=task, body="Hej")


def test_questions_in_data_export_and_erased(citizen, task):
    from taskbank import personal_data

    services.ask_contact(actor=citizen, task=task, body="Hvornår starter I?")
    assert personal_data.export_questions(citizen)[0]["question"] == "Hvornår starter I?"
    personal_data.erase_questions(citizen, dry_run=False)
    assert not TaskQuestion.objects.exists()


def test_group_size_must_be_positive(association_rep, association, task):
    with pytest.raises(ValidationError) as exc:
        services.apply(actor=association_rep, task=task, message="x", availability="x", organisation=association,
                       group_size=0)
    assert exc.value.message_dict == {"group_size": ["Antallet af frivillige skal være mindst 1."]}
