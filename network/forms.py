from datetime import timedelta

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation, User
from frivillig.core.choices import Area
from frivillig.core.files import clean_upload

from .models import Body, Meeting, Obligation, ObligationStatus, Priority, PriorityReview, PriorityUpdate


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no blank "---------" choice: nothing is chosen until the member chooses.
        self.fields["recommendation"].choices = PriorityReview.Recommendation.choices


class DecisionForm(forms.Form):
    to = forms.ChoiceField(label=_("Styregruppens anbefaling"), widget=forms.RadioSelect, choices=[
        (Priority.Status.ADOPTED, _("Anbefal som årligt indsatsområde")), (Priority.Status.REJECTED, _("Anbefal ikke"))])
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

    def clean(self):
        data = super().clean()
        if "email" in data:
            data["user"] = self.user
            del data["email"]
        return data


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "title", "starts_at", "ends_at", "place"]
        labels = {"body": _("Organ")}
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
    """A follow-up meeting: its date, notes, and a status and note per obligation (cleaned as ``statuses``)."""

    held_on = forms.DateField(label=_("Dato for opfølgningsmødet"), widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(label=_("Noter"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, obligations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.obligations = list(obligations)
        for o in self.obligations:
            self.fields[f"status-{o.pk}"] = forms.ChoiceField(
                label=_("Status"), required=False, choices=[("", "–")] + list(ObligationStatus.Status.choices))
            self.fields[f"note-{o.pk}"] = forms.CharField(label=_("Note"), required=False, max_length=300)

    def clean(self):
        data = super().clean()
        statuses = {o.pk: (data.pop(f"status-{o.pk}", ""), data.pop(f"note-{o.pk}", "")) for o in self.obligations}
        data["statuses"] = statuses
        return data


def _lines(text: str) -> list[str]:
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


class AgreementVersionForm(forms.Form):
    period_start = forms.DateField(label=_("Gælder fra"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Gælder til"), widget=forms.DateInput(attrs={"type": "date"}))
    annual_grant = forms.DecimalField(label=_("Årligt tilskud (kr.)"), min_value=0, max_digits=12, decimal_places=2)
    contacts = forms.CharField(label=_("Kontaktpersoner"), widget=forms.Textarea(attrs={"rows": 3}))
    centre_obligations = forms.CharField(
        label=_("Frivilligcenter Rudersdals forpligtelser"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Én forpligtelse pr. linje."))
    municipality_obligations = forms.CharField(
        label=_("Rudersdal Kommunes forpligtelser"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Én forpligtelse pr. linje."))
    is_published = forms.BooleanField(label=_("Vis aftalen på portalen"), required=False, initial=True)

    # The rules (period in order, at least one obligation) are services.create_agreement_version's.
    def clean_centre_obligations(self):
        return _lines(self.cleaned_data["centre_obligations"])

    def clean_municipality_obligations(self):
        return _lines(self.cleaned_data["municipality_obligations"])

    @classmethod
    def initial_from(cls, agreement) -> dict:
        """A new version starts as a copy of the latest one, its period starting the day after the latest ends."""
        if agreement is None:
            return {"is_published": True}
        length = agreement.period_end - agreement.period_start
        start = agreement.period_end + timedelta(days=1)
        grant = agreement.annual_grant
        obligations = list(agreement.obligations.all())
        return {
            "period_start": start, "period_end": start + length,
            "annual_grant": int(grant) if grant == int(grant) else grant, "contacts": agreement.contacts,
            "is_published": True,
            "centre_obligations": "\n".join(o.text for o in obligations if o.party == Obligation.Party.CENTRE),
            "municipality_obligations": "\n".join(
                o.text for o in obligations if o.party == Obligation.Party.MUNICIPALITY),
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Begrundelse"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


# What a priority can be linked to: (app label, model, the kind's label, how many of the newest to offer). Read via
# the app registry: network does not import the other apps' models.
LINK_KINDS = {
    "task": ("taskbank", "Task", _("Opgaver"), 200),
    "pool": ("grants", "Pool", _("Puljer"), 100),
    "process": ("strategy", "Process", _("Strategiprocesser"), 100),
    "proposal": ("network", "Proposal", _("Netværkets forslag"), 200),
}


def _link_queryset(kind):
    app_label, model, _label, limit = LINK_KINDS[kind]
    qs = apps.get_model(app_label, model).objects.all()
    if kind == "task":
        qs = qs.exclude(status__in=["draft", "archived"])
    return qs.order_by("-pk")[:limit]


class PriorityLinkForm(forms.Form):
    """One select of the existing tasks, pools, strategy processes and proposals, grouped by kind."""

    target = forms.ChoiceField(label=_("Det arbejde, der bærer indsatsområdet"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", "–")] + [
            (label, [(f"{kind}:{obj.pk}", str(obj)) for obj in _link_queryset(kind)])
            for kind, (_a, _m, label, _n) in LINK_KINDS.items()]

    def clean_target(self):
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        app_label, model, _label, _n = LINK_KINDS[kind]
        target = apps.get_model(app_label, model).objects.filter(pk=pk).first()
        if target is None:
            raise forms.ValidationError(_("Vælg noget, der findes."))
        return target


class QuarterStatusForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2020, max_value=2100)
    quarter = forms.TypedChoiceField(label=_("Kvartal"), coerce=int, choices=PriorityUpdate.Quarter.choices)
    status = forms.ChoiceField(label=_("Status"), choices=PriorityUpdate.Status.choices)
    text = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class SelfReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Jeres status"), choices=ObligationStatus.Status.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class QuorumForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["adoption_quorum"]
        widgets = {"adoption_quorum": forms.NumberInput(attrs={"min": 1, "max": 50})}
