import re

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import roles


class RequireMFAForPrivilegedRoles:
    """The Culture department and the steering group must use a second factor (TOTP) before they use the
    staff workspace, the admin or the steering group's and network's member pages (where priorities and
    proposals are decided). Others may choose it under "Min konto"."""

    GUARDED = re.compile(r"^/(medarbejder/|admin/|netvaerk/(styregruppe|forslag|moeder|dokumenter)/"
                         r"|netvaerk/indsatsomraader/\d+/)")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (getattr(settings, "MFA_REQUIRED_FOR_PRIVILEGED_ROLES", False) and user is not None and user.is_authenticated
                and self.GUARDED.match(request.path)
                and (roles.is_culture_admin(user) or roles.is_steering_member(user))):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                messages.warning(request, _("Din rolle kræver totrinsbekræftelse. Opsæt den, før du fortsætter."))
                return redirect("mfa_activate_totp")
        return self.get_response(request)
