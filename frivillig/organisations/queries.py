"""Reads about organisations; ``access_*`` raise 404 for missing and not-yours alike."""

from django.db.models import Case, IntegerField, Value, When
from django.http import Http404

from frivillig.accounts import roles
from frivillig.accounts.models import Organisation, OrganisationInvitation

from . import workflow


def staff_organisations(user, *, kind: str = "", status: str = ""):
    """The Culture department sees every organisation; the Volunteer Centre sees the associations. Pending
    associations come first."""
    qs = Organisation.objects.all()
    kinds = workflow.overseen_kinds(user)
    if kinds is not None:
        qs = qs.filter(kind__in=kinds)
    if kind in Organisation.Kind.values:
        qs = qs.filter(kind=kind)
    if status in Organisation.Status.values:
        qs = qs.filter(status=status)
    pending_first = Case(When(status=Organisation.Status.PENDING, then=Value(0)), default=Value(1),
                         output_field=IntegerField())
    return qs.order_by(pending_first, "name")


def access_organisation(user, pk) -> Organisation:
    """Culture department: any; Volunteer Centre: associations; others: organisations they are members of."""
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise Http404
    kinds = workflow.overseen_kinds(user)
    if kinds is None or organisation.kind in kinds:
        return organisation
    if any(org == organisation.pk for _role, org in roles._role_set(user)):
        return organisation
    raise Http404


def members(organisation):
    return organisation.role_assignments.select_related("user").order_by("user__full_name")


def open_invitations(organisation):
    return OrganisationInvitation.objects.filter(organisation=organisation, accepted_at__isnull=True)


def access_invitation(token) -> OrganisationInvitation:
    invitation = OrganisationInvitation.objects.select_related("organisation").filter(token=token).first()
    if invitation is None:
        raise Http404
    return invitation


def own_organisations(user):
    """Organisations the user is a member of (any role), for the 'my organisations' list."""
    ids = {org for _role, org in roles._role_set(user) if org is not None}
    return Organisation.objects.filter(pk__in=ids)


def registered_by(user):
    return Organisation.objects.filter(registered_by=user).order_by("-created_at")
