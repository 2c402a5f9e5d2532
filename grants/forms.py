from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation
from frivillig.core import formatting
from frivillig.core.files import clean_upload

from .models import BudgetLine, GrantApplication, Pool, Report, Round, Status

DATE = {"type": "date"}


class ContactForm(forms.ModelForm):
    class Meta:
        model = GrantApplication
        fields = ["on_behalf_of", "contact_name", "contact_email", "contact_phone"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from frivillig.accounts.roles import association_ids

        ids = association_ids(user)
        self.fields["on_behalf_of"].queryset = Organisation.objects.filter(pk__in=ids)
        self.fields["on_behalf_of"].empty_label = _("Jeg søger som privatperson")
        self.fields["on_behalf_of"].help_text = _("Søger du for en forening, du repræsenterer, så vælg den her.")
        for f in ("contact_name", "contact_email"):
            self.fields[f].required = True


class ProjectForm(forms.ModelForm):
    class Meta:
        model = GrantApplication
        fields = ["title", "description", "purpose", "target_group", "expected_participants", "place",
                  "starts_on", "ends_on"]
        widgets = {"starts_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
                   "ends_on": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
                   "description": forms.Textarea(attrs={"rows": 5}), "purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in ("title", "description", "purpose", "target_group", "place", "starts_on", "ends_on"):
            self.fields[f].required = True

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Slutdatoen kan ikke ligge før startdatoen."))
        return data


class PartnershipForm(forms.ModelForm):
    class Meta:
        model = GrantApplication
        fields = ["partner_institution", "partnership_description"]
        widgets = {"partnership_description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_institution"].queryset = Organisation.objects.filter(kind="institution", is_active=True)
        self.fields["partner_institution"].empty_label = _("Intet samarbejde med en institution")


class BudgetLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=BudgetLine.Kind.choices, initial=BudgetLine.Kind.EXPENSE)
    description = forms.CharField(label=_("Post"), max_length=200)
    amount = forms.DecimalField(label=_("Beløb (kr.)"), min_value=1, max_digits=12, decimal_places=2)


BudgetFormSet = formset_factory(BudgetLineForm, extra=3, min_num=1, validate_min=True, can_delete=True)
# A saved draft (or a step change) may leave the budget empty: nothing typed is refused for being incomplete.
DraftBudgetFormSet = formset_factory(BudgetLineForm, extra=3, can_delete=True)


class AmountForm(forms.ModelForm):
    attachment_title = forms.CharField(label=_("Bilagets titel"), max_length=200, required=False)
    attachment = forms.FileField(label=_("Bilag"), required=False,
                                 help_text=_("PDF, billede (PNG/JPEG) eller kontordokument (DOCX, XLSX, ODT), højst 10 MB."))

    class Meta:
        model = GrantApplication
        fields = ["amount_requested"]

    def __init__(self, *args, pool: Pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = pool
        self.fields["amount_requested"].required = True
        self.fields["amount_requested"].help_text = _("Højst %(max)s kr.") % {"max": formatting.amount(pool.max_amount)}

    def clean_amount_requested(self):
        value = self.cleaned_data["amount_requested"]
        if value is not None and value > self.pool.max_amount:
            raise forms.ValidationError(_("Du kan højst søge %(max)s kr. fra denne pulje.")
                                        % {"max": formatting.amount(self.pool.max_amount)})
        return value

    def clean_attachment(self):
        return clean_upload(self.cleaned_data.get("attachment"))

    def clean(self):
        data = super().clean()
        if data.get("attachment") and not data.get("attachment_title"):
            self.add_error("attachment_title", _("Giv bilaget en titel."))
        return data


class ConsentForm(forms.ModelForm):
    class Meta:
        model = GrantApplication
        fields = ["consent"]
        labels = {"consent": _("Jeg giver samtykke til, at Rudersdal Kommune behandler oplysningerne i ansøgningen "
                               "for at afgøre den, og at projektets titel og beløb offentliggøres, hvis der bevilges tilskud.")}

    def clean_consent(self):
        if not self.cleaned_data["consent"] and self.fields["consent"].required:  # a saved draft may lack it
            raise forms.ValidationError(_("Du skal give samtykke for at sende ansøgningen."))
        return True


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Dit svar"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["what_happened", "participants", "money_spent", "receipts"]
        widgets = {"what_happened": forms.Textarea(attrs={"rows": 5})}

    def clean_receipts(self):
        return clean_upload(self.cleaned_data.get("receipts"))


# --- staff ----------------------------------------------------------------------------------------

class PoolForm(forms.ModelForm):
    class Meta:
        model = Pool
        fields = ["name", "slug", "purpose", "who_may_apply", "area", "max_amount", "yearly_budget",
                  "report_days_after_end", "is_continuous", "is_active"]


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = ["name", "opens_at", "closes_at"]
        widgets = {"opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                   "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Nyt kriterium"), max_length=200)


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Intern note"), widget=forms.Textarea(attrs={"rows": 3}))


class InfoRequestForm(forms.Form):
    question = forms.CharField(label=_("Hvad mangler I at vide?"), widget=forms.Textarea(attrs={"rows": 3}))


class RecommendForm(forms.Form):
    amount = forms.DecimalField(label=_("Indstillet beløb (kr.)"), min_value=0, max_digits=12, decimal_places=2)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Afgørelse"), choices=[
        (Status.APPROVED, _("Bevilg (hele eller en del af beløbet)")), (Status.REJECTED, _("Afslå"))],
        widget=forms.RadioSelect)
    amount = forms.DecimalField(label=_("Bevilget beløb (kr.)"), required=False, min_value=1, max_digits=12,
                                decimal_places=2)
    conditions = forms.CharField(label=_("Vilkår"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("Begrundelse"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PayoutForm(forms.Form):
    amount = forms.DecimalField(label=_("Udbetalt beløb (kr.)"), min_value=1, max_digits=12, decimal_places=2)
    paid_on = forms.DateField(label=_("Udbetalt den"), initial=timezone.localdate, widget=forms.DateInput(attrs=DATE))


class ScoreForm(forms.Form):
    """One 1–5 score (and an optional comment) per criterion of the pool; cleaned as ``scores``."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"score-{c.pk}"] = forms.TypedChoiceField(
                label=c.name, required=False, coerce=int, empty_value=None,
                choices=[("", "–")] + [(v, str(v)) for v in range(1, 6)])
            self.fields[f"comment-{c.pk}"] = forms.CharField(label=_("Kommentar"), required=False, max_length=2000)

    def clean(self):
        data = super().clean()
        return {"scores": [(c, data[f"score-{c.pk}"], data.get(f"comment-{c.pk}", ""))
                           for c in self.criteria if data.get(f"score-{c.pk}") is not None]}


class BatchForm(forms.Form):
    """A committee meeting's decisions: per case an outcome (or none), an amount and a reason; cleaned as
    ``decisions``."""

    OUTCOMES = [("", _("Ikke nu")), (Status.APPROVED, _("Bevilg")), (Status.REJECTED, _("Afslå"))]

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.applications = list(applications)
        for a in self.applications:
            self.fields[f"outcome-{a.pk}"] = forms.ChoiceField(label=_("Afgørelse"), required=False, choices=self.OUTCOMES)
            self.fields[f"amount-{a.pk}"] = forms.DecimalField(label=_("Beløb (kr.)"), required=False, min_value=0,
                                                               max_digits=12, decimal_places=2)
            self.fields[f"reason-{a.pk}"] = forms.CharField(label=_("Begrundelse"), required=False, max_length=5000)

    def clean(self):
        data = super().clean()
        return {"decisions": [{"application": a, "outcome": data[f"outcome-{a.pk}"], "amount": data.get(f"amount-{a.pk}"),
                               "reason": data.get(f"reason-{a.pk}") or ""}
                              for a in self.applications if data.get(f"outcome-{a.pk}")]}


class OverviewForm(forms.Form):
    """The year of the yearly overview (``?aar=2026``); anything else falls back to this year."""

    aar = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100, required=False)

    def year(self) -> int:
        if self.is_valid() and self.cleaned_data.get("aar"):
            return self.cleaned_data["aar"]
        return timezone.localdate().year
