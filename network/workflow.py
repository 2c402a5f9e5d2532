from frivillig.accounts.roles import is_culture_admin, is_network_member, is_steering_member

from .models import Body, Membership, Priority, PriorityReview, Proposal

P = Proposal.Status
PROPOSAL_TRANSITIONS = {
    P.DRAFT: {P.DISCUSSION: lambda a, o: o.author_id == a.pk},
    P.DISCUSSION: {P.FORWARDED: lambda a, o: is_culture_admin(a), P.DECLINED: lambda a, o: is_culture_admin(a)},
    P.FORWARDED: {P.BECAME_PRIORITY: lambda a, o: is_culture_admin(a) or is_steering_member(a),
                  P.DECLINED: lambda a, o: is_culture_admin(a) or is_steering_member(a)},
    P.BECAME_PRIORITY: {},
    P.DECLINED: {},
}


def decides(actor, priority) -> bool:
    """The steering group decides; the Culture department (which chairs it) records the decision."""
    return is_culture_admin(actor) or is_steering_member(actor)


def is_steering_chair(actor) -> bool:
    return Membership.objects.filter(body__kind=Body.Kind.STEERING, user_id=getattr(actor, "pk", None),
                                     is_chair=True).exists()


def adoption_quorum() -> int:
    body = Body.objects.filter(kind=Body.Kind.STEERING).only("adoption_quorum").first()
    return body.adoption_quorum if body else 1


def supporting_reviews(priority) -> int:
    return PriorityReview.objects.filter(priority=priority, recommendation=PriorityReview.Recommendation.SUPPORT,
                                         member__body_memberships__body__kind=Body.Kind.STEERING).distinct().count()


def may_adopt(actor, priority) -> bool:
    """Adoption makes a priority public: the chair (the Culture area chief) decides, or anyone who records the
    decision once the quorum of the steering group recommends it. One member alone never adopts."""
    return decides(actor, priority) and (is_steering_chair(actor) or supporting_reviews(priority) >= adoption_quorum())


R = Priority.Status
PRIORITY_TRANSITIONS = {
    R.PROPOSED: {R.UNDER_REVIEW: decides, R.REJECTED: decides},
    R.UNDER_REVIEW: {R.RECOMMENDED: decides, R.REJECTED: decides},
    R.RECOMMENDED: {R.ADOPTED: may_adopt, R.REJECTED: decides},
    R.ADOPTED: {},
    R.REJECTED: {},
}


def is_member(actor) -> bool:
    return is_network_member(actor) or is_steering_member(actor) or is_culture_admin(actor)


# --- who sees which body --------------------------------------------------------------------------------------
# The network's members see the network; the steering group's members see the steering group (and the network,
# whose proposals they decide); the Culture department sees both.

def sees_steering_group(user) -> bool:
    return is_culture_admin(user) or is_steering_member(user)


def visible_body_kinds(user) -> set[str]:
    kinds = set()
    if sees_steering_group(user):
        kinds |= {Body.Kind.STEERING, Body.Kind.NETWORK}
    if is_network_member(user):
        kinds.add(Body.Kind.NETWORK)
    return kinds


def may_see_meeting(user, meeting) -> bool:
    return meeting is not None and meeting.body.kind in visible_body_kinds(user)


def may_see_priority(user, priority) -> bool:
    """Priorities are the steering group's business until adopted (then they are public)."""
    return sees_steering_group(user) or priority.status == Priority.Status.ADOPTED


# Issue 29 row 16 (helper "staff"): the quorum is set on the staff page, not in /admin/.
from django.utils.translation import gettext_lazy as _quorum_reason  # noqa: E402

from frivillig.core.workflow import rule as _rule  # noqa: E402


@_rule(_quorum_reason("Kun Kulturområdet fastsætter, hvor mange af styregruppen der skal anbefale."))
def may_set_quorum(actor, body=None) -> bool:
    return is_culture_admin(actor)
