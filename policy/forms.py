from django import forms
from django.utils.translation import gettext_lazy as _

from frivillig.core.files import clean_upload

from .models import Audience, GuideArticle, Theme, ToolboxAttachment, ToolboxItem, Value, WhitePaperSection


class ValueForm(forms.ModelForm):
    class Meta:
        model = Value
        fields = ["title", "explanation", "order"]
        help_texts = {"title": _("Værdiens ordlyd, som vedtaget i frivillighedspolitikken.")}


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["title", "summary", "frame", "conditions", "order"]


class WhitePaperSectionForm(forms.ModelForm):
    class Meta:
        model = WhitePaperSection
        fields = ["title", "body", "order"]


class GuideArticleForm(forms.ModelForm):
    class Meta:
        model = GuideArticle
        fields = ["title", "summary", "body", "order"]


class ToolboxItemForm(forms.ModelForm):
    audiences = forms.MultipleChoiceField(label=_("Målgrupper"), choices=Audience.choices,
                                          widget=forms.CheckboxSelectMultiple,
                                          error_messages={"required": _("Vælg mindst én målgruppe.")})

    class Meta:
        model = ToolboxItem
        fields = ["title", "category", "audiences", "summary", "body", "last_revised", "order"]
        widgets = {"last_revised": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"last_revised": _("Datoen, hvor indholdet sidst er gennemgået.")}


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = ToolboxAttachment
        fields = ["title", "file"]
        help_texts = {"file": _("PDF, billede eller kontordokument, højst 10 MB.")}

    def clean_file(self):
        return clean_upload(self.cleaned_data.get("file"))


FORMS = {
    Value: ValueForm,
    Theme: ThemeForm,
    WhitePaperSection: WhitePaperSectionForm,
    GuideArticle: GuideArticleForm,
    ToolboxItem: ToolboxItemForm,
}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Søg i politik, guide og værktøjskasse"), max_length=200, required=False)
