import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from taskbank import services
from taskbank.models import TaskApplication

from .factories import ApplicationFactory, TaskFactory


@pytest.mark.django_db(transaction=True)
def test_two_staff_accepting_the_last_place_at_once(institution, institution_staff, citizen, other_citizen):
    from frivillig.accounts.models import Role, RoleAssignment
    from tests.factories import UserFactory

    colleague = UserFactory(email="kollega@example.dk")
    RoleAssignment.objects.create(user=colleague, role=Role.INSTITUTION_STAFF, organisation=institution)
    task = TaskFactory(institution=institution, contact=institution_staff, volunteers_wanted=1)
    applications = [ApplicationFactory(task=task, applicant=citizen), ApplicationFactory(task=task, applicant=other_citizen)]
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(actor, application):
        try:
            barrier.wait()
            services.accept(actor=actor, application=application)
            outcomes.append("accepted")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(actor, app))
               for actor, app in zip([institution_staff, colleague], applications, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("accepted") == 1
    refused = [o for o in outcomes if o != "accepted"]
    assert len(refused) == 1 and "allerede fået de 1 frivillige" in refused[0]
    assert TaskApplication.objects.filter(task=task, status="accepted").count() == 1
