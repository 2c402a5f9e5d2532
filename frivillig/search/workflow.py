"""Who may change the search's vocabulary."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import is_culture_admin
from frivillig.core.workflow import rule


@rule(_("Kun Kulturområdet vedligeholder søgningens ordforråd."))
def may_keep_vocabulary(actor, entry=None) -> bool:
    return is_culture_admin(actor)
