from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "frivillig.accounts"
    label = "accounts"
    verbose_name = _("Brugere og organisationer")

    def ready(self):
        from frivillig.core.registry import (
            PersonalDataHandler,
            StaffSection,
            register_personal_data,
            register_staff_section,
        )

        from . import documents, personal_data_org, roles, security_log  # noqa: F401 - documents registers the PDF renderer

        security_log.connect()

        register_staff_section(StaffSection(
            key="accounts.roles", title=_("Brugere og roller"), url_name="accounts:role_list",
            predicate=roles.is_culture_admin, order=900,
            description=_("Tildel og fjern medarbejderroller."),
        ))
        register_staff_section(StaffSection(
            key="accounts.organisations", title=_("Organisationer"), url_name="accounts:org_list",
            predicate=lambda u: roles.is_culture_admin(u) or roles.is_volunteer_centre(u), order=890,
            description=_("Opret institutioner og foreninger, og godkend foreninger, der har tilmeldt sig."),
        ))
        register_personal_data(PersonalDataHandler(key="accounts.organisations", export=personal_data_org.export,
                                                    erase=personal_data_org.erase))
