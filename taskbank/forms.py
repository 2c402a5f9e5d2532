from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation, Role, User
from frivillig.organisations.workflow import represented_ids

from .models import Competence, Event, GatheringPlace, Idea, TargetGroup, Task


class TaskForm(forms.ModelForm):
    target_groups = forms.MultipleChoiceField(label=_("Passer til"), choices=TargetGroup.choices,
                                              widget=forms.CheckboxSelectMultiple,
                                              error_messages={"required": _("Vælg mindst én målgruppe.")})
    competences = forms.MultipleChoiceField(label=_("Kompetencer"), choices=Competence.choices, required=False,
                                            widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Task
        fields = ["title", "summary", "description", "area", "town", "address", "target_groups", "competences",
                  "kind", "starts_on", "ends_on", "schedule", "hours_per_week", "volunteers_wanted", "min_age",
                  "requires_child_certificate", "language_requirements", "contact", "expires_on", "gathering_place"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, institution: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = User.objects.filter(
            roles__role__in=[Role.INSTITUTION_STAFF, Role.ASSOCIATION_REP], roles__organisation=institution).distinct()
        self.fields["area"].initial = institution.area
        self.fields["gathering_place"].queryset = GatheringPlace.objects.filter(is_published=True)

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("Udløbsdatoen skal ligge i fremtiden."))
        return value


class ApplicationForm(forms.Form):
    message = forms.CharField(label=_("Fortæl kort om dig selv og hvorfor opgaven interesserer dig"),
                              max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))
    availability = forms.CharField(label=_("Hvornår kan du?"), max_length=300,
                                   help_text=_("Fx “hverdage efter kl. 14” eller “hver anden lørdag”."))
    organisation = forms.ModelChoiceField(
        label=_("Søg på vegne af"), queryset=Organisation.objects.none(), required=False,
        empty_label=_("Mig selv"), help_text=_("En forening kan tage opgaven som gruppe."))
    group_size = forms.IntegerField(label=_("Antal frivillige fra foreningen"), min_value=1, max_value=500,
                                    initial=1, required=False,
                                    help_text=_("Udfyldes, når du søger på vegne af en forening."))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        ids = represented_ids(user) if user is not None else set()
        if ids:
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)
        else:
            del self.fields["organisation"]
            del self.fields["group_size"]

    def clean(self):
        data = super().clean()
        if data.get("organisation") is None:
            data["group_size"] = 1
        elif not data.get("group_size"):
            self.add_error("group_size", _("Skriv, hvor mange frivillige foreningen stiller med."))
        return data


class QuestionForm(forms.Form):
    body = forms.CharField(label=_("Dit spørgsmål"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("Sendes til opgavens kontaktperson, som svarer dig på e-mail."))


class ModerationForm(forms.Form):
    """The reason for sending a task back or taking it off the portal (each its own button and URL)."""

    reason = forms.CharField(label=_("Begrundelse"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Sendes på e-mail til opgavens kontaktperson."))


class EventForm(forms.ModelForm):
    organiser = forms.ModelChoiceField(label=_("Arrangør"), queryset=Organisation.objects.none(), required=False,
                                       empty_label=_("Kulturområdet"))

    class Meta:
        model = Event
        fields = ["title", "description", "starts_at", "ends_at", "place", "town", "capacity", "gathering_place",
                  "is_published"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, organisers, allow_none: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers
        self.fields["organiser"].required = not allow_none
        if not allow_none:  # a representative organises for one of their own: offer no choice they cannot make
            self.fields["organiser"].empty_label = None
        if self.instance.pk:
            self.fields["organiser"].initial = self.instance.organiser_id
        self.fields["gathering_place"].queryset = GatheringPlace.objects.filter(is_published=True)
        self.order_fields(["title", "organiser"])


class CancelEventForm(forms.Form):
    reason = forms.CharField(label=_("Hvorfor aflyses arrangementet?"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Sendes til alle tilmeldte."))


class GatheringPlaceForm(forms.ModelForm):
    class Meta:
        model = GatheringPlace
        fields = ["name", "description", "address", "town", "opening_hours", "who_meets", "organisation",
                  "is_published"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "who_meets": forms.Textarea(attrs={"rows": 3})}


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Besked"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class DeclineForm(forms.Form):
    message = forms.CharField(label=_("Besked til ansøgeren"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Sendes til ansøgeren sammen med afslaget."))


class CertificateForm(forms.Form):
    checked_on = forms.DateField(label=_("Dato for indhentet og vurderet børneattest"),
                                 widget=forms.DateInput(attrs={"type": "date"}),
                                 help_text=_("Registrér kun datoen – gem aldrig selve attesten eller et CPR-nummer."))

    def clean_checked_on(self):
        value = self.cleaned_data["checked_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Datoen kan ikke ligge i fremtiden."))
        return value


class IdeaForm(forms.ModelForm):
    class Meta:
        model = Idea
        fields = ["title", "description", "area", "organisation"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = represented_ids(user)
        if ids:
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)
        else:
            del self.fields["organisation"]


class TriageForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=[
        (Idea.Status.CONSIDERING, Idea.Status.CONSIDERING.label),
        (Idea.Status.BECAME_TASK, Idea.Status.BECAME_TASK.label),
        (Idea.Status.ANSWERED, Idea.Status.ANSWERED.label),
        (Idea.Status.REJECTED, Idea.Status.REJECTED.label),
    ])
    answer = forms.CharField(label=_("Svar til forslagsstilleren"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    task = forms.ModelChoiceField(label=_("Opgaven, idéen blev til"), queryset=Task.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        if "status" in data:
            data["to"] = data.pop("status")
        return data


class TaskStatusForm(forms.Form):
    """A status button on the staff task page: the new status and an optional reason."""

    to = forms.ChoiceField(label=_("Ny status"), choices=Task.Status.choices)
    reason = forms.CharField(label=_("Begrundelse"), required=False, max_length=2000)


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Navn på søgningen"), max_length=120)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1000)


class ImportForm(forms.Form):
    source = forms.CharField(label=_("Kilde"), max_length=100,
                             help_text=_("Fx “Socialkompas” eller “Frivilligcentrets liste”."))
    file = forms.FileField(label=_("Fil (CSV eller JSON)"),
                           help_text=_("Kolonner: forening, titel, beskrivelse, by, hjemmeside, id."))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith((".csv", ".json")) or f.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Vælg en CSV- eller JSON-fil på højst 2 MB."))
        return f

    def clean(self):
        """The offers the file holds, parsed (what the service takes with the source)."""
        data = super().clean()
        upload = data.get("file")
        if upload is None:
            return data
        from django.core.exceptions import ValidationError

        from .exchange import parse_offers

        try:
            rows = parse_offers(upload.read(), upload.name)
        except (ValidationError, UnicodeDecodeError) as exc:
            raise forms.ValidationError({"file": getattr(exc, "messages", None) or _("Filen kunne ikke læses.")}) from exc
        return {"rows": rows, "source": data.get("source", "")}
