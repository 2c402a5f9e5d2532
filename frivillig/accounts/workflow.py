"""Who may do what with people and roles: named checks answering (allowed, reason). Services call
``require(check, actor, obj)``; templates ask ``{% may "accounts.<name>" obj %}``."""

from django.utils.translation import gettext_lazy as _

from frivillig.core.workflow import Verdict, rule

from . import roles
from .models import Role


@rule(_("Bekræft din e-mailadresse først. Vi har sendt dig en e-mail med et link."))
def is_verified(actor, obj=None) -> bool:
    """The one definition of "verified": signed in with a confirmed e-mail address. Needed to apply, suggest,
    ask, register an association, accept an invitation or respond."""
    return roles.is_verified(actor)


@rule(_("Kun Kulturområdet kan tildele og fjerne roller."))
def manages_roles(actor, obj=None) -> bool:
    """Staff roles are granted by the Culture department (or a superuser), never by self-registration."""
    return roles.is_culture_admin(actor)


@rule(_("Kun Kulturområdet kan fjerne roller."))
def may_revoke_role(actor, assignment=None):
    if not roles.is_culture_admin(actor):
        return False
    if assignment is not None and assignment.user_id == actor.pk and assignment.role == Role.CULTURE_ADMIN:
        return Verdict(False, _("Du kan ikke fjerne din egen rolle i Kulturområdet."))
    return True
