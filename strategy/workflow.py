"""Who may do what in a strategy process and a hearing: every who-may rule of the app as a named check
(``@rule``), asked by the services (``require``) and by the templates (``{% may "strategy.…" obj %}``).

A hearing's state is derived from its dates until the staff write the memo and conclude it; those two steps are
the hearing's transition table, taken through ``frivillig.core.workflow.move`` (which writes the history row)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import association_ids, is_culture_admin, is_verified
from frivillig.core.workflow import Verdict, rule

from .models import Hearing, Input


@rule(_("Kun Kulturområdet kan gøre dette."))
def is_strategy_staff(actor, obj=None) -> bool:
    return is_culture_admin(actor)


@rule(_("Log ind for at gøre dette."))
def is_signed_in(actor, obj=None) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


@rule(_("Bekræft din e-mailadresse, før du sender input."))
def may_submit_input(actor, process=None) -> bool:
    return is_verified(actor)


@rule(_("Du kan kun støtte offentliggjort input."))
def may_support(actor, item) -> bool:
    return is_signed_in(actor) and item.status == Input.Status.PUBLISHED


@rule(_("Kun input, der afventer, kan offentliggøres."))
def may_publish_input(actor, item) -> bool:
    return is_culture_admin(actor) and item.status == Input.Status.PENDING


@rule(_("Mødet er allerede holdt."))
def may_sign_up(actor, meeting) -> Verdict | bool:
    if not is_signed_in(actor):
        return Verdict(False, str(_("Log ind for at tilmelde dig.")))
    return meeting.starts_at >= timezone.now()


@rule(_("Kun offentliggjort input kan angives som grund til en ændring."))
def may_cite(actor, item) -> bool:
    """An input a section of a new draft version may cite: published input of the process."""
    return is_culture_admin(actor) and item.status == Input.Status.PUBLISHED


# --- hearings ------------------------------------------------------------------------------------

@rule(_("Høringen er lukket. Der kan ikke længere afgives høringssvar."))
def may_respond(actor, hearing) -> Verdict | bool:
    if not is_verified(actor):
        return Verdict(False, str(_("Bekræft din e-mailadresse, før du afgiver høringssvar.")))
    return hearing.is_open


@rule(_("Du kan kun svare på vegne af en organisation, du repræsenterer."))
def may_respond_for(actor, organisation) -> bool:
    return organisation is None or organisation.pk in association_ids(actor)


def _closed_or_later(hearing) -> bool:
    return hearing.state() not in (Hearing.State.PLANNED, Hearing.State.OPEN)


@rule(_("Bemærkninger skrives, når høringen er lukket."))
def may_remark(actor, response) -> bool:
    return is_culture_admin(actor) and _closed_or_later(response.hearing)


@rule(_("Høringsnotatet skrives, når høringen er lukket."))
def may_write_memo(actor, hearing) -> bool:
    return is_culture_admin(actor) and hearing.state() == Hearing.State.CLOSED


@rule(_("Skriv høringsnotatet, før høringen afsluttes."))
def may_conclude(actor, hearing) -> bool:
    return is_culture_admin(actor) and hearing.state() == Hearing.State.MEMO_WRITTEN


@rule(_("Bilaget er ikke offentligt."))
def may_open_response_attachment(actor, attachment) -> bool:
    """The staff always; everyone else once the hearing has closed, if the responder let the response be
    published with their name (an attachment usually names its sender)."""
    response = attachment.response
    return is_culture_admin(actor) or (response.publish_with_name and _closed_or_later(response.hearing))


HEARING_TRANSITIONS = {
    Hearing.State.CLOSED: {Hearing.State.MEMO_WRITTEN: may_write_memo},
    Hearing.State.MEMO_WRITTEN: {Hearing.State.CONCLUDED: may_conclude},
}
