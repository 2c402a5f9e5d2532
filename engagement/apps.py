from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Frivilligforløb")

    def ready(self):
        from django.urls import reverse

        from frivillig.accounts.roles import is_culture_admin, is_task_poster
        from frivillig.core.registry import (
            ExampleSource,
            IndicatorSource,
            PersonalDataHandler,
            StaffSection,
            register_example_source,
            register_indicator_source,
            register_personal_data,
            register_retention,
            register_staff_section,
        )

        from . import documents, indicators, personal_data, signals  # noqa: F401 (renderers and the acceptance hook)
        from .models import StandardText

        register_staff_section(StaffSection(
            key="engagement.volunteers", title=_("Frivillige: aftaler, vagter og timer"),
            url_name="engagement:staff_overview", predicate=is_task_poster, order=22,
            description=_("Frivilligaftaler, vagtplan, fremmøde og timer for jeres optagne frivillige.")))
        register_staff_section(StaffSection(
            key="engagement.standard_texts", title=_("Standardtekster i frivilligaftaler"),
            url_name="engagement:standard_texts", predicate=is_culture_admin, order=60,
            description=_("Forsikring, tavshedspligt, underretningspligt og afslutning.")))
        register_staff_section(StaffSection(
            key="engagement.invite", title=_("Invitér de frivillige"), url_name="engagement:staff_invite",
            predicate=is_culture_admin, order=61,
            description=_("Invitér alle aktive frivillige – eller dem i ét fagområde – til et arrangement, fx den "
                          "årlige frivilligfest.")))
        register_staff_section(StaffSection(
            key="engagement.award", title=_("Årets frivillige"), url_name="engagement:staff_nominations",
            predicate=is_culture_admin, order=62,
            description=_("Indstillinger fra borgere, foreninger og medarbejdere; vælg, og spørg den valgte.")))
        register_example_source(ExampleSource(
            key="engagement.standard_text", label=_("Standardtekst i frivilligaftale"), model=StandardText,
            public_url=lambda obj: reverse("engagement:standard_texts"),
            edit_url=lambda obj: reverse("engagement:staff_standard_text", args=[obj.pk]), order=80))
        register_personal_data(PersonalDataHandler(key="engagement", export=personal_data.export,
                                                   erase=personal_data.erase))
        register_retention("engagement.agreements", personal_data.purge_old_agreements)
        register_retention("engagement.session_signups", personal_data.purge_past_session_signups)
        register_retention("engagement.nominations", personal_data.purge_old_nominations)
        register_personal_data(PersonalDataHandler(key="engagement.nominations", export=personal_data.export_nominations,
                                                   erase=personal_data.erase_nominations))
        for key, label, fn, unit in indicators.SOURCES:
            register_indicator_source(IndicatorSource(key=key, label=label, compute=fn, unit=unit))
