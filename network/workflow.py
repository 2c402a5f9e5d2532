"""Who may do what in the steering group and the network: every who-may rule is a named check here answering
(allowed, reason), and the state machines are tables of the same checks. Services call ``require(check, actor,
obj)``; views and templates ask ``{% may "network.<name>" obj %}``."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import is_culture_admin, is_network_member, is_steering_member, is_volunteer_centre
from frivillig.core.workflow import Verdict, rule

from .models import Body, Membership, Priority, PriorityReview, Proposal

# --- who is who ----------------------------------------------------------------------------------------------


@rule(_("Kun Kulturområdet kan gøre dette."))
def runs_network(actor, obj=None) -> bool:
    """The Culture department runs the bodies: members, meetings, minutes, the agreement, priority follow-up."""
    return is_culture_admin(actor)


@rule(_("Kun medlemmer af netværket kan stille forslag og kommentere."))
def is_member(actor, obj=None) -> bool:
    return bool(is_network_member(actor) or is_steering_member(actor) or is_culture_admin(actor))


@rule(_("Kun Kulturområdet og styregruppen har adgang."))
def sees_steering_group(actor, obj=None) -> bool:
    """The network's members see the network; the steering group's members see the steering group (and the network,
    whose proposals they decide); the Culture department sees both."""
    return bool(is_culture_admin(actor) or is_steering_member(actor))


@rule(_("Kun styregruppen og Kulturområdet tager stilling."))
def decides(actor, obj=None) -> bool:
    """The steering group decides; the Culture department (which chairs it) records the decision."""
    return bool(is_culture_admin(actor) or is_steering_member(actor))


@rule(_("Kun styregruppens medlemmer giver anbefalinger."))
def is_steering(actor, obj=None) -> bool:
    return is_steering_member(actor)


@rule(_("Kun Frivilligcentret og Kulturområdet ser aftalen her."))
def sees_centre_agreement(actor, obj=None) -> bool:
    return bool(is_volunteer_centre(actor) or is_culture_admin(actor))


@rule(_("Kun Frivilligcentret kan registrere sin egen status."))
def reports_for_centre(actor, obligation=None) -> bool:
    return is_volunteer_centre(actor)


def visible_body_kinds(user) -> set[str]:
    kinds = set()
    if sees_steering_group(user):
        kinds |= {Body.Kind.STEERING, Body.Kind.NETWORK}
    if is_network_member(user):
        kinds.add(Body.Kind.NETWORK)
    return kinds


@rule(_("Du er ikke medlem af dette organ."))
def may_see_meeting(actor, meeting) -> bool:
    return meeting is not None and meeting.body.kind in visible_body_kinds(actor)


@rule(_("Indsatsområdet er ikke offentliggjort."))
def may_see_priority(actor, priority) -> bool:
    """Priorities are the steering group's business until adopted (then they are public)."""
    return sees_steering_group(actor) or priority.status == Priority.Status.ADOPTED


# --- proposals -----------------------------------------------------------------------------------------------

@rule(_("Kun forslagsstilleren kan sende sit forslag til drøftelse."))
def is_author(actor, proposal) -> bool:
    return getattr(actor, "pk", None) is not None and proposal.author_id == actor.pk


@rule(_("Forslaget er ikke til drøftelse."))
def may_forward(actor, proposal):
    return runs_network(actor) and (proposal.status == Proposal.Status.DISCUSSION or Verdict(False, ""))


@rule(_("Forslaget er ikke sendt til styregruppen."))
def may_make_priority(actor, proposal):
    return decides(actor) and (proposal.status == Proposal.Status.FORWARDED or Verdict(False, ""))


P = Proposal.Status
PROPOSAL_TRANSITIONS = {
    P.DRAFT: {P.DISCUSSION: is_author},
    P.DISCUSSION: {P.FORWARDED: runs_network, P.DECLINED: runs_network},
    P.FORWARDED: {P.BECAME_PRIORITY: decides, P.DECLINED: decides},
    P.BECAME_PRIORITY: {},
    P.DECLINED: {},
}

# --- annual priorities ---------------------------------------------------------------------------------------


def is_steering_chair(actor) -> bool:
    return Membership.objects.filter(body__kind=Body.Kind.STEERING, user_id=getattr(actor, "pk", None),
                                     is_chair=True).exists()


def adoption_quorum() -> int:
    body = Body.objects.filter(kind=Body.Kind.STEERING).only("adoption_quorum").first()
    return body.adoption_quorum if body else 1


def supporting_reviews(priority) -> int:
    return PriorityReview.objects.filter(priority=priority, recommendation=PriorityReview.Recommendation.SUPPORT,
                                         member__body_memberships__body__kind=Body.Kind.STEERING).distinct().count()


@rule(_("Et indsatsområde anbefales af styregruppens formand eller af styregruppens flertal."))
def may_adopt(actor, priority):
    """Adoption makes a priority public: the chair (the Culture area chief) decides, or anyone who records the
    decision once the quorum of the steering group recommends it. One member alone never adopts."""
    if not decides(actor):
        return False
    if is_steering_chair(actor) or supporting_reviews(priority) >= adoption_quorum():
        return True
    return Verdict(False, _("Et indsatsområde anbefales af styregruppens formand, eller når %(n)s af styregruppens "
                            "medlemmer anbefaler det (nu %(support)s).")
                   % {"n": adoption_quorum(), "support": supporting_reviews(priority)})


@rule(_("Indsatsområdet er ikke til behandling."))
def may_review(actor, priority):
    return is_steering(actor) and (priority.status in (Priority.Status.PROPOSED, Priority.Status.UNDER_REVIEW)
                                   or Verdict(False, ""))


@rule(_("Indsatsområdet venter ikke på styregruppens afklaring."))
def may_decide_priority(actor, priority):
    return decides(actor) and (priority.status in (Priority.Status.UNDER_REVIEW, Priority.Status.RECOMMENDED)
                               or Verdict(False, ""))


@rule(_("Kun et indsatsområde, som styregruppen har anbefalet, får en status pr. kvartal."))
def is_carried_out(actor, priority) -> bool:
    """An adopted priority: its quarterly status and the work that carries it out are shown."""
    return priority.status == Priority.Status.ADOPTED


@rule(_("Kun Kulturområdet følger op på et vedtaget indsatsområde."))
def follows_up(actor, priority):
    return runs_network(actor) and is_carried_out(actor, priority)


R = Priority.Status
PRIORITY_TRANSITIONS = {
    R.PROPOSED: {R.UNDER_REVIEW: decides, R.REJECTED: decides},
    R.UNDER_REVIEW: {R.RECOMMENDED: decides, R.REJECTED: decides},
    R.RECOMMENDED: {R.ADOPTED: may_adopt, R.REJECTED: decides},
    R.ADOPTED: {},
    R.REJECTED: {},
}


@rule(_("Kun Kulturområdet fastsætter, hvor mange af styregruppen der skal anbefale."))
def may_set_quorum(actor, body=None) -> bool:
    return is_culture_admin(actor)
