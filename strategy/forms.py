from django import forms
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation
from frivillig.core.files import clean_upload

from .models import Hearing, Indicator, Input, Meeting, Phase, PhaseTemplate, ProcessTemplate, Theme

DT = {"type": "datetime-local"}


class InputForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Tema"), queryset=Theme.objects.none())
    kind = forms.ChoiceField(label=_("Hvad vil du give"), choices=Input.Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Dit input"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = process.themes.all()


class RecordInputForm(InputForm):
    author_label = forms.CharField(label=_("Afsender"), max_length=200,
                                   help_text=_("Fx “Deltagere på dialogmødet med foreningerne”."))
    meeting = forms.ModelChoiceField(label=_("Møde"), queryset=Meeting.objects.none(), required=False)

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, process=process, **kwargs)
        self.fields["meeting"].queryset = process.meetings.all()


class ResponseForm(forms.Form):
    text = forms.CharField(label=_("Dit høringssvar"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))
    organisation = forms.ModelChoiceField(label=_("Svar på vegne af"), queryset=Organisation.objects.none(),
                                          required=False, empty_label=_("Mig selv"))
    publish_with_name = forms.BooleanField(label=_("Mit svar må offentliggøres med navn"), required=False,
                                           help_text=_("Uden kryds offentliggøres svaret som “Anonym”."))
    attachment = forms.FileField(label=_("Bilag"), required=False, help_text=_("PDF eller kontordokument, højst 10 MB."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from frivillig.accounts.roles import association_ids

        ids = association_ids(user) if user.is_authenticated else set()
        if ids:
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=ids)
        else:
            del self.fields["organisation"]

    def clean_attachment(self):
        return clean_upload(self.cleaned_data.get("attachment"))

    def clean(self):
        data = super().clean()
        attachment = data.pop("attachment", None)
        data["files"] = [attachment] if attachment else []
        data.setdefault("organisation", None)
        return data


class NewProcessForm(forms.Form):
    template = forms.ModelChoiceField(label=_("Skabelon"), queryset=ProcessTemplate.objects.all())
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(label=_("Beskrivelse"), widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))


class PhaseForm(forms.ModelForm):
    class Meta:
        model = Phase
        fields = ["name", "description", "starts_on", "ends_on", "status"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "description": forms.Textarea(attrs={"rows": 2})}


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "title", "audience", "starts_at", "ends_at", "place", "capacity"]
        widgets = {"starts_at": forms.DateTimeInput(attrs=DT), "ends_at": forms.DateTimeInput(attrs=DT)}


class HearingForm(forms.ModelForm):
    document = forms.FileField(label=_("Dokument i høring"), required=False)
    document_title = forms.CharField(label=_("Dokumentets titel"), max_length=200, required=False)

    class Meta:
        model = Hearing
        fields = ["title", "description", "process", "draft_version", "opens_at", "closes_at"]
        labels = {"process": _("Strategiproces")}
        widgets = {"opens_at": forms.DateTimeInput(attrs=DT), "closes_at": forms.DateTimeInput(attrs=DT)}

    def clean_document(self):
        return clean_upload(self.cleaned_data.get("document"))


class AdoptionForm(forms.Form):
    committee_on = forms.DateField(label=_("Vedtaget i Kultur- og Fritidsudvalget"), widget=forms.DateInput(attrs={"type": "date"}))
    council_on = forms.DateField(label=_("Vedtaget i kommunalbestyrelsen"), widget=forms.DateInput(attrs={"type": "date"}))
    decision = forms.CharField(label=_("Beslutning"), widget=forms.Textarea(attrs={"rows": 3}))


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "description", "unit", "target", "source_key"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from frivillig.core.registry import indicator_sources

        self.fields["source_key"] = forms.ChoiceField(
            label=_("Datakilde"), required=False,
            choices=[("", _("Manuel indtastning"))] + [(k, s.label) for k, s in sorted(indicator_sources().items())])


class IndicatorValueForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indikator"), queryset=Indicator.objects.filter(source_key=""))
    month = forms.DateField(label=_("Måned (første dag)"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Værdi"), max_digits=14, decimal_places=2)

    def clean_month(self):
        return self.cleaned_data["month"].replace(day=1)


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Referat"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Begrundelse for at skjule"), required=False, max_length=2000)


class DraftVersionForm(forms.Form):
    """A new version of the process's draft: its sections (heading, text and the input that caused the change,
    repeated fields ``heading``, ``body``, ``cause`` in the order shown); cleaned as ``note``, ``sections``. Any
    section may cite any published input of the process."""

    note = forms.CharField(label=_("Hvad er ændret"), required=False, max_length=2000)

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process

    def _list(self, name, limit):
        return [v[:limit] for v in self.data.getlist(name)] if hasattr(self.data, "getlist") else []

    def clean(self):
        data = super().clean()
        headings, bodies, causes = self._list("heading", 200), self._list("body", 20000), self._list("cause", 20)
        causes += [""] * (len(headings) - len(causes))
        citable = {str(i.pk): i for i in self.process.inputs.filter(status=Input.Status.PUBLISHED)}
        sections = []
        for heading, body, cause in zip(headings, bodies, causes, strict=False):
            if not (heading.strip() and body.strip()):
                continue
            if cause and cause not in citable:
                raise forms.ValidationError(_("Kun offentliggjort input kan angives som grund til en ændring."))
            sections.append({"heading": heading.strip(), "body": body.strip(), "caused_by_input": citable.get(cause)})
        if not sections:
            raise forms.ValidationError(_("Et udkast skal have mindst ét afsnit med overskrift og tekst."))
        return {"note": data.get("note", ""), "sections": sections}


class TemplateForm(forms.ModelForm):
    class Meta:
        model = ProcessTemplate
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class PhaseTemplateForm(forms.ModelForm):
    class Meta:
        model = PhaseTemplate
        fields = ["name", "description", "weeks"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class RemarkForm(forms.Form):
    remark = forms.CharField(label=_("Bemærkning"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 2}))
    themes = forms.ModelMultipleChoiceField(label=_("Temaer"), queryset=Theme.objects.none(), required=False)

    def __init__(self, *args, hearing, **kwargs):
        super().__init__(*args, **kwargs)
        if hearing.process_id:
            self.fields["themes"].queryset = hearing.process.themes.all()


class MemoForm(forms.Form):
    changes_made = forms.CharField(label=_("Ændringer på baggrund af høringen"), required=False, max_length=20000,
                                   widget=forms.Textarea(attrs={"rows": 4}))


class PartyForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Høringspart"), queryset=Organisation.objects.filter(is_active=True)
                                          .exclude(kind="institution"))


class CompareForm(forms.Form):
    """Which two versions of a draft to compare (``?a=1&b=3``); anything unknown falls back to the latest two."""

    a = forms.IntegerField(required=False, min_value=1, max_value=10_000)
    b = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = list(versions)

    def pair(self):
        data = self.cleaned_data if self.is_valid() else {}
        by_number = {v.number: v for v in self.versions}
        b = by_number.get(data.get("b") or self.versions[-1].number, self.versions[-1])
        a = by_number.get(data.get("a") or max(b.number - 1, 1), self.versions[0])
        return a, b
