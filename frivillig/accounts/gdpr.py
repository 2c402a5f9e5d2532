"""Personal data: export everything the portal holds about a person, and erase (anonymise) it.

The core part (profile, e-mail addresses, roles, e-mails sent, the access log) lives here; each domain app
registers its own export and erase through ``frivillig.core.registry.register_personal_data``."""

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core.models import Notification, PersonalDataAccess
from frivillig.core.registry import personal_data_handlers

from .models import RoleAssignment, User


def export_user_data(user: User) -> dict:
    from allauth.account.models import EmailAddress

    data = {
        "profile": {"name": user.full_name, "email": user.email, "phone": user.phone, "language": user.language,
                    "created": user.date_joined.isoformat(), "last_login": user.last_login.isoformat() if user.last_login else None},
        "email_addresses": [{"email": e.email, "verified": e.verified, "primary": e.primary}
                            for e in EmailAddress.objects.filter(user=user)],
        "roles": [{"role": r.get_role_display(), "organisation": str(r.organisation or "")}
                  for r in RoleAssignment.objects.filter(user=user).select_related("organisation")],
        "emails_sent": [{"kind": n.kind, "subject": n.subject, "sent_at": n.sent_at.isoformat() if n.sent_at else None}
                        for n in Notification.objects.filter(recipient=user).order_by("-created_at")[:500]],
        "access_log": [{"who": a.actor.get_full_name(), "when": a.at.isoformat(), "why": a.reason}
                       for a in PersonalDataAccess.objects.filter(subject=user).select_related("actor")],
    }
    for key, handler in sorted(personal_data_handlers().items()):
        data[key] = handler.export(user)
    return data


def erase_user(user: User, *, dry_run: bool) -> list[str]:
    """Anonymise the person everywhere. With dry_run, only say what would change."""
    with transaction.atomic():
        changes = [
            _("Dit navn, din e-mail og dit telefonnummer fjernes, og du kan ikke længere logge ind."),
            _("Dine roller fjernes, og du logges ud overalt."),
        ]
        for _key, handler in sorted(personal_data_handlers().items()):
            if handler.erase is not None:
                changes += handler.erase(user, dry_run=dry_run)
        changes.append(_("Loggen over, hvornår medarbejdere har set dine oplysninger, bevares, som loven kræver."))
        if not dry_run:
            from allauth.account.models import EmailAddress
            from allauth.mfa.models import Authenticator

            EmailAddress.objects.filter(user=user).delete()
            Authenticator.objects.filter(user=user).delete()
            RoleAssignment.objects.filter(user=user).delete()
            Notification.objects.filter(recipient=user).update(to_email="", body_text="", body_html="")
            for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator():
                if session.get_decoded().get("_auth_user_id") == str(user.pk):
                    session.delete()
            user.full_name = _("Slettet bruger")
            user.email = f"slettet-{user.pk}@invalid.example"
            user.phone = ""
            user.is_active = False
            user.is_staff = False
            user.is_superuser = False
            user.anonymised_at = timezone.now()
            user.set_unusable_password()
            user.save()
        return changes
