"""Forms for organisations: the Culture department's organisation form, an association's registration, the
decision on a registration and an invitation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation


class OrganisationForm(forms.ModelForm):
    """The Culture department's form for any organisation."""

    website = forms.URLField(label=_("Hjemmeside"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "area", "description", "purpose", "address", "email", "phone", "website", "cvr",
                  "contact_name", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "purpose": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"cvr": _("Valgfrit. 8 cifre."),
                      "area": _("Skal udfyldes for kommunale institutioner.")}


class AssociationRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Foreningens navn"), max_length=200)
    cvr = forms.CharField(label=_("CVR-nummer"), max_length=12, required=False,
                          help_text=_("Valgfrit. 8 cifre, uden mellemrum."))
    purpose = forms.CharField(label=_("Foreningens formål"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Kort om, hvad foreningen laver, og hvem I er til for."))
    contact_name = forms.CharField(label=_("Kontaktperson"), max_length=150)
    email = forms.EmailField(label=_("Foreningens e-mail"))
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    website = forms.URLField(label=_("Hjemmeside"), required=False, assume_scheme="https")

    def clean_cvr(self):
        from frivillig.accounts.validators import validate_cvr

        value = "".join(self.cleaned_data["cvr"].split())
        validate_cvr(value)
        return value


class AssociationDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Afgørelse"), widget=forms.RadioSelect, choices=[
        ("approve", _("Godkend foreningen")), ("reject", _("Afvis foreningen"))])
    reason = forms.CharField(label=_("Begrundelse"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Skal udfyldes ved afvisning. Sendes til foreningen."))

    def clean(self):
        """What the service takes: approve (yes/no) and the reason."""
        data = super().clean()
        return {"approve": data.get("decision") == "approve", "reason": data.get("reason", "")}


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail på den, du vil invitere"))
