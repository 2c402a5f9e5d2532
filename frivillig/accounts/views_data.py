"""/konto/mine-data/ (export) and /konto/slet/ (deletion with a dry run)."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frivillig.core import pdf, ratelimit

from . import gdpr


@login_required
def my_data(request):
    if request.GET.get("format") == "json":
        body = json.dumps(gdpr.export_user_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
        return response
    if request.method == "POST":
        # Each request renders a new PDF (a new version): limited, since rendering is the expensive part.
        if ratelimit.exceeded(request, "accounts.my_data_pdf", per_user="10/h"):
            messages.error(request, ratelimit.MESSAGE)
            return redirect("accounts:my_data")
        document = pdf.request("accounts.my_data", obj=request.user, version=str(timezone.now().timestamp()))
        return redirect(document)
    return render(request, "accounts/my_data.html", {"data": gdpr.export_user_data(request.user)})


class DeleteForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Din adgangskode"),
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                               help_text=gettext_lazy("Skriv din adgangskode for at bekræfte, at du vil slette din bruger."))


@login_required
def delete_account(request):
    """A dry run first; the password confirms. Someone who signs in only through the municipality's staff login
    (no password here) is deleted by the Culture department (manage.py personal_data erase)."""
    user = request.user
    form = DeleteForm(request.POST or None) if user.has_usable_password() else None
    if form is not None and request.method == "POST" and form.is_valid():
        # The password check is rate limited: a borrowed session must not become a way to guess it.
        if ratelimit.exceeded(request, "accounts.delete", per_user="5/h", per_ip="20/h"):
            form.add_error("password", ratelimit.MESSAGE)
        elif not user.check_password(form.cleaned_data["password"]):
            form.add_error("password", _("Adgangskoden er forkert."))
        else:
            gdpr.erase_user(user, dry_run=False)
            logout(request)
            messages.success(request, _("Din bruger er slettet, og dine oplysninger er anonymiseret."))
            return redirect("home")
    return render(request, "accounts/delete.html", {"form": form, "changes": gdpr.erase_user(user, dry_run=True)})
