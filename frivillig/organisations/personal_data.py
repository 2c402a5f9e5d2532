"""What organisation registrations and invitations hold about a person (GDPR export and erasure)."""

import re

from django.utils.translation import ngettext

from frivillig.accounts.gdpr import identifiers, redact_rows
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
        n = registered.count()
        changes.append(ngettext("%(n)s forening, du har tilmeldt, bevares uden dit navn.",
                                "%(n)s foreninger, du har tilmeldt, bevares uden dit navn.", n) % {"n": n})
    if invitations.exists():
        n = invitations.count()
        changes.append(ngettext("%(n)s invitation til din e-mailadresse slettes.",
                                "%(n)s invitationer til din e-mailadresse slettes.", n) % {"n": n})
    if not dry_run:
        registered.filter(contact_name__iexact=user.full_name).exclude(contact_name="").update(contact_name="")
        _names, emails, phones = identifiers(user)
        registered.filter(email__in=emails).update(email="")
        for organisation in registered.exclude(phone=""):
            if re.sub(r"\D", "", organisation.phone)[-8:] in phones:
                Organisation.objects.filter(pk=organisation.pk).update(phone="")
        redact_rows(registered, ["purpose", "description"], user=user)
        registered.update(registered_by=None)
        invitations.delete()
    return changes
