from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Role, RoleAssignment, User


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Dit navn"), max_length=150,
        help_text=_("Vises for de institutioner og foreninger, du søger opgaver og tilskud hos."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    accept_privacy = forms.BooleanField(
        label=_("Jeg har læst, hvordan Rudersdal Kommune behandler mine oplysninger (privatlivserklæringen)."),
        required=True,
        error_messages={"required": _("Du skal acceptere privatlivserklæringen for at oprette en bruger.")},
    )

    field_order = ["full_name", "email", "password1", "password2", "accept_privacy"]

    def try_save(self, request):
        """An address that already has an account gets a mail instead of a second account (allauth). Hash the
        password anyway, so that the answer takes as long as creating an account: the time must not tell whether
        an address is registered (the hash is the slow part)."""
        if self.account_already_exists:
            from django.contrib.auth.hashers import make_password

            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        user = super().save(request)
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "language"]
        help_texts = {
            "phone": _("Valgfrit. Bruges kun af de institutioner, hvis opgaver du bliver optaget på."),
        }


class RoleGrantForm(forms.Form):
    email = forms.EmailField(label=_("Brugerens e-mail"),
                             help_text=_("Brugeren skal have oprettet sig på portalen først."))
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.filter(is_active=True), required=False,
        help_text=_("Skal udfyldes for institutionsmedarbejdere (institution) og foreningsrepræsentanter (forening)."),
    )
    title = forms.CharField(label=_("Titel"), max_length=120, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        try:
            self.user = User.objects.get(email__iexact=email)
        except User.DoesNotExist:
            raise forms.ValidationError(_("Der findes ingen bruger med denne e-mail.")) from None
        return email

    def clean(self):
        """What the service takes: the user the e-mail belongs to, the role, the organisation and the title."""
        data = super().clean()
        if self.errors:
            return data
        return {"user": self.user, "role": data["role"], "organisation": data.get("organisation"),
                "title": data.get("title", "")}


__all__ = ["SignupForm", "ProfileForm", "RoleGrantForm", "RoleAssignment"]
