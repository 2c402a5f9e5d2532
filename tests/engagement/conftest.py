from datetime import timedelta

import pytest
from django.utils import timezone

from engagement import services
from engagement.models import Agreement, Session
from engagement.seed import load_reference
from taskbank.models import TaskApplication
from tests.taskbank.factories import ApplicationFactory, TaskFactory


@pytest.fixture
def standard_texts(db):
    load_reference()


@pytest.fixture
def task(institution, institution_staff):
    return TaskFactory(institution=institution, contact=institution_staff, title="Lektiehjælp i Nærum",
                       description="Hjælp elever med lektier.", area="children", target_groups=["young"])


@pytest.fixture
def accepted(task, citizen):
    return ApplicationFactory(task=task, applicant=citizen, status=TaskApplication.Status.ACCEPTED,
                              decided_at=timezone.now())


def agreement_data(application, **overrides):
    from engagement.queries import agreement_initial

    return {**agreement_initial(application), "contact": application.task.contact,
            "staff_duties": "Lærerne planlægger.", "schedule": "Torsdage", **overrides}


@pytest.fixture
def agreement(standard_texts, accepted, institution_staff, citizen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a = services.start_agreement(actor=institution_staff, application=accepted, data=agreement_data(accepted))
        a = services.send_agreement(actor=institution_staff, agreement=a)
        return services.accept_agreement(actor=citizen, agreement=a, version=a.version)


def make_session(task, *, days=2, places=2, hours=2):
    start = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return Session.objects.create(task=task, starts_at=start, ends_at=start + timedelta(hours=hours), places=places)


@pytest.fixture
def session(agreement):
    return make_session(agreement.task)


__all__ = ["Agreement", "agreement_data", "make_session"]
