from datetime import timedelta

import factory
from django.utils import timezone

from taskbank.models import Task, TaskApplication
from taskbank.services import update_search_vector
from tests.factories import OrganisationFactory, UserFactory


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task
        skip_postgeneration_save = True

    institution = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Opgave {n}")
    summary = "Hjælp til med aktiviteter for beboerne."
    description = "En god opgave for en frivillig."
    area = "elderly"
    town = "holte"
    address = "Stationsvej 1"
    target_groups = factory.LazyFunction(lambda: ["everyone"])
    competences = factory.LazyFunction(lambda: ["social"])
    kind = Task.Kind.ONGOING
    hours_per_week = 2
    volunteers_wanted = 2
    contact = factory.SubFactory(UserFactory)
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    status = Task.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def index(obj, create, extracted, **kwargs):
        if create:
            update_search_vector([obj.pk])


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskApplication

    task = factory.SubFactory(TaskFactory)
    applicant = factory.SubFactory(UserFactory)
    message = "Jeg vil gerne hjælpe."
    availability = "Hverdage"
