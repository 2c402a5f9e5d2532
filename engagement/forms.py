"""Forms parse input (types, lengths, required); the rules live in services.py and workflow.py."""

from datetime import timedelta
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Agreement, StandardText

_date = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["duties", "staff_duties", "schedule", "contact", "confidentiality", "notification_duty", "insured",
                  "child_certificate"]
        labels = {"duties": _("Det gør den frivillige"), "staff_duties": _("Det er fortsat medarbejdernes opgaver"),
                  "schedule": _("Hvornår og hvor ofte"), "contact": _("Kontaktperson")}
        help_texts = {
            "staff_duties": _("Rolle- og opgavefordelingen: hvad den frivillige ikke skal gøre."),
            "notification_duty": _("Når opgaven indebærer kontakt med børn eller unge."),
            "insured": _("Om opgaven er dækket af kommunens ulykkes- og ansvarsforsikring for frivillige "
                         "(serviceloven § 18 a)."),
        }
        widgets = {"duties": forms.Textarea(attrs={"rows": 4}), "staff_duties": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        from frivillig.accounts.models import RoleAssignment

        if task is not None:
            staff = RoleAssignment.objects.filter(organisation_id=task.institution_id).values("user_id")
            self.fields["contact"].queryset = get_user_model().objects.filter(pk__in=staff).order_by("full_name")
        self.fields["contact"].required = True


class AcceptAgreementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=32000)
    confirm = forms.BooleanField(label=_("Jeg har læst aftalen og accepterer den"), required=True)


class EndAgreementForm(forms.Form):
    reason = forms.CharField(label=_("Årsag (valgfri)"), max_length=2000, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


class ThanksForm(forms.Form):
    message = forms.CharField(label=_("Din hilsen"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class SessionPlanForm(forms.Form):
    first_date = forms.DateField(label=_("Dato (første gang)"), **_date)
    start_time = forms.TimeField(label=_("Fra kl."), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_time = forms.TimeField(label=_("Til kl."), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends_next_day = forms.BooleanField(label=_("Vagten slutter dagen efter (over midnat)"), required=False)
    places = forms.IntegerField(label=_("Antal pladser"), min_value=1, max_value=500, initial=2)
    weeks = forms.IntegerField(label=_("Antal uger"), min_value=1, max_value=52, initial=1,
                               help_text=_("1 giver én vagt; flere giver samme ugedag og tid hver uge."))
    skip_dates = forms.CharField(label=_("Undtagen datoer"), required=False, max_length=1000,
                                 help_text=_("Fx helligdage og ferie, adskilt af komma: 2026-12-24, 2026-12-31"))
    note = forms.CharField(label=_("Bemærkning"), max_length=300, required=False)

    def __init__(self, *args, occasion=None, **kwargs):
        super().__init__(*args, **kwargs)
        starts_at = getattr(occasion, "starts_at", None)
        if starts_at is not None:
            # An event's sessions start from its own day and hours (the helpers' shifts are adjusted from there).
            start, end = timezone.localtime(starts_at), timezone.localtime(occasion.ends_at)
            self.initial.setdefault("first_date", start.date())
            self.initial.setdefault("start_time", start.time().replace(second=0, microsecond=0))
            if end.date() == start.date() or (end.date() == start.date() + timedelta(days=1) and end.time() <= start.time()):
                self.initial.setdefault("end_time", end.time().replace(second=0, microsecond=0))
                self.initial.setdefault("ends_next_day", end.date() != start.date())  # an evening past midnight

    def clean_skip_dates(self):
        from datetime import date

        dates = []
        for part in self.cleaned_data["skip_dates"].replace(";", ",").split(","):
            if part.strip():
                try:
                    dates.append(date.fromisoformat(part.strip()))
                except ValueError:
                    raise forms.ValidationError(_("Skriv datoerne som ÅÅÅÅ-MM-DD, adskilt af komma.")) from None
        return dates


class CancelSessionForm(forms.Form):
    reason = forms.CharField(label=_("Besked til de tilmeldte (valgfri)"), max_length=1000, required=False)


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(label=_("Mødte op"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        signups = session.signups.named().select_related("volunteer") if session is not None else []
        self.fields["attended"].choices = [(s.volunteer_id, s.volunteer.get_full_name()) for s in signups]
        self.initial.setdefault("attended", [s.volunteer_id for s in signups if s.attended])

    def clean_attended(self):
        return [int(v) for v in self.cleaned_data["attended"]]


class HoursForm(forms.Form):
    date = forms.DateField(label=_("Dato"), **_date)
    hours = forms.DecimalField(label=_("Timer"), min_value=Decimal("0.25"), max_value=24, max_digits=5,
                               decimal_places=2, localize=True)
    note = forms.CharField(label=_("Hvad lavede du (valgfri)"), max_length=300, required=False)


class StandardTextForm(forms.ModelForm):
    class Meta:
        model = StandardText
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}


class InviteForm(forms.Form):
    event = forms.ModelChoiceField(label=_("Arrangement"), queryset=None)
    area = forms.ChoiceField(label=_("Fagområde"), required=False,
                             help_text=_("Tom: alle aktive frivillige i kommunen."))
    message = forms.CharField(label=_("Hilsen i invitationen"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        from frivillig.core.choices import Area
        from taskbank.queries import upcoming_events

        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = upcoming_events()
        self.fields["area"].choices = [("", _("Alle fagområder")), *Area.choices]


class NominationForm(forms.Form):
    nominee_name = forms.CharField(label=_("Den frivilliges navn"), max_length=160)
    nominee_email = forms.EmailField(label=_("Den frivilliges e-mail"), max_length=254,
                                     help_text=_("Vi spørger den frivillige, før navnet bliver vist."))
    where = forms.CharField(label=_("Hvor er den frivillige aktiv"), max_length=200)
    reason = forms.CharField(label=_("Hvorfor skal netop denne frivillige være årets frivillige?"), max_length=3000,
                             widget=forms.Textarea(attrs={"rows": 5}))


class ConsentForm(forms.Form):
    consent = forms.TypedChoiceField(label=_("Må vi vise dit navn?"), widget=forms.RadioSelect, coerce=lambda v: v == "yes",
                                     choices=[("yes", _("Ja, I må gerne vise mit navn")),
                                              ("no", _("Nej, vis ikke mit navn"))])
