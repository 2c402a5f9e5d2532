from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NAV = [
    ("policy:index", _("Politik"), "/politik/"),
    ("taskbank:task_list", _("Opgaver"), "/opgaver/"),
    ("grants:pool_list", _("Puljer"), "/puljer/"),
    ("strategy:index", _("Strategi og høringer"), "/strategi/"),
    ("network:index", _("Netværk"), "/netvaerk/"),
]
# Sections that belong to a main-menu item although their URL lies elsewhere.
NAV_ALIASES = {"/ideer/": "/opgaver/", "/arrangementer/": "/opgaver/", "/hoeringer/": "/strategi/"}


def portal(request):
    from frivillig.accounts.roles import shows_staff_link

    path = request.path
    for prefix, target in NAV_ALIASES.items():
        if path.startswith(prefix):
            path = target
    nav = [{"url": reverse(name), "title": title, "active": path.startswith(prefix)} for name, title, prefix in NAV]
    user = getattr(request, "user", None)
    return {"portal_nav": nav, "portal_is_staff": bool(user and user.is_authenticated and shows_staff_link(user)), "portal_contact": contact()}


def contact() -> dict:
    """The department's contact details from settings (PORTAL_CONTACT_*), for pages and PDFs."""
    from django.conf import settings

    return {"email": settings.PORTAL_CONTACT_EMAIL, "address": settings.PORTAL_CONTACT_ADDRESS}
