"""Every write about organisations: the Culture department creates and edits them, associations register
themselves and are decided on, members are invited by e-mail."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.accounts import roles
from frivillig.accounts import workflow as accounts_workflow
from frivillig.accounts.models import MEMBER_ROLE_FOR_KIND, Organisation, OrganisationInvitation, Role, RoleAssignment, User
from frivillig.core import workflow as wf
from frivillig.core.notify import notify

from . import workflow

ORGANISATION_FIELDS = ["name", "kind", "area", "description", "purpose", "address", "email", "phone", "website",
                       "cvr", "contact_name", "is_active"]


@transaction.atomic
def save_organisation(*, actor: User, data: dict, organisation: Organisation | None = None) -> Organisation:
    """The Culture department creates or edits an institution, association, volunteer centre or department."""
    wf.require(workflow.manages_organisations, actor, organisation)
    organisation = organisation or Organisation(status=Organisation.Status.APPROVED)
    for field in ORGANISATION_FIELDS:
        if field in data:
            setattr(organisation, field, data[field])
    organisation.full_clean(exclude=["slug"])  # the slug is derived from the name on save
    organisation.save()
    return organisation


@transaction.atomic
def register_association(*, actor: User, name: str, cvr: str, contact_name: str, email: str, phone: str,
                         purpose: str, area: str = "", website: str = "") -> Organisation:
    """An association registers itself; it waits for approval before it can post anything."""
    wf.require(accounts_workflow.is_verified, actor)
    organisation = Organisation(
        name=name.strip(), kind=Organisation.Kind.ASSOCIATION, cvr=cvr.strip(), contact_name=contact_name.strip(),
        email=email.strip(), phone=phone.strip(), purpose=purpose.strip(), area=area, website=website.strip(),
        status=Organisation.Status.PENDING, registered_by=actor,
    )
    organisation.full_clean(exclude=["slug"])  # the slug is derived from the name on save
    organisation.save()
    notify(to=actor, template="organisations/email/association_registered", key=f"accounts.org_registered:{organisation.pk}",
           context={"organisation": organisation}, obj=organisation)
    return organisation


@transaction.atomic
def decide_association(*, actor: User, organisation: Organisation, approve: bool, reason: str = "") -> Organisation:
    """Approve or reject a registered association. Approval makes the person who registered it its
    representative. The registrant is e-mailed once per decision."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    wf.require(workflow.may_decide_association, actor, organisation)
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Skriv en begrundelse til foreningen.")})
    organisation.status = Organisation.Status.APPROVED if approve else Organisation.Status.REJECTED
    organisation.decided_by = actor
    organisation.decided_at = timezone.now()
    organisation.decision_reason = reason.strip()
    organisation.save(update_fields=["status", "decided_by", "decided_at", "decision_reason", "updated_at"])
    if approve and organisation.registered_by:
        RoleAssignment.objects.get_or_create(user=organisation.registered_by, role=Role.ASSOCIATION_REP,
                                             organisation=organisation, defaults={"granted_by": actor})
        roles.invalidate(organisation.registered_by)
    if organisation.registered_by or organisation.email:
        notify(to=organisation.registered_by or organisation.email, template="organisations/email/association_decided",
               key=f"accounts.org_decided:{organisation.pk}:{organisation.status}",
               context={"organisation": organisation}, obj=organisation)
    return organisation


@transaction.atomic
def invite_member(*, actor: User, organisation: Organisation, email: str) -> OrganisationInvitation:
    wf.require(workflow.may_invite, actor, organisation)
    email = email.strip().lower()
    invitation = OrganisationInvitation(organisation=organisation, email=email, invited_by=actor)
    invitation.full_clean()
    invitation.save()
    notify(to=email, template="organisations/email/invitation", key=f"accounts.invitation:{invitation.pk}",
           context={"invitation": invitation, "organisation": organisation, "inviter": actor}, obj=organisation)
    return invitation


def invitation_is_valid(invitation: OrganisationInvitation) -> bool:
    age = timezone.now() - invitation.created_at
    return invitation.accepted_at is None and age.days < OrganisationInvitation.VALID_DAYS


@transaction.atomic
def accept_invitation(*, actor: User, invitation: OrganisationInvitation) -> RoleAssignment:
    """The invited person (signed in, verified) accepts: they get the organisation's member role."""
    invitation = OrganisationInvitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    wf.require(accounts_workflow.is_verified, actor)
    if not invitation_is_valid(invitation):
        raise ValidationError(_("Invitationen er brugt eller udløbet. Bed om en ny."))
    role = MEMBER_ROLE_FOR_KIND[invitation.organisation.kind]
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=actor, role=role, organisation=invitation.organisation,
        defaults={"granted_by": invitation.invited_by, "area": invitation.organisation.area})
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = actor
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    roles.invalidate(actor)
    return assignment
