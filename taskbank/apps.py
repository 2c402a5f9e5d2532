from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskbankConfig(AppConfig):
    name = "taskbank"
    verbose_name = _("Idé- og opgavebank")

    def ready(self):
        from frivillig.core.registry import (
            IndicatorSource,
            PersonalDataHandler,
            StaffSection,
            register_indicator_source,
            register_personal_data,
            register_retention,
            register_staff_section,
        )

        from . import indicators, personal_data, signals, workflow  # noqa: F401 (signals connect on import)

        register_staff_section(StaffSection(
            key="taskbank.tasks", title=_("Opgaver og ansøgninger"), url_name="taskbank:staff_home",
            predicate=workflow.works_in_task_bank, order=20,
            description=_("Opret og offentliggør opgaver, og behandl ansøgninger fra frivillige.")))
        register_staff_section(StaffSection(
            key="taskbank.events", title=_("Arrangementer"), url_name="taskbank:staff_events",
            predicate=workflow.runs_events, order=30,
            description=_("Opret, redigér og aflys arrangementer.")))
        register_staff_section(StaffSection(
            key="taskbank.import_offers", title=_("Foreningstilbud fra andre oversigter"),
            url_name="taskbank:staff_import_offers", predicate=workflow.imports_offers,
            order=36, description=_("Importér tilbud fra fx Socialkompas til foreningsoversigten.")))
        register_staff_section(StaffSection(
            key="taskbank.places", title=_("Samlingssteder"), url_name="taskbank:staff_places",
            predicate=workflow.manages_places, order=35,
            description=_("Steder, hvor borgere og foreninger mødes: adresse, åbningstider og hvem der mødes.")))
        register_staff_section(StaffSection(
            key="taskbank.ideas", title=_("Idéer fra borgere og foreninger"), url_name="taskbank:staff_ideas",
            predicate=workflow.is_triager, order=25, description=_("Vurdér og besvar idéer.")))
        register_personal_data(PersonalDataHandler(key="taskbank", export=personal_data.export,
                                                   erase=personal_data.erase))
        register_personal_data(PersonalDataHandler(key="taskbank.questions", export=personal_data.export_questions,
                                                   erase=personal_data.erase_questions))
        register_retention("taskbank.applications", personal_data.purge_old_applications)
        register_retention("taskbank.event_signups", personal_data.purge_past_event_signups)
        for key, label, fn in indicators.SOURCES:
            register_indicator_source(IndicatorSource(key=key, label=label, compute=fn))
