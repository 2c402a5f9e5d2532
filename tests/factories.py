"""factory_boy factories for the core. Apps keep their own factories in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress

from frivillig.accounts.models import Organisation, Role, RoleAssignment, User
from frivillig.core.choices import Area

PASSWORD = "korrekt-hest-batteri-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.dk")
    full_name = factory.Faker("name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Verified e-mail unless verified=False is passed."""
        if create:
            obj.save()
            if extracted is not False:
                EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Institution {n}")
    kind = Organisation.Kind.INSTITUTION
    area = Area.ELDERLY


class AssociationFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Forening {n}")
    kind = Organisation.Kind.ASSOCIATION
    area = Area.CULTURE


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.INSTITUTION_STAFF
    organisation = factory.SubFactory(OrganisationFactory)
