"""Organisations without Django admin: the Culture department creates and edits them, associations register
themselves and are approved, members are invited by e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frivillig.accounts.models import Organisation
from frivillig.core import actions, ratelimit
from frivillig.core.audit import log_access
from frivillig.core.decorators import role_required

from . import queries, services, workflow
from .forms import AssociationDecisionForm, AssociationRegistrationForm, InvitationForm, OrganisationForm


@role_required(workflow.sees_organisation_list)
def org_list(request):
    kind, status = request.GET.get("type", ""), request.GET.get("status", "")
    page = Paginator(queries.staff_organisations(request.user, kind=kind, status=status), 50).get_page(
        request.GET.get("side"))
    return render(request, "organisations/org_list.html", {
        "page": page, "kinds": Organisation.Kind.choices, "statuses": Organisation.Status.choices,
        "kind": kind, "status": status})


@role_required(workflow.manages_organisations)
def org_form(request, pk=None):
    organisation = queries.access_organisation(request.user, pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if saved := actions.save_form(request, form, services.save_organisation, as_data=True, organisation=organisation):
        messages.success(request, _("Organisationen er gemt."))
        return redirect(saved.get_staff_url())
    return render(request, "organisations/org_form.html", {"form": form, "organisation": organisation})


@login_required
def org_detail(request, pk):
    organisation = queries.access_organisation(request.user, pk)
    members = queries.members(organisation)
    log_access(actor=request.user, subjects=[m.user for m in members], reason=_("Medlemmer af en organisation"),
               request=request)
    return render(request, "organisations/org_detail.html", {
        "organisation": organisation, "members": members, "invitations": queries.open_invitations(organisation),
        "decision_form": AssociationDecisionForm(), "invitation_form": InvitationForm()})


org_decide = login_required(actions.action_view(
    access=queries.access_organisation, form=AssociationDecisionForm, service=services.decide_association,
    name="organisation", success=_("Afgørelsen er gemt, og foreningen har fået besked.")))


@login_required
@require_POST
def org_invite(request, pk):
    organisation = queries.access_organisation(request.user, pk)
    if ratelimit.exceeded(request, "accounts.invite", per_user="30/h", per_ip="60/h"):
        messages.error(request, ratelimit.MESSAGE)
    elif invitation := actions.perform(request, InvitationForm(request.POST), services.invite_member,
                                       organisation=organisation):
        messages.success(request, _("Invitationen er sendt til %(email)s.") % {"email": invitation.email})
    return redirect(organisation.get_staff_url())


@login_required
def register_association(request):
    form = AssociationRegistrationForm(request.POST or None, initial={"contact_name": request.user.full_name,
                                                                     "email": request.user.email})
    if request.method == "POST" and form.is_valid() and ratelimit.exceeded(
            request, "accounts.register_association", per_user="5/d", per_ip="20/d"):
        messages.error(request, ratelimit.MESSAGE)
    elif actions.save_form(request, form, services.register_association):
        messages.success(request, _("Tak. Foreningen er tilmeldt og venter på godkendelse. Du får besked på e-mail."))
        return redirect("accounts:my_organisations")
    return render(request, "organisations/association_register.html", {"form": form})


@login_required
def my_organisations(request):
    return render(request, "organisations/my_organisations.html", {
        "organisations": queries.own_organisations(request.user),
        "registered": queries.registered_by(request.user)})


@login_required
def invitation(request, token):
    invitation = queries.access_invitation(token)
    valid = services.invitation_is_valid(invitation)
    if request.method == "POST" and valid and actions.perform(request, None, services.accept_invitation,
                                                              invitation=invitation):
        messages.success(request, _("Du er nu medlem af %(org)s.") % {"org": invitation.organisation})
        return redirect("accounts:my_organisations")
    return render(request, "organisations/invitation.html", {"invitation": invitation, "valid": valid})
