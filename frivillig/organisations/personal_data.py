"""What organisation registrations and invitations hold about a person (GDPR export and erasure)."""

from django.utils.translation import gettext as _

from frivillig.accounts.models import Organisation, OrganisationInvitation


def export(user) -> dict:
    return {
        "registered_associations": [
            {"name": o.name, "status": o.get_status_display(), "contact_name": o.contact_name,
             "registered": o.created_at.isoformat()}
            for o in Organisation.objects.filter(registered_by=user)],
        "invitations": [
            {"organisation": i.organisation.name, "email": i.email, "sent": i.created_at.isoformat(),
             "accepted": i.accepted_at.isoformat() if i.accepted_at else None}
            for i in OrganisationInvitation.objects.filter(email__iexact=user.email).select_related("organisation")],
    }


def erase(user, dry_run: bool) -> list[str]:
    """The association stays (it is the association's data); the person's link and name on it go. Invitations
    to the person's address are deleted."""
    registered = Organisation.objects.filter(registered_by=user)
    invitations = OrganisationInvitation.objects.filter(email__iexact=user.email)
    changes = []
    if registered.exists():
        changes.append(_("%(n)s forening(er), du har tilmeldt, bevares uden dit navn.") % {"n": registered.count()})
    if invitations.exists():
        changes.append(_("%(n)s invitation(er) til din e-mailadresse slettes.") % {"n": invitations.count()})
    if not dry_run:
        registered.filter(contact_name__iexact=user.full_name).exclude(contact_name="").update(contact_name="")
        registered.update(registered_by=None)
        invitations.delete()
    return changes
