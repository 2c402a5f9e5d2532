from datetime import timedelta

import pytest
from django.utils import timezone

from strategy import services
from strategy.models import Hearing, Meeting, ProcessTemplate, Theme
from strategy.seed import load_reference


@pytest.fixture
def process(db, culture_admin):
    load_reference()
    process = services.create_process(actor=culture_admin, template=ProcessTemplate.objects.get(slug="ballerup"),
                                      title="Civilsamfundsstrategi", description="Sammen med civilsamfundet.",
                                      starts_on=timezone.localdate())
    Theme.objects.create(process=process, name="Roller og arbejdsdeling")
    Theme.objects.create(process=process, name="Praktisk vejledning")
    return process


@pytest.fixture
def meeting(process):
    now = timezone.now()
    return Meeting.objects.create(process=process, kind="dialogue", title="Dialogmøde", audience="Foreninger",
                                  starts_at=now + timedelta(hours=20), ends_at=now + timedelta(hours=22),
                                  place="Mariehøj", capacity=1)


@pytest.fixture
def hearing(process):
    now = timezone.now()
    return Hearing.objects.create(slug="hoering", process=process, title="Høring over udkast",
                                  description="Sig din mening.", opens_at=now - timedelta(days=1),
                                  closes_at=now + timedelta(days=2))
