import pytest

from volunteers import services


@pytest.fixture
def profile(citizen):
    return services.save_profile(actor=citizen, data={
        "competences": ["it"], "interests": ["elderly"], "towns": ["holte"], "availability": ["weekends"],
        "hours_per_week": 3, "target_groups": ["seniors"], "can_do": "Jeg kan hjælpe ældre med tablets."})


@pytest.fixture
def findable(profile, citizen):
    return services.give_consent(actor=citizen)


@pytest.fixture
def it_task(institution, institution_staff):
    from tests.taskbank.factories import TaskFactory

    return TaskFactory(institution=institution, contact=institution_staff, title="IT-hjælp på plejecentret",
                       competences=["it"], area="elderly", town="holte", schedule="lørdage kl. 10-12",
                       target_groups=["seniors"])
