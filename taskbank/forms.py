from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation, Role, User

from .models import Competence, Idea, TargetGroup, Task


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
                  "requires_child_certificate", "language_requirements", "contact", "expires_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, institution: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = User.objects.filter(
            roles__role=Role.INSTITUTION_STAFF, roles__organisation=institution).distinct()
        self.fields["area"].initial = institution.area

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
        from frivillig.accounts.roles import association_ids

        ids = association_ids(user)
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
