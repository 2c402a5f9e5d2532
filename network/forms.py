from django import forms
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation, User
from frivillig.core.choices import Area
from frivillig.core.files import clean_upload

from .models import Body, Meeting, Priority, PriorityReview


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    summary = forms.CharField(label=_("Beskriv forslaget til en tværgående indsats"), widget=forms.Textarea(attrs={"rows": 6}))


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Din kommentar"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(forms.ModelForm):
    class Meta:
        model = PriorityReview
        fields = ["recommendation", "comment"]
        widgets = {"recommendation": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 3})}


class DecisionForm(forms.Form):
    to = forms.ChoiceField(label=_("Styregruppens beslutning"), widget=forms.RadioSelect, choices=[
        (Priority.Status.ADOPTED, _("Vedtag som indsatsområde")), (Priority.Status.REJECTED, _("Vedtag ikke"))])
    reason = forms.CharField(label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 3}))


class PriorityForm(forms.Form):
    title = forms.CharField(label=_("Indsatsområde"), max_length=200)
    description = forms.CharField(label=_("Beskrivelse"), widget=forms.Textarea(attrs={"rows": 3}))
    year = forms.IntegerField(label=_("År"), min_value=2020, max_value=2100)


class MemberForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Organ"), queryset=Body.objects.all())
    email = forms.EmailField(label=_("Brugerens e-mail"))
    organisation = forms.ModelChoiceField(label=_("Repræsenterer"), queryset=Organisation.objects.filter(is_active=True),
                                          required=False)
    area = forms.ChoiceField(label=_("Fagområde"), choices=[("", "–")] + list(Area.choices), required=False)
    title = forms.CharField(label=_("Titel"), max_length=120, required=False)
    is_chair = forms.BooleanField(label=_("Formand"), required=False)

    def clean_email(self):
        try:
            self.user = User.objects.get(email__iexact=self.cleaned_data["email"])
        except User.DoesNotExist:
            raise forms.ValidationError(_("Der findes ingen bruger med denne e-mail.")) from None
        return self.cleaned_data["email"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "title", "starts_at", "ends_at", "place"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
                   "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Nyt dagsordenspunkt"), max_length=200)
    description = forms.CharField(label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Referat"), widget=forms.Textarea(attrs={"rows": 6}))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Bilagets titel"), max_length=200)
    file = forms.FileField(label=_("Bilag"), help_text=_("PDF, billede eller kontordokument, højst 10 MB."))

    def clean_file(self):
        return clean_upload(self.cleaned_data.get("file"))


class FollowUpForm(forms.Form):
    held_on = forms.DateField(label=_("Dato for opfølgningsmødet"), widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(label=_("Noter"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
