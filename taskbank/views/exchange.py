"""National-portal exchange: a task in Frivilligjob.dk's fields, the import of offers, the public directory of
local associations."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frivillig.accounts.roles import is_culture_admin, is_volunteer_centre
from frivillig.core.decorators import role_required

from .. import exchange, queries
from .staff import _staff


class ImportForm(forms.Form):
    source = forms.CharField(label=gettext_lazy("Kilde"), max_length=100,
                             help_text=gettext_lazy("Fx “Socialkompas” eller “Frivilligcentrets liste”."))
    file = forms.FileField(label=gettext_lazy("Fil (CSV eller JSON)"),
                           help_text=gettext_lazy("Kolonner: forening, titel, beskrivelse, by, hjemmeside, id."))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith((".csv", ".json")) or f.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Vælg en CSV- eller JSON-fil på højst 2 MB."))
        return f


@_staff
def frivilligjob(request, pk):
    task = queries.access_staff_task(request.user, pk, manage=False)
    return render(request, "taskbank/staff/frivilligjob.html", {
        "task": task, "fields": exchange.frivilligjob_fields(task), "text": exchange.copy_ready_text(task)})


@role_required(lambda u: is_culture_admin(u) or is_volunteer_centre(u))
def import_offers(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = exchange.parse_offers(upload.read(), upload.name)
            counts = exchange.import_offers(actor=request.user, rows=rows, source=form.cleaned_data["source"])
        except (ValidationError, PermissionDenied, UnicodeDecodeError) as exc:
            form.add_error("file", getattr(exc, "messages", None) or _("Filen kunne ikke læses."))
        else:
            messages.success(request, _("%(created)s nye tilbud, %(updated)s opdateret, %(duplicates)s dubletter "
                                        "sprunget over.") % counts)
            return redirect("taskbank:staff_import_offers")
    return render(request, "taskbank/staff/import_offers.html", {"form": form})


def directory(request):
    page = Paginator(queries.directory_offers(), 50).get_page(request.GET.get("side"))
    return render(request, "taskbank/directory.html", {"page": page, "associations": queries.directory_associations()})
