from django import forms
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area, Town
from taskbank.models import Competence, TargetGroup, Task

from .models import CONSENT_DAYS, Availability, Campaign, EmbedSite


def _checkboxes(label, choices, help_text=""):
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, help_text=help_text,
                                     widget=forms.CheckboxSelectMultiple)


class ProfileForm(forms.Form):
    competences = _checkboxes(_("Det er jeg god til"), Competence.choices)
    interests = _checkboxes(_("Det interesserer mig"), Area.choices)
    towns = _checkboxes(_("Her vil jeg gerne hjælpe"), Town.choices,
                        _("Vælg ingen, hvis det er lige meget."))
    availability = _checkboxes(_("Her har jeg tid"), Availability.choices)
    hours_per_week = forms.IntegerField(label=_("Timer om ugen"), min_value=1, max_value=80, required=False)
    target_groups = _checkboxes(_("Dem vil jeg gerne arbejde med"), TargetGroup.choices)
    can_do = forms.CharField(label=_("Det kan jeg"), max_length=2000, required=False,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Fx “Jeg er pensioneret IT-underviser og kan hjælpe ældre med tablets.”"))
    wants_digest = forms.BooleanField(label=_("Send mig en ugentlig e-mail med nye opgaver til mig"), required=False)


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Ja, medarbejdere må finde min profil og invitere mig til opgaver"),
        error_messages={"required": _("Sæt kryds for at sige ja.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = _(
            "Medarbejdere på kommunens institutioner og repræsentanter for godkendte foreninger kan så se dit navn og "
            "din profil (ikke din e-mail eller dit telefonnummer), når de leder efter en frivillig, og sende dig en "
            "invitation til en opgave. Dit ja gælder i %(days)s dage, og du kan trække det tilbage her når som "
            "helst; så kan ingen finde dig længere.") % {"days": CONSENT_DAYS}


class FindForm(forms.Form):
    """The staff search: junk gives the default (every findable volunteer)."""

    kompetence = forms.ChoiceField(label=_("Kompetence"), required=False,
                                   choices=[("", _("Alle kompetencer")), *Competence.choices])
    by = forms.ChoiceField(label=_("By"), required=False, choices=[("", _("Alle byer")), *Town.choices])
    tid = forms.ChoiceField(label=_("Tid"), required=False, choices=[("", _("Alle tider")), *Availability.choices])
    omraade = forms.ChoiceField(label=_("Interesse"), required=False, choices=[("", _("Alle fagområder")), *Area.choices])

    def criteria(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {"competence": data.get("kompetence", ""), "town": data.get("by", ""),
                "availability": data.get("tid", ""), "interest": data.get("omraade", "")}


class InviteForm(forms.Form):
    task = forms.ModelChoiceField(label=_("Opgave"), queryset=Task.objects.none(),
                                  empty_label=_("Vælg en opgave"))
    message = forms.CharField(label=_("Besked"), max_length=1500, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Fortæl, hvorfor I tænker på netop denne frivillige."))
    accept_directly = forms.BooleanField(label=_("Optag direkte ved et ja"), required=False)

    def __init__(self, *args, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tasks is not None:
            self.fields["task"].queryset = tasks


class CampaignForm(forms.ModelForm):
    target_groups = _checkboxes(_("Målgrupper"), TargetGroup.choices)
    areas = _checkboxes(_("Fagområder"), Area.choices)
    towns = _checkboxes(_("Byer"), Town.choices)

    class Meta:
        model = Campaign
        fields = ["title", "slug", "intro", "starts_on", "ends_on", "target_groups", "areas", "towns", "tasks",
                  "is_published"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "intro": forms.Textarea(attrs={"rows": 6}),
                   "tasks": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from taskbank.queries import published_tasks

        newest = published_tasks().order_by("-published_at").values("pk")[:200]
        self.fields["tasks"].queryset = published_tasks().filter(pk__in=newest).order_by("title")


class EmbedSiteForm(forms.ModelForm):
    class Meta:
        model = EmbedSite
        fields = ["name", "origin"]


class EmbedFilterForm(forms.Form):
    """What an embedded list shows; junk gives the default (every open task)."""

    organisation = forms.ModelChoiceField(label=_("Står bag"), required=False, queryset=None,
                                          empty_label=_("Alle institutioner og foreninger"))
    omraade = forms.ChoiceField(label=_("Fagområde"), required=False, choices=[("", _("Alle fagområder")), *Area.choices])
    by = forms.ChoiceField(label=_("By"), required=False, choices=[("", _("Alle byer")), *Town.choices])
    kampagne = forms.ModelChoiceField(label=_("Kampagne"), required=False, queryset=Campaign.objects.none(),
                                      to_field_name="slug", empty_label=_("Ingen kampagne"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from frivillig.accounts.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.filter(
            kind__in=["institution", "association"], status="approved").order_by("name")
        self.fields["kampagne"].queryset = Campaign.objects.filter(is_published=True)

    def params(self) -> dict:
        """The valid filters as query parameters (for the embed's address and the filtered list)."""
        data = self.cleaned_data if self.is_valid() else {}
        params = {"organisation": data["organisation"].pk if data.get("organisation") else "",
                  "omraade": data.get("omraade", ""), "by": data.get("by", ""),
                  "kampagne": data["kampagne"].slug if data.get("kampagne") else ""}
        return {k: v for k, v in params.items() if v}
