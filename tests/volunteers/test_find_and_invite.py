import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from frivillig.core.models import PersonalDataAccess
from taskbank.models import TaskApplication
from volunteers import services
from volunteers.models import Invitation

pytestmark = pytest.mark.django_db


def test_staff_find_only_consenting_volunteers_and_the_search_is_logged(client, institution_staff, citizen, profile,
                                                                        other_citizen):
    services.save_profile(actor=other_citizen, data={"competences": ["it"]})  # no consent: never found
    client.force_login(institution_staff)
    page = client.get("/medarbejder/find-frivillige/?kompetence=it").content.decode()
    assert citizen.full_name not in page
    services.give_consent(actor=citizen)
    page = client.get("/medarbejder/find-frivillige/?kompetence=it&by=holte&tid=weekends").content.decode()
    assert citizen.full_name in page and other_citizen.full_name not in page
    assert citizen.email not in page
    assert PersonalDataAccess.objects.filter(actor=institution_staff, subject=citizen).exists()
    assert citizen.full_name not in client.get("/medarbejder/find-frivillige/?kompetence=reading").content.decode()


def test_junk_in_the_search_gives_everyone(client, institution_staff, citizen, findable):
    client.force_login(institution_staff)
    response = client.get("/medarbejder/find-frivillige/?kompetence=%00x&by=9999")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("persona", ["citizen", "other_citizen", "steering_member", "network_member"])
def test_only_task_posters_may_find(client, request, persona, findable):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/medarbejder/find-frivillige/").status_code == 404
    assert client.get(findable.get_staff_url()).status_code == 404


def test_profile_page_is_logged_and_withdrawing_hides_it_at_once(client, institution_staff, citizen, findable):
    client.force_login(institution_staff)
    before = PersonalDataAccess.objects.count()
    page = client.get(findable.get_staff_url())
    assert page.status_code == 200 and citizen.email not in page.content.decode()
    assert PersonalDataAccess.objects.count() == before + 1
    services.withdraw_consent(actor=citizen)
    assert client.get(findable.get_staff_url()).status_code == 404
    assert citizen.full_name not in client.get("/medarbejder/find-frivillige/").content.decode()


def test_invite_once_sends_mail_and_yes_becomes_an_accepted_application(client, institution_staff, citizen, findable,
                                                                        it_task, django_capture_on_commit_callbacks):
    client.force_login(institution_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/medarbejder/find-frivillige/{findable.pk}/inviter/",
                    {"task": it_task.pk, "message": "Vi mangler netop dig", "accept_directly": "on"})
    invitation = Invitation.objects.get()
    assert any("Vi mangler netop dig" in m.body for m in mail.outbox if citizen.email in m.to)
    with pytest.raises(ValidationError):
        services.invite(actor=institution_staff, profile=findable, task=it_task, message="Igen")
    client.force_login(citizen)
    assert client.get(invitation.get_absolute_url()).status_code == 200
    client.post(f"/frivillig/invitationer/{invitation.pk}/ja/")
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    application = TaskApplication.objects.get(task=it_task, applicant=citizen)
    assert application.status == TaskApplication.Status.ACCEPTED and invitation.application == application
    assert invitation.status_changes.count() == 2


def test_yes_without_direct_acceptance_waits_and_no_thanks_is_recorded(institution_staff, citizen, findable, it_task,
                                                                       other_citizen):
    invitation = services.invite(actor=institution_staff, profile=findable, task=it_task, message="Hej")
    application = services.accept_invitation(actor=citizen, invitation=invitation)
    assert application.status == TaskApplication.Status.SUBMITTED
    from tests.taskbank.factories import TaskFactory

    second = TaskFactory(institution=it_task.institution, contact=institution_staff)
    invitation = services.invite(actor=institution_staff, profile=findable, task=second, message="Hej")
    with pytest.raises(PermissionDenied):
        services.decline_invitation(actor=other_citizen, invitation=invitation)
    services.decline_invitation(actor=citizen, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED


def test_cannot_invite_to_another_institutions_task_or_a_withdrawn_volunteer(other_institution_staff,
                                                                             institution_staff, citizen, findable,
                                                                             it_task):
    with pytest.raises(PermissionDenied):
        services.invite(actor=other_institution_staff, profile=findable, task=it_task, message="Hej")
    services.withdraw_consent(actor=citizen)
    with pytest.raises(PermissionDenied):
        services.invite(actor=institution_staff, profile=findable, task=it_task, message="Hej")


def test_invitations_are_rate_limited(client, institution_staff, citizen, findable, it_task, settings):
    from tests.taskbank.factories import TaskFactory

    client.force_login(institution_staff)
    tasks = [TaskFactory(institution=it_task.institution, contact=institution_staff) for _i in range(21)]
    for task in tasks:
        client.post(f"/medarbejder/find-frivillige/{findable.pk}/inviter/", {"task": task.pk, "message": "Hej"})
    assert Invitation.objects.count() == 20


def test_others_cannot_see_her_invitation(client, institution_staff, citizen, other_citizen, findable, it_task):
    invitation = services.invite(actor=institution_staff, profile=findable, task=it_task, message="Hej")
    client.force_login(other_citizen)
    assert client.get(invitation.get_absolute_url()).status_code == 404
    assert client.post(f"/frivillig/invitationer/{invitation.pk}/ja/").status_code == 404
