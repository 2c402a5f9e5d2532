"""Who may do what after "Optaget": the agreement's state machine and the named checks the services, views and
templates ask."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import is_culture_admin, is_task_poster, is_verified, task_poster_ids
from frivillig.core.workflow import Verdict, rule
from taskbank.models import Event
from taskbank.workflow import may_manage_event, runs_events

from .models import Agreement, HoursEntry, Nomination


def _poster_of(actor, task_or_institution_id) -> bool:
    return getattr(actor, "is_authenticated", False) and task_or_institution_id in task_poster_ids(actor)


@rule(_("Kun opgavens institution eller forening kan gøre dette."))
def is_task_coordinator(actor, task=None) -> bool:
    return task is not None and _poster_of(actor, task.institution_id)


@rule(_("Kun opgavens institution eller forening eller arrangementets arrangør kan gøre dette."))
def is_occasion_coordinator(actor, occasion=None) -> bool:
    """Who plans and runs the sessions of a task (its institution or association) or of an event (its organiser,
    or the Culture department)."""
    if isinstance(occasion, Event):
        return bool(may_manage_event(actor, occasion))
    return bool(is_task_coordinator(actor, occasion))


@rule(_("Kun institutioner, foreninger og arrangører planlægger vagter."))
def plans_sessions(actor, obj=None) -> bool:
    """May reach the rota pages at all: posts tasks (an institution or association) or runs events (an approved
    association, or the Culture department). Which task or event is checked by the two rules below."""
    return is_task_poster(actor) or bool(runs_events(actor))


@rule(_("Kun opgavens institution eller forening eller arrangementets arrangør kan gøre dette."))
def is_session_coordinator(actor, session=None) -> bool:
    return session is not None and bool(is_occasion_coordinator(actor, session.occasion))


@rule(_("Kun opgavens institution eller forening kan gøre dette."))
def is_agreement_staff(actor, agreement=None) -> bool:
    return agreement is not None and _poster_of(actor, agreement.task.institution_id)


@rule(_("Kun den frivillige selv kan gøre dette."))
def is_agreement_volunteer(actor, agreement=None) -> bool:
    return agreement is not None and getattr(actor, "pk", None) is not None and agreement.volunteer_id == actor.pk


@rule(_("Kun den frivillige eller opgavens institution kan afslutte aftalen."))
def is_agreement_party(actor, agreement=None) -> bool:
    return bool(is_agreement_volunteer(actor, agreement)) or bool(is_agreement_staff(actor, agreement))


@rule(_("Kun Kulturområdet skriver standardteksterne."))
def may_edit_standard_texts(actor, obj=None) -> bool:
    return bool(is_culture_admin(actor))


@rule(_("Kun Kulturområdet inviterer alle frivillige."))
def may_invite_volunteers(actor, obj=None) -> bool:
    return bool(is_culture_admin(actor))


ANONYMISED = _("Aftalen er anonymiseret, fordi den frivillige har slettet sin bruger; den gemmes kun.")


def _anonymised(agreement) -> bool:
    return agreement is not None and agreement.anonymised_at is not None


@rule(_("Aftalen er afsluttet og kan ikke ændres."))
def may_edit_agreement(actor, agreement=None) -> bool:
    if _anonymised(agreement):
        return Verdict(False, str(ANONYMISED))
    return bool(is_agreement_staff(actor, agreement)) and agreement.status != Agreement.Status.ENDED


@rule(_("Kun aftalens parter kan lave en PDF af den."))
def may_request_pdf(actor, agreement=None) -> bool:
    if _anonymised(agreement):
        return Verdict(False, str(ANONYMISED))
    return bool(is_agreement_party(actor, agreement))


@rule(_("Du kan kun tilmelde dig vagter på opgaver, hvor du har en accepteret frivilligaftale."))
def may_sign_up(actor, session=None) -> bool:
    """A task's sessions are for its volunteers with an accepted agreement; an event's sessions are open to every
    signed-in person with a confirmed e-mail who wants to help at it."""
    if session is None or not getattr(actor, "is_authenticated", False):
        return False
    if session.cancelled_at or session.starts_at <= timezone.now():
        return Verdict(False, str(_("Vagten er aflyst eller allerede begyndt.")))
    if session.event_id:
        if session.event.cancelled_at:
            return Verdict(False, str(_("Arrangementet er aflyst.")))
        if not session.event.is_published:
            return Verdict(False, str(_("Arrangementet er ikke offentliggjort endnu.")))
        if not is_verified(actor):
            return Verdict(False, str(_("Bekræft din e-mailadresse, før du tilmelder dig en vagt.")))
        return True
    return Agreement.objects.filter(task_id=session.task_id, volunteer=actor, status=Agreement.Status.ACCEPTED).exists()


@rule(_("Du er ikke tilmeldt denne vagt, eller den er allerede begyndt."))
def may_cancel_signup(actor, session=None) -> bool:
    return (session is not None and getattr(actor, "is_authenticated", False) and session.starts_at > timezone.now()
            and session.signups.filter(volunteer=actor).exists())


@rule(_("Kun opgavens institution eller forening kan godkende timer."))
def is_hours_staff(actor, entry=None) -> bool:
    return entry is not None and bool(is_agreement_staff(actor, entry.agreement))


@rule(_("Timerne er allerede behandlet."))
def may_decide_hours(actor, entry=None) -> bool:
    return bool(is_hours_staff(actor, entry)) and entry.status == HoursEntry.Status.REPORTED


@rule(_("Du kan kun indberette timer på en accepteret aftale."))
def may_report_hours(actor, agreement=None) -> bool:
    return bool(is_agreement_volunteer(actor, agreement)) and agreement.status == Agreement.Status.ACCEPTED


@rule(_("Aftalen venter ikke på din accept."))
def may_accept_agreement(actor, agreement=None) -> bool:
    return bool(is_agreement_volunteer(actor, agreement)) and agreement.status == Agreement.Status.AWAITING


@rule(_("Aftalen er allerede afsluttet."))
def may_end_agreement(actor, agreement=None) -> bool:
    if _anonymised(agreement):
        return Verdict(False, str(ANONYMISED))
    return bool(is_agreement_party(actor, agreement)) and agreement.status != Agreement.Status.ENDED


@rule(_("Kun en kladde sendes til den frivillige."))
def may_send_agreement(actor, agreement=None) -> bool:
    if _anonymised(agreement):
        return Verdict(False, str(ANONYMISED))
    return bool(is_agreement_staff(actor, agreement)) and agreement.status == Agreement.Status.DRAFT


S = Agreement.Status
AGREEMENT_TRANSITIONS = {
    S.DRAFT: {S.AWAITING: is_agreement_staff, S.ENDED: is_agreement_staff},
    S.AWAITING: {S.ACCEPTED: is_agreement_volunteer, S.ENDED: is_agreement_party},
    # A change of an accepted agreement makes a new version that the volunteer accepts again.
    S.ACCEPTED: {S.AWAITING: is_agreement_staff, S.ENDED: is_agreement_party},
    S.ENDED: {},
}

H = HoursEntry.Status
HOURS_TRANSITIONS = {
    H.REPORTED: {H.APPROVED: is_hours_staff, H.REJECTED: is_hours_staff},
    H.APPROVED: {},
    H.REJECTED: {H.APPROVED: is_hours_staff},
}


@rule(_("Log ind med en bekræftet e-mail for at indstille."))
def may_nominate(actor, obj=None) -> bool:
    return bool(is_verified(actor))


@rule(_("Kun Kulturområdet vælger årets frivillige."))
def is_award_handler(actor, nomination=None) -> bool:
    return bool(is_culture_admin(actor))


@rule(_("Kun den indstillede selv kan give samtykke."))
def is_nominee(actor, nomination=None) -> bool:
    """The nominee answers through the secret link e-mailed to her: the service verified the token."""
    return nomination is not None and getattr(nomination, "token_verified", False)


@rule(_("Indstillingen er allerede valgt eller besvaret."))
def may_choose_nominee(actor, nomination=None) -> bool:
    return bool(is_award_handler(actor, nomination)) and nomination.status == Nomination.Status.SUBMITTED


N = Nomination.Status
NOMINATION_TRANSITIONS = {
    N.SUBMITTED: {N.CHOSEN: is_award_handler},
    N.CHOSEN: {N.PUBLISHED: is_nominee, N.DECLINED: is_nominee, N.SUBMITTED: is_award_handler},
    N.PUBLISHED: {N.DECLINED: is_nominee},
    N.DECLINED: {},
}
