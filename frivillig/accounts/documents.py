"""The readable PDF of /konto/mine-data/: the same data as the JSON export, laid out as headed sections of
label–value lists, in Danish, so that a person without technical help can read what the portal holds."""

import re

from django.utils.translation import gettext_lazy as _

from frivillig.core import formatting, pdf

SECTIONS = {
    "profile": _("Dine oplysninger"), "email_addresses": _("E-mailadresser"), "roles": _("Roller"),
    "second_factors": _("Totrinsbekræftelse"), "linked_logins": _("Login gennem kommunens medarbejderlogin"),
    "emails_sent": _("E-mails sendt til dig"), "access_log": _("Hvem har set dine oplysninger"),
    "taskbank": _("Opgavebanken"), "grants": _("Puljer og tilskud"), "strategy": _("Strategi og høringer"),
    "network": _("Netværk og styregruppe"), "policy": _("Frivillighedspolitikken"),
}
LABELS = {
    "name": _("Navn"), "email": _("E-mail"), "phone": _("Telefon"), "language": _("Sprog"), "created": _("Oprettet"),
    "last_login": _("Sidste login"), "verified": _("Bekræftet"), "primary": _("Primær"), "role": _("Rolle"),
    "organisation": _("Organisation"), "type": _("Type"), "last_used": _("Sidst brugt"), "provider": _("Udbyder"),
    "uid": _("Bruger-id"), "kind": _("Type"), "subject": _("Emne"), "status": _("Status"), "sent_at": _("Sendt"),
    "who": _("Hvem"), "when": _("Hvornår"), "why": _("Hvorfor"), "title": _("Titel"), "description": _("Beskrivelse"),
    "applications": _("Ansøgninger"), "ideas": _("Idéer"), "message": _("Besked"), "text": _("Tekst"),
    "pool": _("Pulje"), "amount_requested": _("Ansøgt beløb"), "approved_amount": _("Bevilget beløb"),
    "contact_name": _("Kontaktperson"), "contact_email": _("Kontaktens e-mail"), "contact_phone": _("Kontaktens telefon"),
    "budget": _("Budget"), "amount": _("Beløb"), "messages": _("Beskeder"), "report": _("Afrapportering"),
    "memberships": _("Medlemskaber"), "proposals": _("Forslag"), "comments": _("Kommentarer"),
    "reviews": _("Vurderinger"), "inputs": _("Input til strategier"), "supports": _("Støtte til input"),
    "meeting_signups": _("Tilmeldinger til møder"), "hearing_responses": _("Høringssvar"),
    "event_signups": _("Tilmeldinger til arrangementer"), "saved_searches": _("Gemte søgninger"),
    "task": _("Opgave"), "hearing": _("Høring"), "meeting": _("Møde"), "area": _("Område"),
    "created_at": _("Oprettet"), "updated_at": _("Opdateret"), "submitted_at": _("Indsendt"),
}
CORE_KEYS = ("profile", "email_addresses", "roles", "second_factors", "linked_logins", "emails_sent", "access_log")
ISO_TIME = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)")


def label(key: str) -> str:
    return str(LABELS.get(key) or key.replace("_", " ").capitalize())


def node(value) -> dict:
    """A tree the template renders recursively: text, fields (label, node) or items (a list of nodes)."""
    if isinstance(value, dict):
        return {"kind": "fields", "fields": [(label(k), node(v)) for k, v in value.items()]} if value else \
            {"kind": "none"}
    if isinstance(value, list | tuple):
        return {"kind": "items", "items": [node(v) for v in value]} if value else {"kind": "none"}
    if value is None or value == "":
        return {"kind": "text", "text": "–"}
    if isinstance(value, bool):
        return {"kind": "text", "text": str(_("Ja") if value else _("Nej"))}
    text = str(value)
    return {"kind": "text", "text": formatting.when(text) if ISO_TIME.match(text) else text}


def sections(data: dict) -> list[dict]:
    keys = [k for k in CORE_KEYS if k in data] + sorted(k for k in data if k not in CORE_KEYS and k != "exported_at")
    return [{"title": str(SECTIONS.get(k) or label(k)), "body": node(data[k])} for k in keys]


def only_the_person(user, document) -> bool:
    return getattr(user, "pk", None) is not None and str(user.pk) == document.object_id


@pdf.renderer("accounts.my_data", can_view=only_the_person, filename=lambda user: "mine-data.pdf")
def my_data_pdf(user):
    from . import gdpr

    data = gdpr.export_user_data(user)
    return pdf.Rendered(template="accounts/pdf/my_data.html",
                        context={"data": data, "person": user, "sections": sections(data),
                                 "exported_at": node(data["exported_at"])["text"]},
                        filename="mine-data.pdf")
