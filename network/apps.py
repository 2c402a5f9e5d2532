from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Styregruppe og frivillighedsnetværk")

    def ready(self):
        from frivillig.core.registry import PersonalDataHandler, StaffSection, register_personal_data, register_staff_section

        from . import documents, personal_data  # noqa: F401
        from .workflow import is_member, runs_network, sees_centre_agreement, sees_steering_group

        register_staff_section(StaffSection(
            key="network.staff", title=_("Netværk og styregruppe: medlemmer og møder"), url_name="network:staff_home",
            predicate=runs_network, order=50))
        register_staff_section(StaffSection(
            key="network.proposals", title=_("Netværkets forslag"), url_name="network:proposals", predicate=is_member,
            order=51, description=_("Forslag til tværgående indsatser, drøftelser og møder.")))
        register_staff_section(StaffSection(
            key="network.dashboard", title=_("Styregruppens overblik"), url_name="network:dashboard",
            predicate=sees_steering_group, order=52,
            description=_("Indsatsområder til behandling, indikatorer og årsrapporten til direktionen.")))
        register_staff_section(StaffSection(
            key="network.centre_agreement", title=_("Samarbejdsaftalen med Frivilligcentret"),
            url_name="network:centre_agreement", predicate=sees_centre_agreement,
            order=53, description=_("Aftalens forpligtelser, opfølgningsmøder og centrets egen status.")))
        register_personal_data(PersonalDataHandler(key="network", export=personal_data.export, erase=personal_data.erase))

        from django.urls import reverse

        from frivillig.core.registry import ExampleSource, register_example_source

        from .models import Agreement

        # An example agreement is replaced by a new version the Culture department writes.
        register_example_source(ExampleSource(
            key="network.agreement", label=_("Samarbejdsaftale med Frivilligcentret"), model=Agreement, order=60,
            public_url=lambda obj: reverse("network:volunteer_centre"),
            edit_url=lambda obj: reverse("network:staff_agreement_new")))
