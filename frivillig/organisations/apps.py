from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    """Institutions, associations, the Volunteer Centre and departments: registration, approval and invitations.
    The models live in ``frivillig.accounts`` (roles point at them); the rules, writes and pages live here."""

    name = "frivillig.organisations"
    label = "organisations"
    verbose_name = _("Organisationer")

    def ready(self):
        from frivillig.core.registry import (
            PersonalDataHandler,
            StaffSection,
            register_personal_data,
            register_staff_section,
        )

        from . import personal_data, workflow

        register_staff_section(StaffSection(
            key="accounts.organisations", title=_("Organisationer"), url_name="accounts:org_list",
            predicate=workflow.sees_organisation_list, order=890,
            description=_("Opret institutioner og foreninger, og godkend foreninger, der har tilmeldt sig."),
        ))
        register_personal_data(PersonalDataHandler(key="accounts.organisations", export=personal_data.export,
                                                    erase=personal_data.erase))
