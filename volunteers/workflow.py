"""Who may do what with volunteers' profiles, invitations and campaigns: named checks (frivillig/core/workflow.py)
that services require and templates ask with {% may "volunteers.<name>" obj %}."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import is_culture_admin, task_poster_ids
from frivillig.core.workflow import rule

from .models import Invitation


@rule(_("Det er kun dig, der kan ændre din frivilligprofil."))
def is_owner(actor, profile=None) -> bool:
    return profile is not None and getattr(actor, "pk", None) is not None and profile.user_id == actor.pk


@rule(_("Kun medarbejdere på kommunens institutioner og repræsentanter for godkendte foreninger kan finde "
        "frivillige."))
def may_find_volunteers(actor, obj=None) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and task_poster_ids(actor))


@rule(_("Den frivillige kan ikke findes: vedkommende har ikke sagt ja til det eller har trukket sit ja tilbage."))
def may_see_profile(actor, profile=None) -> bool:
    if profile is None:
        return False
    return bool(is_owner(actor, profile)) or (bool(may_find_volunteers(actor)) and profile.is_findable())


@rule(_("Du kan kun invitere til en offentliggjort opgave hos din egen institution eller forening."))
def may_invite_to(actor, task=None) -> bool:
    return task is not None and task.institution_id in task_poster_ids(actor) and task.status == "published"


@rule(_("Invitationen er til en anden."))
def is_invitee(actor, invitation=None) -> bool:
    return invitation is not None and getattr(actor, "pk", None) == invitation.volunteer_id


@rule(_("Invitationen er allerede besvaret."))
def may_answer(actor, invitation=None) -> bool:
    return bool(is_invitee(actor, invitation)) and invitation.status == Invitation.Status.SENT


@rule(_("Kun Kulturområdet redigerer kampagner."))
def is_campaign_editor(actor, campaign=None) -> bool:
    return bool(is_culture_admin(actor))


I = Invitation.Status  # noqa: E741
INVITATION_TRANSITIONS = {
    I.SENT: {I.ACCEPTED: is_invitee, I.DECLINED: is_invitee},
    I.ACCEPTED: {},
    I.DECLINED: {},
}


@rule(_("Kun Kulturområdet bestemmer, hvilke sider der må vise opgaverne."))
def is_embed_keeper(actor, site=None) -> bool:
    return bool(is_culture_admin(actor))
