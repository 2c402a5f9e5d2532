"""Writes that concern people and roles."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frivillig.core import workflow as wf

from . import roles, workflow
from .models import ROLE_ORGANISATION_KIND, Organisation, Role, RoleAssignment, User


@transaction.atomic
def grant_role(*, actor: User, user: User, role: str, organisation: Organisation | None = None,
               title: str = "", area: str = "") -> RoleAssignment:
    """The Culture department (or a superuser) grants a role. Never self-service."""
    wf.require(workflow.manages_roles, actor)
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
    wf.require(workflow.may_revoke_role, actor, assignment)
    assignment.delete()


def update_profile(*, user: User, full_name: str, phone: str, language: str) -> User:
    user.full_name = full_name.strip()
    user.phone = phone.strip()
    user.language = language
    user.full_clean()
    user.save(update_fields=["full_name", "phone", "language"])
    return user
