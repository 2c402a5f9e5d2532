"""Organisations without Django admin: the Culture department creates and edits them, associations register
themselves and are approved, members are invited by e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from frivillig.core import ratelimit
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required

from . import queries, roles, services
from .forms import AssociationDecisionForm, AssociationRegistrationForm, InvitationForm, OrganisationForm
from .models import Organisation


def _form_errors(form, exc):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@role_required(lambda u: roles.is_culture_admin(u) or roles.is_volunteer_centre(u))
def org_list(request):
    kind, status = request.GET.get("type", ""), request.GET.get("status", "")
    page = Paginator(queries.staff_organisations(request.user, kind=kind, status=status), 50).get_page(
        request.GET.get("side"))
    return render(request, "accounts/org_list.html", {
        "page": page, "kinds": Organisation.Kind.choices, "statuses": Organisation.Status.choices,
        "kind": kind, "status": status, "can_create": roles.is_culture_admin(request.user)})


@role_required(roles.is_culture_admin)
def org_form(request, pk=None):
    organisation = queries.access_organisation(request.user, pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.save_organisation(actor=request.user, data=form.cleaned_data,
                                                      organisation=organisation)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Organisationen er gemt."))
            return redirect(organisation.get_staff_url())
    return render(request, "accounts/org_form.html", {"form": form, "organisation": organisation})


@login_required
def org_detail(request, pk):
    organisation = queries.access_organisation(request.user, pk)
    members = queries.members(organisation)
    log_access(actor=request.user, subjects=[m.user for m in members], reason=gettext_noop("Medlemmer af en organisation"),
               request=request)
    return render(request, "accounts/org_detail.html", {
        "organisation": organisation, "members": members, "invitations": queries.open_invitations(organisation),
        "can_edit": roles.is_culture_admin(request.user),
        "can_decide": organisation.status == Organisation.Status.PENDING
        and services.may_decide_association(request.user, organisation),
        "can_invite": services.may_invite(request.user, organisation),
        "decision_form": AssociationDecisionForm(), "invitation_form": InvitationForm()})


@login_required
@require_POST
def org_decide(request, pk):
    organisation = queries.access_organisation(request.user, pk)
    form = AssociationDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide_association(actor=request.user, organisation=organisation,
                                        approve=form.cleaned_data["decision"] == "approve",
                                        reason=form.cleaned_data["reason"])
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Afgørelsen er gemt, og foreningen har fået besked."))
    else:
        messages.error(request, _("Vælg, om foreningen skal godkendes eller afvises."))
    return redirect(organisation.get_staff_url())


@login_required
@require_POST
def org_invite(request, pk):
    organisation = queries.access_organisation(request.user, pk)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en gyldig e-mailadresse."))
    elif ratelimit.exceeded(request, "accounts.invite", per_user="30/h", per_ip="60/h"):
        messages.error(request, ratelimit.MESSAGE)
    else:
        try:
            services.invite_member(actor=request.user, organisation=organisation, email=form.cleaned_data["email"])
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Invitationen er sendt til %(email)s.") % {"email": form.cleaned_data["email"]})
    return redirect(organisation.get_staff_url())


@login_required
def register_association(request):
    form = AssociationRegistrationForm(request.POST or None, initial={"contact_name": request.user.full_name,
                                                                     "email": request.user.email})
    verified = roles.is_verified(request.user)
    if request.method == "POST" and form.is_valid():
        if ratelimit.exceeded(request, "accounts.register_association", per_user="5/d", per_ip="20/d"):
            messages.error(request, ratelimit.MESSAGE)
        else:
            try:
                services.register_association(actor=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as exc:
                _form_errors(form, exc)
            else:
                messages.success(request, _("Tak. Foreningen er tilmeldt og venter på godkendelse. Du får besked på "
                                            "e-mail."))
                return redirect("accounts:my_organisations")
    return render(request, "accounts/association_register.html", {"form": form, "verified": verified})


@login_required
def my_organisations(request):
    return render(request, "accounts/my_organisations.html", {
        "organisations": queries.own_organisations(request.user),
        "registered": queries.registered_by(request.user)})


@login_required
def invitation(request, token):
    invitation = queries.access_invitation(token)
    valid = services.invitation_is_valid(invitation)
    if request.method == "POST" and valid:
        try:
            services.accept_invitation(actor=request.user, invitation=invitation)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Du er nu medlem af %(org)s.") % {"org": invitation.organisation})
            return redirect("accounts:my_organisations")
    return render(request, "accounts/invitation.html", {"invitation": invitation, "valid": valid,
                                                         "verified": roles.is_verified(request.user)})
