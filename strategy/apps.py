from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Civilsamfundsstrategi og høringer")

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

        from . import documents, personal_data  # noqa: F401 - documents registers PDF renderers

        register_staff_section(StaffSection(
            key="strategy", title=_("Strategiprocesser og høringer"), url_name="strategy:staff_home",
            predicate=is_culture_admin, order=40,
            description=_("Processer fra skabeloner, møder, input, udkast, høringer, vedtagelse og indikatorer.")))
        register_personal_data(PersonalDataHandler(key="strategy", export=personal_data.export,
                                                   erase=personal_data.erase))
        register_retention("strategy.meeting_signups", personal_data.purge_past_meeting_signups)
        register_indicator_source(IndicatorSource(key="strategy.hearing_responses", label=_("Høringssvar"),
                                                  compute=personal_data.count_responses))
        register_indicator_source(IndicatorSource(key="strategy.inputs", label=_("Input til strategiprocesser"),
                                                  compute=personal_data.count_inputs))
