from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Frivillige")

    def ready(self):
        from django.urls import reverse

        from frivillig.core.registry import (
            ExampleSource,
            PersonalDataHandler,
            StaffSection,
            register_example_source,
            register_personal_data,
            register_retention,
            register_staff_section,
        )

        from . import personal_data, workflow
        from .models import Campaign

        register_staff_section(StaffSection(
            key="volunteers.find", title=_("Find frivillige"), url_name="volunteers:find",
            predicate=lambda u: bool(workflow.may_find_volunteers(u)), order=22,
            description=_("Søg blandt frivillige, der har sagt ja til at blive fundet, og invitér dem til en "
                          "opgave.")))
        register_staff_section(StaffSection(
            key="volunteers.campaigns", title=_("Kampagner"), url_name="volunteers:staff_campaigns",
            predicate=lambda u: bool(workflow.is_campaign_editor(u)), order=37,
            description=_("Temasider som “Ny pensionist?” med opgaver og arrangementer, vist på forsiden.")))
        register_staff_section(StaffSection(
            key="volunteers.embeds", title=_("Vis opgaver på andre sider"), url_name="volunteers:staff_embeds",
            predicate=lambda u: bool(workflow.is_embed_keeper(u)), order=38,
            description=_("Kodestykker til kommunens, foreningers og bibliotekers sider, og hvilke sider der må "
                          "vise opgaverne.")))
        register_personal_data(PersonalDataHandler(key="volunteers", export=personal_data.export,
                                                   erase=personal_data.erase))
        register_retention("volunteers.consent", personal_data.expire_consent)
        register_retention("volunteers.invitations", personal_data.purge_old_invitations)
        register_example_source(ExampleSource(
            key="volunteers.campaign", label=Campaign._meta.verbose_name, model=Campaign, order=80,
            public_url=lambda obj: obj.get_absolute_url(),
            edit_url=lambda obj: reverse("volunteers:staff_campaign_edit", args=[obj.pk])))
