from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "frivillig.accounts"
    label = "accounts"
    verbose_name = _("Brugere og organisationer")

    def ready(self):
        from frivillig.core.registry import (
            StaffSection,
            register_staff_section,
        )

        from . import documents, roles, security_log, workflow  # noqa: F401 - documents registers the PDF renderer

        security_log.connect()

        register_staff_section(StaffSection(
            key="accounts.roles", title=_("Brugere og roller"), url_name="accounts:role_list",
            predicate=workflow.manages_roles, order=900,
            description=_("Tildel og fjern medarbejderroller."),
        ))
