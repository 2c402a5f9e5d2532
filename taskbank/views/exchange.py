"""National-portal exchange: a task in Frivilligjob.dk's fields, the import of offers, the public directory of
local associations."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from frivillig.core import actions
from frivillig.core.decorators import role_required

from .. import exchange, queries, workflow
from ..forms import ImportForm
from .staff import _staff


@_staff
def frivilligjob(request, pk):
    task = queries.access_staff_task(request.user, pk, manage=False)
    return render(request, "taskbank/staff/frivilligjob.html", {
        "task": task, "fields": exchange.frivilligjob_fields(task), "text": exchange.copy_ready_text(task)})


@role_required(workflow.imports_offers)
def import_offers(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if counts := actions.save_form(request, form, exchange.import_offers):
        messages.success(request, _("%(created)s nye tilbud, %(updated)s opdateret, %(duplicates)s dubletter "
                                    "sprunget over.") % counts)
        return redirect("taskbank:staff_import_offers")
    return render(request, "taskbank/staff/import_offers.html", {"form": form})


def directory(request):
    page = Paginator(queries.directory_offers(), 50).get_page(request.GET.get("side"))
    return render(request, "taskbank/directory.html", {"page": page, "associations": queries.directory_associations()})
