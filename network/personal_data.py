from django.utils.translation import gettext as _

from frivillig.accounts.gdpr import redact_rows, status_history

from .models import Membership, PriorityReview, Proposal, ProposalComment, ProposalStatusChange


def export(user) -> dict:
    return {
        "memberships": [{"body": m.body.name, "title": m.title} for m in Membership.objects.filter(user=user).select_related("body")],
        "proposals": [{"title": p.title, "summary": p.summary, "status": p.get_status_display(),
                       "status_history": status_history(p.status_changes.all())}
                      for p in Proposal.objects.filter(author=user).prefetch_related("status_changes")],
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
        redact_rows(ProposalStatusChange.objects.filter(subject__in=proposals), ["reason"], user=user)
        comments.update(author=None)
        proposals.update(author=None)
        memberships.delete()
    return changes
