"""Rate limits for actions where abuse is cheap (applications, hearing responses, ideas).

Counted per IP address and per account in the cache (Redis in production), in fixed windows. A limit
only ever slows down the one who acts: nothing here locks another person's account.

    if ratelimit.exceeded(request, "taskbank.apply", per_user="10/h", per_ip="30/h"):
        messages.error(request, ratelimit.MESSAGE); ...
"""

import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

MESSAGE = _("Du har foretaget denne handling mange gange på kort tid. Vent lidt, og prøv så igen.")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _parse(rate: str) -> tuple[int, int]:
    count, unit = rate.split("/")
    return int(count), UNITS[unit]


def client_ip(request) -> str:
    """The client's address as allauth sees it (honours ALLAUTH_TRUSTED_PROXY_COUNT behind the proxy), so that
    our limits and allauth's count the same IP."""
    from allauth.account.adapter import get_adapter
    from django.core.exceptions import PermissionDenied

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def rate_key(ip: str) -> str:
    """What one client is, for counting: an IPv4 address, or the /64 network of an IPv6 address (one household or
    server gets a whole /64 and can use any address in it)."""
    import ipaddress

    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _hit(key: str, rate: str) -> bool:
    limit, window = _parse(rate)
    bucket = int(time.time() // window)
    cache_key = f"rl:{key}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window + 5)
        count = 1
    return count > limit


def exceeded(request, action: str, *, per_user: str | None = None, per_ip: str | None = None) -> bool:
    """Count one attempt of ``action``; True when a limit is exceeded (then refuse the action)."""
    over = False
    if per_ip:
        over |= _hit(f"{action}:ip:{rate_key(client_ip(request))}", per_ip)
    user = getattr(request, "user", None)
    if per_user and user is not None and user.is_authenticated:
        over |= _hit(f"{action}:user:{user.pk}", per_user)
    return over


def upload_exceeded(request, action: str, *, per_user: str = "20/h", per_ip: str = "60/h") -> bool:
    """For views that take files: count a request that carries any, before the form decodes them (decoding an image
    is the expensive part). True when a limit is exceeded."""
    return bool(request.FILES) and exceeded(request, f"{action}.upload", per_user=per_user, per_ip=per_ip)
