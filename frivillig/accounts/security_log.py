"""Security events to the log (logger ``frivillig.security``), one line each: sign-ins and failures, sign-outs,
password changes and resets, refusals by the rate limit, second factors added, removed and failing, accounts
erased. Lines carry user ids and client addresses, never passwords, and e-mail addresses only as a short hash
(to see that one address is being attacked without writing it into the log)."""

import hashlib
import logging

from django.contrib.auth import signals as auth_signals

log = logging.getLogger("frivillig.security")


def client_ip(request) -> str:
    if request is None:
        return "-"
    try:
        from allauth.core.internal.ratelimit import get_ip

        return get_ip(request)
    except Exception:  # noqa: BLE001 - a log line must never break a request
        return request.META.get("REMOTE_ADDR", "-")


def login_hash(login: str) -> str:
    return hashlib.sha256((login or "").strip().lower().encode()).hexdigest()[:12]


def event(name: str, *, request=None, user=None, **fields) -> None:
    parts = [f"event={name}", f"ip={client_ip(request)}"]
    if user is not None and getattr(user, "pk", None) is not None:
        parts.append(f"user={user.pk}")
    parts += [f"{k}={v}" for k, v in sorted(fields.items())]
    log.info(" ".join(parts))


def _logged_in(sender, request, user, **kwargs):
    event("login", request=request, user=user)


def _logged_out(sender, request, user, **kwargs):
    event("logout", request=request, user=user)


def _login_failed(sender, credentials, request=None, **kwargs):
    event("login_failed", request=request, login=login_hash(credentials.get("email") or credentials.get("username")))


def _simple(name):
    def receiver(sender, request=None, user=None, **kwargs):
        authenticator = kwargs.get("authenticator")
        extra = {"type": authenticator.type} if authenticator is not None else {}
        event(name, request=request, user=user, **extra)

    return receiver


RECEIVERS = []


def connect() -> None:
    from allauth.account import signals as account_signals
    from allauth.mfa import signals as mfa_signals

    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid="security_log.login")
    auth_signals.user_logged_out.connect(_logged_out, dispatch_uid="security_log.logout")
    auth_signals.user_login_failed.connect(_login_failed, dispatch_uid="security_log.login_failed")
    for signal, name in [(account_signals.password_changed, "password_changed"),
                         (account_signals.password_set, "password_set"),
                         (account_signals.password_reset, "password_reset"),
                         (mfa_signals.authenticator_added, "mfa_added"),
                         (mfa_signals.authenticator_removed, "mfa_removed"),
                         (mfa_signals.authenticator_reset, "mfa_reset"),
                         (mfa_signals.authentication_failed, "mfa_failed")]:
        receiver = _simple(name)
        RECEIVERS.append(receiver)  # signals hold weak references
        signal.connect(receiver, dispatch_uid=f"security_log.{name}")
