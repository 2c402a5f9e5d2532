from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from frivillig.core import actions
from frivillig.core.decorators import role_required

from . import queries, services, workflow
from .forms import ProfileForm, RoleGrantForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(user=request.user, **{k: form.cleaned_data[k] for k in ("full_name", "phone", "language")})
        messages.success(request, _("Dine oplysninger er gemt."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "roles": request.user.roles.select_related("organisation")})


_role_managers = role_required(workflow.manages_roles)


@_role_managers
def role_list(request):
    form = RoleGrantForm(request.POST or None)
    if assignment := actions.save_form(request, form, services.grant_role):
        messages.success(request, _("Rollen er tildelt %(user)s.") % {"user": assignment.user})
        return redirect("accounts:role_list")
    page = Paginator(queries.role_assignments(), 50).get_page(request.GET.get("side"))
    return render(request, "accounts/role_list.html", {"form": form, "page": page})


role_revoke = _role_managers(actions.action_view(
    access=queries.access_role_assignment, service=services.revoke_role, name="assignment",
    success=_("Rollen er fjernet."), back=lambda assignment: reverse("accounts:role_list")))
