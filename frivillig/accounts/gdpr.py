"""Personal data: export everything the portal holds about a person, and erase (anonymise) it.

The core part (profile, e-mail addresses, roles, second factors, linked logins, e-mails sent, the access log)
lives here; each domain app registers its own export and erase through
``frivillig.core.registry.register_personal_data``. Used by /konto/mine-data/, /konto/slet/, the retention
task and ``manage.py personal_data``."""

import re

from django.contrib.admin.utils import NestedObjects
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frivillig.core.models import Document, Notification, PersonalDataAccess
from frivillig.core.registry import personal_data_handlers

from . import security_log
from .models import RoleAssignment, User

# What an account that holds nothing else consists of: removed with the account itself.
ACCOUNT_PLUMBING = {"accounts.user", "account.emailaddress", "account.emailconfirmation", "mfa.authenticator",
                    "socialaccount.socialaccount", "socialaccount.socialtoken"}


def _iso(value):
    return value.isoformat() if value else None


def _notifications(user: User):
    """The e-mails sent to the person: to their account, or to their address before they had one."""
    query = Q(recipient=user)
    if user.email:
        query |= Q(to_email__iexact=user.email)
    return Notification.objects.filter(query)


# Any e-mail address, and any Danish phone number (eight digits, grouped by spaces, with or without +45): what a person
# wrote in their own text is stripped of these whoever they belong to.
ANY_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
ANY_PHONE = r"(?<![\d+])(?:(?:\+|00)?45[ ]?)?(?:\d[ ]?){7}\d(?!\d)"

# While a person is being erased: their identifiers, gathered once before any handler clears a contact field.
_ERASING: dict[int, tuple] = {}


def _user_fk_fields(model) -> list:
    from django.contrib.auth import get_user_model

    return [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is get_user_model()]


# Contact details a person gives on a row that is theirs (model → the field naming the person, its e-mail and phone
# fields): they identify the person as much as the account's own. tests/trust/test_erasure_invariants.py fails when
# a model with a link to a user and an e-mail or phone field is in neither this table nor OTHERS_CONTACT_FIELDS.
PERSON_CONTACT_FIELDS = {"grants.grantapplication": ("applicant", ["contact_email", "contact_phone"])}
OTHERS_CONTACT_FIELDS = {
    "accounts.organisation": "the association's own address and phone, not the person who registered it",
    "accounts.organisationinvitation": "the invited address (the person's, deleted with the invitation on erasure)",
    "account.emailaddress": "the account's own addresses, read directly",
    "accounts.user": "the account itself",
    "core.notification": "the address a mail went to: found with the recipient (gdpr._notifications)",
    "engagement.nomination": "the nominee's address, given by the nominator (the nominee is somebody else)",
}


def identifiers(user: User) -> tuple[set[str], set[str], set[str]]:
    """The person's names, e-mail addresses and phone numbers (last eight digits): from the account and from the
    contact details they gave on their own rows (``PERSON_CONTACT_FIELDS``: a grant application's contact)."""
    from allauth.account.models import EmailAddress
    from django.apps import apps

    if user.pk in _ERASING:
        return _ERASING[user.pk]
    names = {(user.full_name or "").strip()} - {"", _("Slettet bruger")}
    emails = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    phones = {user.phone or ""}
    for label, (link, fields) in PERSON_CONTACT_FIELDS.items():
        model = apps.get_model(label)
        for row in model._default_manager.filter(**{link: user}).values(*fields):
            for field, value in row.items():
                (emails if isinstance(model._meta.get_field(field), models.EmailField) else phones).add(value)
    emails = {e for e in emails if e and not e.endswith("@invalid.example")}
    phones = {re.sub(r"\D", "", p)[-8:] for p in phones if len(re.sub(r"\D", "", p or "")) >= 8}
    return names, emails, phones


def _terms(user: User) -> set[str]:
    names, emails, phones = identifiers(user)
    terms = set()
    for name in names:
        terms.add(re.escape(name))
        terms |= {re.escape(part) for part in re.split(r"[\s,.-]+", name) if len(part) >= 3}
    terms |= {re.escape(e) for e in emails}
    terms |= {r"(?:(?:\+|00)?45[\s-]*)?" + r"[\s-]*".join(digits) for digits in phones}
    return terms


def redact_person(text: str, *, user: User, replacement: str = "[slettet]", own: bool = False) -> str:
    """``text`` with the person's name (whole, and each part of three letters or more, also in the genitive),
    e-mail addresses and phone numbers (from their account and every contact field that refers to them) replaced.
    With ``own`` (text the person wrote themselves), every e-mail address and phone number goes, whoever's it is.
    For apps' ``erase`` handlers: free text that the municipality keeps (a hearing response, an input, a case note)
    must not name the person. Call it before the core anonymises the user (handlers run first)."""
    if not text:
        return text
    terms = _terms(user)
    if terms:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(sorted(terms, key=len, reverse=True)) + r")s?(?!\w)",
                             re.IGNORECASE)
        text = pattern.sub(replacement, text)
    if own:
        text = re.sub(ANY_PHONE, replacement, re.sub(ANY_EMAIL, replacement, text))
    return text


def redact_rows(queryset, fields, *, user: User) -> int:
    """``redact_person`` on ``fields`` of every row of ``queryset`` (run it before the rows lose their link to the
    person). A row that refers to the person (their idea, their response) is their own text: every e-mail address
    and phone number in it goes too. Only rows whose text changes are written; returns how many."""
    links = [f.attname for f in _user_fk_fields(queryset.model)]
    written = 0
    for row in queryset.only("pk", *fields, *links).iterator():
        own = any(getattr(row, link) == user.pk for link in links)
        new = {f: redact_person(getattr(row, f), user=user, own=own) for f in fields}
        new = {f: v for f, v in new.items() if v != getattr(row, f)}
        if new:
            written += type(row)._default_manager.filter(pk=row.pk).update(**new)
    return written


def mails_by_or_about(user: User):
    """E-mails the person wrote (their address as Reply-To) or that name them in subject or text, wherever they
    were filed (under a task, an organisation, …) and to whomever they went."""
    names, emails, phones = identifiers(user)
    query = Q()
    for email in emails:
        query |= Q(**{"headers__Reply-To__iexact": email})
    terms = [re.escape(e) for e in emails] + [re.escape(n) for n in names]
    terms += [r"[\s-]*".join(digits) for digits in phones]
    if terms:
        pattern = "(" + "|".join(terms) + ")"
        query |= Q(subject__iregex=pattern) | Q(body_text__iregex=pattern) | Q(body_html__iregex=pattern)
    return Notification.objects.filter(query) if query else Notification.objects.none()


def _about(model_class, queryset):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(queryset.model)
    return model_class.objects.filter(content_type=ct, object_id__in=[str(pk) for pk in queryset.values_list("pk", flat=True)])


def notifications_about(queryset):
    """E-mails about the rows of ``queryset`` (to anybody: the person, staff): for apps' export and erase."""
    return _about(Notification, queryset)


def export_notifications_about(queryset) -> list[dict]:
    return [{"kind": n.kind, "subject": n.subject, "to": n.to_email if n.recipient_id is None else n.recipient.get_full_name(),
             "body": n.body_text, "status": n.get_status_display(), "created": _iso(n.created_at)}
            for n in notifications_about(queryset).select_related("recipient").order_by("created_at")]


def redact_about(queryset, *, user: User) -> None:
    """Strip the person from the e-mails about the rows of ``queryset`` and delete the PDFs rendered of them (files
    after commit); an app re-requests a PDF it must keep once the rows are anonymous."""
    redact_rows(notifications_about(queryset), ["subject", "body_text", "body_html"], user=user)
    for document in _about(Document, queryset):
        document.delete()  # its file goes after commit (django-cleanup)


def status_history(changes) -> list[dict]:
    """A case's status changes for an export: labels from the case's status choices, when and why."""
    rows = list(changes)
    labels = dict(rows[0].subject._meta.get_field("status").choices) if rows else {}
    return [{"from": str(labels.get(c.from_status, c.from_status)), "to": str(labels.get(c.to_status, c.to_status)),
             "at": _iso(c.created_at), "reason": c.reason} for c in rows]


def export_user_data(user: User) -> dict:
    """Everything the portal holds about ``user``, JSON-serialisable; each app's part under its own key."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    data = {
        "exported_at": timezone.now().isoformat(),
        "profile": {"name": user.full_name, "email": user.email, "phone": user.phone, "language": user.language,
                    "created": _iso(user.date_joined), "last_login": _iso(user.last_login)},
        "email_addresses": [{"email": e.email, "verified": e.verified, "primary": e.primary}
                            for e in EmailAddress.objects.filter(user=user).order_by("email")],
        "roles": [{"role": r.get_role_display(), "organisation": str(r.organisation or ""), "since": _iso(r.created_at)}
                  for r in RoleAssignment.objects.filter(user=user).select_related("organisation")],
        "second_factors": [{"type": a.type, "created": _iso(a.created_at), "last_used": _iso(a.last_used_at)}
                           for a in Authenticator.objects.filter(user=user).order_by("created_at")],
        "linked_logins": [{"provider": s.provider, "uid": s.uid, "last_login": _iso(s.last_login)}
                          for s in SocialAccount.objects.filter(user=user)],
        "emails_sent": [{"kind": n.kind, "subject": n.subject, "status": n.get_status_display(), "sent_at": _iso(n.sent_at),
                         "created": _iso(n.created_at)}
                        for n in _notifications(user).order_by("-created_at")[:1000]],
        "access_log": [{"who": a.actor.get_full_name(), "when": a.at.isoformat(), "why": a.reason}
                       for a in PersonalDataAccess.objects.filter(subject=user).select_related("actor")],
    }
    for key, handler in sorted(personal_data_handlers().items()):
        data[key] = handler.export(user)
    return data


def erase_user(user: User, *, dry_run: bool) -> list[str]:
    """Anonymise the person everywhere, in one transaction. With dry_run, change nothing and only say (in
    Danish) what would change. Cases the municipality must keep stay, without the person (the apps' handlers
    decide); the access log stays (append-only)."""
    _ERASING[user.pk] = identifiers(user)
    try:
        return _erase(user, dry_run=dry_run)
    finally:
        _ERASING.pop(user.pk, None)


def _erase(user: User, *, dry_run: bool) -> list[str]:
    with transaction.atomic():
        changes = [
            _("Dit navn, din e-mail og dit telefonnummer fjernes, og du kan ikke længere logge ind."),
            _("Dine roller, din totrinsbekræftelse og dine e-mailadresser fjernes, og du logges ud overalt."),
            _("Indholdet af de e-mails, portalen har sendt dig, slettes; e-mails, der endnu ikke er sendt, sendes ikke."),
        ]
        for _key, handler in sorted(personal_data_handlers().items()):
            if handler.erase is not None:
                changes += handler.erase(user, dry_run=dry_run)
        changes.append(_("Loggen over, hvornår medarbejdere har set dine oplysninger, bevares, som loven kræver."))
        if not dry_run:
            _erase_core(user)
            security_log.event("account_erased", user=user)
        return changes


def _erase_core(user: User) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    RoleAssignment.objects.filter(user=user).delete()
    _redact_mails_by_or_about(user)
    _redact_admin_log(user)
    notifications = _notifications(user)
    notifications.exclude(status=Notification.Status.SENT).delete()
    redact_rows(notifications, ["subject"], user=user)
    notifications.update(recipient=None, to_email=f"slettet-{user.pk}@invalid.example", body_text="", body_html="")
    for document in Document.objects.filter(kind="accounts.my_data", object_id=str(user.pk)):
        document.delete()  # its file goes after commit (django-cleanup)
    end_sessions(user)
    user.full_name = _("Slettet bruger")
    user.email = f"slettet-{user.pk}@invalid.example"
    user.phone = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()


def _redact_mails_by_or_about(user: User) -> None:
    """Mails the person wrote lose their text and Reply-To (their own words, already delivered); mails about them
    lose their name, addresses and phone."""
    _names, emails, _phones = identifiers(user)
    lowered = {e.lower() for e in emails}
    for mail in mails_by_or_about(user).exclude(recipient=user).iterator():
        headers = dict(mail.headers or {})
        if str(headers.get("Reply-To", "")).lower() in lowered:
            headers.pop("Reply-To")
            Notification.objects.filter(pk=mail.pk).update(
                headers=headers, body_text="", body_html="", subject=redact_person(mail.subject, user=user))
        else:
            Notification.objects.filter(pk=mail.pk).update(**{
                f: redact_person(getattr(mail, f), user=user) for f in ("subject", "body_text", "body_html")})


def _redact_admin_log(user: User) -> None:
    """The admin's history of changes to the person's account names them in ``object_repr``."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).update(
        object_repr=_("Slettet bruger"), change_message="")


def end_sessions(user: User) -> int:
    """Sign the user out everywhere: through the session engine, so a session kept in the cache goes too."""
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


def holds_nothing(user: User) -> bool:
    """True when deleting the user would remove nothing but the account itself (no applications, responses,
    access-log rows, …): then retention deletes the row instead of anonymising it."""
    collector = NestedObjects(using=user._state.db or "default")
    collector.collect([user])
    if collector.protected:
        return False
    return {model._meta.label_lower for model in collector.model_objs} <= ACCOUNT_PLUMBING


@transaction.atomic
def delete_or_erase(user: User) -> str:
    """Retention of an account: delete it when it holds nothing, else anonymise it. Returns "deleted" or
    "anonymised"."""
    if holds_nothing(user):
        _notifications(user).delete()
        end_sessions(user)
        security_log.event("account_deleted", user=user)
        user.delete()
        return "deleted"
    erase_user(user, dry_run=False)
    return "anonymised"
