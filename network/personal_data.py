from django.utils.translation import gettext as _

from frivillig.accounts.gdpr import redact_rows

from .models import Membership, PriorityReview, Proposal, ProposalComment


def export(user) -> dict:
    return {
        "memberships": [{"body": m.body.name, "title": m.title} for m in Membership.objects.filter(user=user).select_related("body")],
        "proposals": [{"title": p.title, "summary": p.summary} for p in Proposal.objects.filter(author=user)],
        "comments": [c.body for c in ProposalComment.objects.filter(author=user)],
        "reviews": [{"priority": r.priority.title, "recommendation": r.recommendation, "comment": r.comment}
                    for r in PriorityReview.objects.filter(member=user).select_related("priority")],
    }


def erase(user, dry_run: bool) -> list[str]:
    changes = []
    comments = ProposalComment.objects.filter(author=user)
    proposals = Proposal.objects.filter(author=user)
    memberships = Membership.objects.filter(user=user)
    if proposals.exists() or comments.exists():
        changes.append(_("Forslag og kommentarer i netværket bevares uden dit navn."))
    if memberships.exists():
        changes.append(_("Dine medlemskaber af styregruppe og netværk ophører."))
    if not dry_run:
        redact_rows(comments, ["body"], user=user)
        redact_rows(proposals, ["title", "summary"], user=user)
        comments.update(author=None)
        proposals.update(author=None)
        memberships.delete()
    return changes
