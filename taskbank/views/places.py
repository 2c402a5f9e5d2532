"""Gathering places: the public list and page, and the Culture department's editing in the staff area."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from frivillig.core import actions
from frivillig.core.decorators import role_required

from .. import event_services, queries, workflow
from ..forms import GatheringPlaceForm

_place_staff = role_required(workflow.manages_places)


def place_list(request):
    page = Paginator(queries.public_places(), 25).get_page(request.GET.get("side"))
    return render(request, "taskbank/place_list.html", {"page": page})


def place_detail(request, pk):
    place = queries.access_public_place(pk)
    return render(request, "taskbank/place_detail.html", {"place": place, **queries.place_listing(place)})


@_place_staff
def place_staff_list(request):
    page = Paginator(queries.staff_places(), 50).get_page(request.GET.get("side"))
    return render(request, "taskbank/staff/place_list.html", {"page": page})


@_place_staff
def place_form(request, pk=None):
    place = queries.access_staff_place(request.user, pk) if pk else None
    form = GatheringPlaceForm(request.POST or None, instance=place)
    if actions.save_form(request, form, event_services.save_place, as_data=True, place=place):
        messages.success(request, _("Samlingsstedet er gemt."))
        return redirect("taskbank:staff_places")
    return render(request, "taskbank/staff/place_form.html", {"form": form, "place": place})
