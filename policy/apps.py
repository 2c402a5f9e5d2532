from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = _("Frivillighedspolitik")

    def ready(self):
        from django.urls import reverse

        from frivillig.accounts.roles import is_culture_admin
        from frivillig.core.registry import ExampleSource, StaffSection, register_example_source, register_staff_section

        from . import documents  # noqa: F401 - registers the PDF renderers
        from .models import CONTENT_KINDS, Value

        for order, (kind, model) in enumerate(CONTENT_KINDS.items(), start=10):
            register_example_source(ExampleSource(
                key=f"policy.{kind}", label=model._meta.verbose_name, model=model, order=order,
                # a value's own page is the policy page; the others have their own
                public_url=(lambda obj: reverse("policy:index")) if model is Value else (lambda obj: obj.get_absolute_url()),
                edit_url=lambda obj, kind=kind: reverse("policy_staff:edit", args=[kind, obj.pk])))

        register_staff_section(StaffSection(
            key="policy", title=_("Frivillighedspolitikken"), url_name="policy_staff:index",
            predicate=is_culture_admin, order=10,
            description=_("Redigér værdier, temaer, hvidbog, guide og værktøjskasse. Alle ændringer gemmes som versioner."),
        ))
        register_staff_section(StaffSection(
            key="policy_examples", title=_("Eksempeltekster"), url_name="policy_staff:examples",
            predicate=is_culture_admin, order=11,
            description=_("De tekster, portalen viser som eksempler, indtil Kulturområdet har skrevet sin egen."),
        ))
