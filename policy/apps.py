from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "policy"
    verbose_name = _("Frivillighedspolitik")

    def ready(self):
        from frivillig.accounts.roles import is_culture_admin
        from frivillig.core.registry import StaffSection, register_staff_section

        from . import documents  # noqa: F401 - registers the PDF renderers

        register_staff_section(StaffSection(
            key="policy", title=_("Frivillighedspolitikken"), url_name="policy_staff:index",
            predicate=is_culture_admin, order=10,
            description=_("Redigér værdier, temaer, hvidbog, guide og værktøjskasse. Alle ændringer gemmes som versioner."),
        ))
