from frivillig.accounts.roles import is_culture_admin, is_network_member, is_steering_member

from .models import Priority, Proposal

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


R = Priority.Status
PRIORITY_TRANSITIONS = {
    R.PROPOSED: {R.UNDER_REVIEW: decides, R.REJECTED: decides},
    R.UNDER_REVIEW: {R.RECOMMENDED: decides, R.REJECTED: decides},
    R.RECOMMENDED: {R.ADOPTED: decides, R.REJECTED: decides},
    R.ADOPTED: {},
    R.REJECTED: {},
}


def is_member(actor) -> bool:
    return is_network_member(actor) or is_steering_member(actor) or is_culture_admin(actor)
