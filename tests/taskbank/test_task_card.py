"""The task card is written twice: as Python (taskbank_tags.task_card, fast enough for twenty cards a page) and as
the template a newcomer reads and changes (taskbank/_task_card.html). They must print the same markup."""

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from taskbank.models import Task
from tests.factories import AssociationFactory

from .factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(institution, institution_staff):
    return [
        TaskFactory(institution=institution, contact=institution_staff, title="Højtlæsning for beboere",
                    summary="Læs højt for beboerne – læsning giver gode stunder.",
                    description="Læs højt for beboerne – læsning giver gode stunder. Vi læser aviser og romaner."),
        TaskFactory(institution=AssociationFactory(name='Holte <Roklub> & "venner"'), contact=institution_staff,
                    title="Træner <b>til</b> 'roning'", summary="Ungdomsholdet & de voksne", town="naerum",
                    requires_child_certificate=True, kind=Task.Kind.ONE_OFF),
    ]


def card_by_tag(task, searched):
    return Template("{% load taskbank_tags %}{% task_card task %}").render(Context({"task": task, "searched": searched}))


@pytest.mark.parametrize("searched", ["", "højtlæsning", "roning", "beboere læser", "<b>"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_card_tag_prints_what_the_card_template_says(tasks, searched, language):
    with translation.override(language):
        for task in tasks:
            expected = render_to_string("taskbank/_task_card.html", {"task": task, "searched": searched})
            assert card_by_tag(task, searched) == expected, task.title
    assert "<mark>" in card_by_tag(tasks[0], "højtlæsning")  # the searches do mark something
