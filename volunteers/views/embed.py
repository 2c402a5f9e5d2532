"""Tasks where people already are: a filtered list that an allowed site shows in a frame, and the Culture
department's page that keeps the allow-list and makes the snippet."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_exempt

from frivillig.core import actions

from .. import queries, services
from ..forms import EmbedFilterForm, EmbedSiteForm


@xframe_options_exempt
def embedded_tasks(request):
    """Shown only in a frame of a site on the allow-list: the browser enforces frame-ancestors."""
    form = EmbedFilterForm(request.GET or None)
    response = render(request, "volunteers/embed.html", {"tasks": queries.embed_tasks(form.params())})
    origins = queries.embed_origins()
    response._csp_replace = {"frame-ancestors": origins or ["'none'"]}  # django-csp reads it (csp_replace)
    return response


@login_required
def embed_sites(request):
    sites = queries.staff_embed_sites(request.user)
    form = EmbedSiteForm(request.POST or None)
    if actions.save_form(request, form, services.add_embed_site):
        messages.success(request, _("Siden må nu vise opgaverne."))
        return redirect("volunteers:staff_embeds")
    filters = EmbedFilterForm(request.GET or None)
    address = settings.PORTAL_BASE_URL.rstrip("/") + reverse("volunteers:embed")
    if params := filters.params():
        address += "?" + urlencode(params)
    return render(request, "volunteers/staff/embeds.html", {"sites": sites, "form": form, "filters": filters,
                                                             "address": address})


def _back(site):
    return reverse("volunteers:staff_embeds")


remove_embed_site = login_required(actions.action_view(
    access=queries.access_embed_site, service=services.remove_embed_site, name="site", back=_back,
    success=gettext_lazy("Siden må ikke længere vise opgaverne.")))
