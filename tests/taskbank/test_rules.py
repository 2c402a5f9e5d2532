"""The task bank's who-may rules are named checks that services, gates and pages all ask (taskbank/workflow.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from frivillig.accounts.models import Organisation, Role
from frivillig.core.workflow import CHECKS
from taskbank import services
from taskbank.models import Event, Task
from tests.factories import AssociationFactory, RoleAssignmentFactory


@pytest.fixture
def pending_rep(citizen):
    pending = AssociationFactory(name="Endnu ikke godkendt", status=Organisation.Status.PENDING)
    RoleAssignmentFactory(user=citizen, role=Role.ASSOCIATION_REP, organisation=pending)
    return citizen, pending


def test_a_pending_association_represents_no_one(pending_rep, task):
    """One definition of "represents": approved membership, for applying and for suggesting alike."""
    citizen, pending = pending_rep
    with pytest.raises(PermissionDenied, match="godkendt forening"):
        services.apply(actor=citizen, task=task, message="x", availability="x", organisation=pending, group_size=2)
    with pytest.raises(PermissionDenied, match="godkendt forening"):
        services.submit_idea(actor=citizen, title="Idé", description="Beskrivelse", organisation=pending)


def test_the_task_page_says_why_it_takes_no_applications(client, citizen, task):
    task.status = Task.Status.FILLED
    task.save(update_fields=["status"])
    client.force_login(citizen)
    html = client.get(task.get_absolute_url()).content.decode()
    assert "Opgaven har fået de frivillige, den søgte." in html
    assert CHECKS["taskbank.takes_applications"](citizen, task).reason == "Opgaven har fået de frivillige, den søgte."


def test_moderation_is_one_url_per_step_and_not_for_staff(client, institution_staff, culture_admin, task):
    client.force_login(institution_staff)
    assert client.post(f"/medarbejder/opgaver/{task.pk}/tag-af-portalen/", {"reason": "x"}).status_code == 403
    client.force_login(culture_admin)
    response = client.post(f"/medarbejder/opgaver/{task.pk}/godkend/", follow=True)
    assert "Opgaven venter ikke på godkendelse." in response.content.decode()
    client.post(f"/medarbejder/opgaver/{task.pk}/tag-af-portalen/", {"reason": "Betalt stilling."})
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSED


def test_event_sign_up_and_cancel_are_two_urls(client, citizen):
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now() + timedelta(days=3)
    event = Event.objects.create(title="Frivilligfest", description="d", starts_at=start,
                                 ends_at=start + timedelta(hours=2), place="Mariehøj", town="holte", capacity=5,
                                 is_published=True)
    client.force_login(citizen)
    client.post(f"/arrangementer/{event.pk}/tilmelding/")
    assert event.signups.filter(user=citizen).exists()
    assert "Du er tilmeldt." in client.get(event.get_absolute_url()).content.decode()
    client.post(f"/arrangementer/{event.pk}/afmelding/")
    assert not event.signups.filter(user=citizen).exists()
