from django import forms
from django.utils.translation import gettext_lazy as _

from .models import VocabularyEntry
from .text import words


class VocabularyEntryForm(forms.ModelForm):
    class Meta:
        model = VocabularyEntry
        fields = ["kind", "term", "words"]
        widgets = {"kind": forms.RadioSelect, "words": forms.Textarea(attrs={"rows": 2})}

    def clean_term(self):
        term = " ".join(self.cleaned_data["term"].split())
        if not words(term):
            raise forms.ValidationError(_("Skriv et ord."))
        return term

    def clean_words(self):
        entries = [" ".join(w.split()) for w in self.cleaned_data["words"].split(",") if words(w)]
        if not entries:
            raise forms.ValidationError(_("Skriv mindst ét ord, adskilt af komma."))
        return ", ".join(dict.fromkeys(entries))
