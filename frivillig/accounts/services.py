"""Writes that concern people and roles."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core.notify import notify

from . import roles
from .models import (
    MEMBER_ROLE_FOR_KIND,
    ROLE_ORGANISATION_KIND,
    Organisation,
    OrganisationInvitation,
    Role,
    RoleAssignment,
    User,
)


@transaction.atomic
def grant_role(*, actor: User, user: User, role: str, organisation: Organisation | None = None,
               title: str = "", area: str = "") -> RoleAssignment:
    """The Culture department (or a superuser) grants a role. Never self-service."""
    if not roles.is_culture_admin(actor):
        raise PermissionDenied(_("Kun Kulturområdet kan tildele roller."))
    needed_kind = ROLE_ORGANISATION_KIND.get(role)
    if needed_kind and (organisation is None or organisation.kind != needed_kind):
        raise ValidationError({"organisation": _("Rollen “%(role)s” kræver en organisation af typen “%(kind)s”.") % {
            "role": Role(role).label, "kind": Organisation.Kind(needed_kind).label}})
    if not needed_kind and role not in (Role.NETWORK_MEMBER, Role.STEERING_MEMBER):
        organisation = None
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user, role=role, organisation=organisation,
        defaults={"granted_by": actor, "title": title, "area": area or (organisation.area if organisation else "")},
    )
    roles.invalidate(user)
    return assignment


@transaction.atomic
def revoke_role(*, actor: User, assignment: RoleAssignment) -> None:
    if not roles.is_culture_admin(actor):
        raise PermissionDenied(_("Kun Kulturområdet kan fjerne roller."))
    if assignment.user_id == actor.pk and assignment.role == Role.CULTURE_ADMIN:
        raise ValidationError(_("Du kan ikke fjerne din egen rolle i Kulturområdet."))
    assignment.delete()


def update_profile(*, user: User, full_name: str, phone: str, language: str) -> User:
    user.full_name = full_name.strip()
    user.phone = phone.strip()
    user.language = language
    user.full_clean()
    user.save(update_fields=["full_name", "phone", "language"])
    return user


# --- organisations ------------------------------------------------------------------------------------

ORGANISATION_FIELDS = ["name", "kind", "area", "description", "purpose", "address", "email", "phone", "website",
                       "cvr", "contact_name", "is_active"]


def may_decide_association(actor, organisation: Organisation) -> bool:
    """The Culture department, or the Volunteer Centre for associations."""
    return roles.is_culture_admin(actor) or (organisation.kind == Organisation.Kind.ASSOCIATION
                                             and roles.is_volunteer_centre(actor))


def may_invite(actor, organisation: Organisation) -> bool:
    """The Culture department, or a member of an approved organisation that members can be invited to."""
    if organisation.kind not in MEMBER_ROLE_FOR_KIND or not organisation.is_approved:
        return False
    if roles.is_culture_admin(actor):
        return True
    return organisation.pk in roles.organisation_ids(actor, MEMBER_ROLE_FOR_KIND[organisation.kind])


@transaction.atomic
def save_organisation(*, actor: User, data: dict, organisation: Organisation | None = None) -> Organisation:
    """The Culture department creates or edits an institution, association, volunteer centre or department."""
    if not roles.is_culture_admin(actor):
        raise PermissionDenied(_("Kun Kulturområdet kan oprette og redigere organisationer."))
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
    if not roles.is_verified(actor):
        raise PermissionDenied(_("Bekræft din e-mailadresse, før du tilmelder en forening."))
    organisation = Organisation(
        name=name.strip(), kind=Organisation.Kind.ASSOCIATION, cvr=cvr.strip(), contact_name=contact_name.strip(),
        email=email.strip(), phone=phone.strip(), purpose=purpose.strip(), area=area, website=website.strip(),
        status=Organisation.Status.PENDING, registered_by=actor,
    )
    organisation.full_clean(exclude=["slug"])  # the slug is derived from the name on save
    organisation.save()
    notify(to=actor, template="accounts/email/association_registered", key=f"accounts.org_registered:{organisation.pk}",
           context={"organisation": organisation}, obj=organisation)
    return organisation


@transaction.atomic
def decide_association(*, actor: User, organisation: Organisation, approve: bool, reason: str = "") -> Organisation:
    """Approve or reject a registered association. Approval makes the person who registered it its
    representative. The registrant is e-mailed once per decision."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not may_decide_association(actor, organisation):
        raise PermissionDenied(_("Du kan ikke godkende denne organisation."))
    if organisation.status != Organisation.Status.PENDING:
        raise ValidationError(_("Foreningen er allerede %(status)s.") % {
            "status": organisation.get_status_display().lower()})
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
        notify(to=organisation.registered_by or organisation.email, template="accounts/email/association_decided",
               key=f"accounts.org_decided:{organisation.pk}:{organisation.status}",
               context={"organisation": organisation}, obj=organisation)
    return organisation


@transaction.atomic
def invite_member(*, actor: User, organisation: Organisation, email: str) -> OrganisationInvitation:
    if not may_invite(actor, organisation):
        raise PermissionDenied(_("Du kan ikke invitere medlemmer til denne organisation."))
    email = email.strip().lower()
    invitation = OrganisationInvitation(organisation=organisation, email=email, invited_by=actor)
    invitation.full_clean()
    invitation.save()
    notify(to=email, template="accounts/email/invitation", key=f"accounts.invitation:{invitation.pk}",
           context={"invitation": invitation, "organisation": organisation, "inviter": actor}, obj=organisation)
    return invitation


def invitation_is_valid(invitation: OrganisationInvitation) -> bool:
    age = timezone.now() - invitation.created_at
    return invitation.accepted_at is None and age.days < OrganisationInvitation.VALID_DAYS


@transaction.atomic
def accept_invitation(*, actor: User, invitation: OrganisationInvitation) -> RoleAssignment:
    """The invited person (signed in, verified) accepts: they get the organisation's member role."""
    invitation = OrganisationInvitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    if not roles.is_verified(actor):
        raise PermissionDenied(_("Bekræft din e-mailadresse, før du accepterer invitationen."))
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
