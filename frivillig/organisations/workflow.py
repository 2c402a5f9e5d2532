"""Who may do what with organisations: named checks answering (allowed, reason). Services call
``require(check, actor, obj)``; templates ask ``{% may "organisations.<name>" obj %}``."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts import roles
from frivillig.accounts.models import MEMBER_ROLE_FOR_KIND, Organisation
from frivillig.core.workflow import Verdict, rule


def represented_ids(actor) -> set[int]:
    """The one definition of "represents the organisation": the person's membership of an association the Culture
    department or the Volunteer Centre has approved. A pending or rejected registration represents nothing. (As a
    set, for the choices of a form; ``represents`` is the check.)"""
    return roles.approved_association_ids(actor)


@rule(_("Du kan kun handle på vegne af en godkendt forening, du repræsenterer."))
def represents(actor, organisation=None) -> bool:
    return organisation is not None and organisation.pk in represented_ids(actor)


def overseen_kinds(actor) -> set | None:
    """The kinds of organisation the person oversees (None: all): the Culture department every organisation, the
    Volunteer Centre the associations. Behind the list, the detail page and who decides on a registration."""
    if roles.is_culture_admin(actor):
        return None
    return {Organisation.Kind.ASSOCIATION} if roles.is_volunteer_centre(actor) else set()


@rule(_("Kun Kulturområdet kan oprette og redigere organisationer."))
def manages_organisations(actor, organisation=None) -> bool:
    return roles.is_culture_admin(actor)


@rule(_("Kun Kulturområdet og Frivilligcentret ser listen over organisationer."))
def sees_organisation_list(actor, obj=None) -> bool:
    return overseen_kinds(actor) != set()


@rule(_("Du kan ikke godkende denne organisation."))
def may_decide_association(actor, organisation):
    """A pending registration, decided by the Culture department, or by the Volunteer Centre for associations."""
    kinds = overseen_kinds(actor)
    if not (kinds is None or organisation.kind in kinds):
        return False
    if organisation.status != Organisation.Status.PENDING:
        return Verdict(False, _("Foreningen er allerede %(status)s.") % {
            "status": organisation.get_status_display().lower()})
    return True


@rule(_("Du kan ikke invitere medlemmer til denne organisation."))
def may_invite(actor, organisation) -> bool:
    """The Culture department, or a member of an approved organisation that members can be invited to."""
    if organisation.kind not in MEMBER_ROLE_FOR_KIND or not organisation.is_approved:
        return False
    if roles.is_culture_admin(actor):
        return True
    return organisation.pk in roles.organisation_ids(actor, MEMBER_ROLE_FOR_KIND[organisation.kind])
