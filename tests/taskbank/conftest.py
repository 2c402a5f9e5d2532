import pytest

from .factories import ApplicationFactory, TaskFactory


@pytest.fixture
def task(institution, institution_staff):
    return TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere",
                       summary="Læs højt for beboerne – læsning giver gode stunder.", volunteers_wanted=1)


@pytest.fixture
def application(task, citizen):
    return ApplicationFactory(task=task, applicant=citizen)
