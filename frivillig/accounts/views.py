from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import roles, services
from .forms import ProfileForm, RoleGrantForm
from .models import RoleAssignment


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(user=request.user, **{k: form.cleaned_data[k] for k in ("full_name", "phone", "language")})
        messages.success(request, _("Dine oplysninger er gemt."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "roles": request.user.roles.select_related("organisation")})


def _require_culture_admin(user):
    if not roles.is_culture_admin(user):
        raise PermissionDenied


@login_required
def role_list(request):
    _require_culture_admin(request.user)
    form = RoleGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_role(actor=request.user, user=form.user, role=form.cleaned_data["role"],
                                organisation=form.cleaned_data["organisation"], title=form.cleaned_data["title"])
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Rollen er tildelt %(user)s.") % {"user": form.user})
            return redirect("accounts:role_list")
    assignments = RoleAssignment.objects.select_related("user", "organisation", "granted_by").order_by("role", "user__full_name")
    page = Paginator(assignments, 50).get_page(request.GET.get("side"))
    return render(request, "accounts/role_list.html", {"form": form, "page": page})


@login_required
@require_POST
def role_revoke(request, pk):
    _require_culture_admin(request.user)
    assignment = get_object_or_404(RoleAssignment, pk=pk)
    try:
        services.revoke_role(actor=request.user, assignment=assignment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Rollen er fjernet."))
    return redirect("accounts:role_list")
