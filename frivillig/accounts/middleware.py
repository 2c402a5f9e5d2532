from django.conf import settings
from django.contrib import messages
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from . import roles

# What a privileged person without a second factor may still open: setting the factor up, signing out, and pages
# that show everyone the same (nothing on them depends on a role). Everything else, present or future, is closed
# until the factor exists: the rule is by role and deny-by-default, not by URL prefix.
SECOND_FACTOR_SETUP = {"account_logout", "account_reauthenticate", "mfa_index", "mfa_reauthenticate",
                       "mfa_activate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes",
                       "mfa_download_recovery_codes"}
PUBLIC_PAGES = {
    "home", "healthz", "liveness", "accessibility", "privacy", "set_language", "javascript-catalog",
    "policy:index", "policy:theme", "policy:white_paper", "policy:guide", "policy:guide_article", "policy:toolbox",
    "policy:toolbox_item", "policy:search",
    "taskbank:task_list", "taskbank:task_detail", "taskbank:task_detail_short", "taskbank:event_list",
    "taskbank:event_detail",
    "grants:pool_list", "grants:pool_detail",
    "strategy:index", "strategy:hearings",
    "network:index", "network:priorities", "network:volunteer_centre",
}
OPEN_WITHOUT_SECOND_FACTOR = SECOND_FACTOR_SETUP | PUBLIC_PAGES


def is_privileged(user) -> bool:
    """Roles whose account opens other people's data or decides for the municipality: the Culture department, the
    steering group, and anyone the admin lets in (staff and superusers)."""
    return bool(user.is_staff or user.is_superuser or roles.is_culture_admin(user) or roles.is_steering_member(user))


def has_second_factor(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


class RequireMFAForPrivilegedRoles:
    """With MFA_REQUIRED_FOR_PRIVILEGED_ROLES on (production), a signed-in privileged person (``is_privileged``)
    who has no TOTP authenticator is sent to set one up from every URL except OPEN_WITHOUT_SECOND_FACTOR. Others
    may choose a second factor under "Min konto". The admin signs in through allauth's login (frivillig/urls.py),
    so the second factor and the login rate limits apply there too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (getattr(settings, "MFA_REQUIRED_FOR_PRIVILEGED_ROLES", False) and user is not None
                and user.is_authenticated and is_privileged(user)
                and view_name(request.path_info) not in OPEN_WITHOUT_SECOND_FACTOR
                and not has_second_factor(user)):
            messages.warning(request, _("Din rolle kræver totrinsbekræftelse. Opsæt den, før du fortsætter."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def get_user(request):
    """``django.contrib.auth.get_user`` with the person read from the cache (frivillig/core/sessions.py:
    ``cached_user``) instead of a query. The session is verified against the user's password hash exactly as Django
    does, so a password change ends the other sessions."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model, load_backend
    from django.contrib.auth.models import AnonymousUser
    from django.utils.crypto import constant_time_compare

    from frivillig.core.sessions import cached_user

    user = None
    try:
        user_id = get_user_model()._meta.pk.to_python(request.session[SESSION_KEY])  # as Django's get_user
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            user = cached_user(request.session, load_backend(backend_path), backend_path, user_id)
            if hasattr(user, "get_session_auth_hash"):
                session_hash = request.session.get(HASH_SESSION_KEY)
                if not session_hash:
                    verified = False
                else:
                    session_auth_hash = user.get_session_auth_hash()
                    verified = constant_time_compare(session_hash, session_auth_hash)
                if not verified:
                    if session_hash and any(constant_time_compare(session_hash, fallback)
                                            for fallback in user.get_session_auth_fallback_hash()):
                        request.session.cycle_key()
                        request.session[HASH_SESSION_KEY] = session_auth_hash
                    else:
                        request.session.flush()
                        user = None
    return user or AnonymousUser()


class CachedUserAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware, with ``get_user`` above: a signed-in request costs no user query."""

    def process_request(self, request):
        super().process_request(request)

        def lazy_user():
            if not hasattr(request, "_cached_user"):
                request._cached_user = get_user(request)
            return request._cached_user

        request.user = SimpleLazyObject(lazy_user)
