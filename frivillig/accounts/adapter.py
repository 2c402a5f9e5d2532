from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal.ratelimit import get_ip
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from frivillig.core.models import Notification


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """allauth counts failed logins per IP and per e-mail address. A limit per address alone lets anyone who
        knows an address lock its owner out (from one IP, ten attempts a minute exhaust any per-account budget).
        The per-account count is therefore kept per client IP and account: failures from one place never block
        the owner signing in from another. (The same key is cleared after a successful password reset.)"""
        return f"{get_ip(request)}:{super()._get_login_attempts_cache_key(request, **credentials)}"

    def pre_authenticate(self, request, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            from . import security_log

            login = credentials.get("email") or credentials.get("username") or ""
            security_log.event("login_rate_limited", request=request, login=security_log.login_hash(login))
            raise

    def send_mail(self, template_prefix, email, context):
        """Send allauth's e-mails (verification, password reset) through the portal's notification log
        and Celery, like every other e-mail."""
        from frivillig.core.tasks import send_notification

        # allauth's own wording names the Site row ("Hej fra !" while it is empty); the portal's templates in
        # templates/account/email/ name Frivillig Rudersdal and link to the portal's address instead.
        context = {**context, "portal_url": settings.PORTAL_BASE_URL,
                   "current_site": SimpleNamespace(name="Frivillig Rudersdal",
                                                   domain=urlsplit(settings.PORTAL_BASE_URL).netloc)}
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []) or []:
            if mimetype == "text/html":
                html = content
        user = context.get("user")
        notification = Notification.objects.create(
            kind=f"account.{template_prefix.rsplit('/', 1)[-1]}",
            recipient=user if getattr(user, "pk", None) else None,
            to_email=email, subject=message.subject[:255], body_text=message.body, body_html=html,
        )
        transaction.on_commit(lambda: send_notification.delay(notification.pk))
