from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Puljen til lokale frivillige aktiviteter")

    def ready(self):
        from frivillig.accounts.roles import is_culture_admin
        from frivillig.core.registry import (
            IndicatorSource,
            PersonalDataHandler,
            StaffSection,
            register_indicator_source,
            register_personal_data,
            register_retention,
            register_staff_section,
        )

        from . import documents, indicators, personal_data  # noqa: F401 - documents registers PDF renderers

        register_staff_section(StaffSection(
            key="grants", title=_("Puljer og tilskudsansøgninger"), url_name="grants:staff_pools",
            predicate=is_culture_admin, order=30,
            description=_("Puljer, runder, sagsbehandling, afgørelser, udbetalinger og afrapporteringer.")))
        register_personal_data(PersonalDataHandler(key="grants", export=personal_data.export,
                                                   erase=personal_data.erase))
        register_retention("grants.drafts", personal_data.purge_old_drafts)
        for key, label, fn in indicators.sources():
            register_indicator_source(IndicatorSource(key=key, label=label, compute=fn,
                                                      unit="kr." if "amount" in key else ""))
