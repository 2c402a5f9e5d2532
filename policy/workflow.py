"""Who may do what with the volunteering policy: every who-may rule of the app as a named check (``@rule``),
asked by the services (``require``) and the templates (``{% may "policy.…" %}``)."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import is_culture_admin
from frivillig.core.workflow import rule


@rule(_("Kun Kulturområdet kan redigere frivillighedspolitikken."))
def is_policy_editor(actor, obj=None) -> bool:
    return is_culture_admin(actor)
