from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "frivillig.search"
    label = "search"
    verbose_name = _("Søgning")

    def ready(self):
        from frivillig.accounts.roles import is_culture_admin
        from frivillig.core.registry import StaffSection, register_staff_section

        register_staff_section(StaffSection(
            key="search_vocabulary", title=_("Søgningens ordforråd"), url_name="search:vocabulary",
            predicate=is_culture_admin, order=12,
            description=_("Ord, der betyder det samme, og begreber, som søgningen skal forstå. Virker med det samme."),
        ))
