"""Who may do what with a grant application: every who-may rule of the app as a named check (``@rule``), the
state machine as a plain table {from: {to: check(actor, application)}} built from them. Services call
``require(check, actor, obj)``; templates ask ``{% may "grants.…" obj %}``. There is no "anyone"."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts.roles import association_ids, is_culture_admin, is_verified
from frivillig.core.workflow import Verdict, can_move, rule

from .models import Status as S


@rule(_("Det er kun ansøgeren, der kan gøre dette."))
def is_applicant(actor, application) -> bool:
    return getattr(actor, "pk", None) is not None and application.applicant_id == actor.pk


@rule(_("Kun Kulturområdet behandler ansøgninger."))
def is_case_handler(actor, application=None) -> bool:
    return is_culture_admin(actor)


@rule(_("Kun ansøgeren eller Kulturområdet kan gøre dette."))
def is_applicant_or_handler(actor, application) -> bool:
    """Back to review from "awaiting information": the applicant answers, or the handler resumes without it."""
    return is_applicant(actor, application) or is_case_handler(actor, application)


@rule(_("Dette skridt tager portalen selv."))
def system(actor, application=None) -> bool:
    return actor is None


@rule(_("Puljen tager ikke imod ansøgninger lige nu."))
def may_apply(actor, pool) -> Verdict | bool:
    if not is_verified(actor):
        return Verdict(False, str(_("Bekræft din e-mailadresse, før du søger tilskud.")))
    return pool.is_open()


@rule(_("Du kan kun søge på vegne af en forening, du repræsenterer."))
def may_apply_for(actor, organisation) -> bool:
    return organisation is None or organisation.pk in association_ids(actor)


@rule(_("Ansøgningen er sendt og kan ikke længere ændres."))
def may_edit_draft(actor, application) -> Verdict | bool:
    if not is_applicant(actor, application):
        return Verdict(False, str(_("Det er kun ansøgeren, der kan gøre dette.")))
    return application.status == S.DRAFT


@rule(_("Ansøgningen er afgjort og kan ikke trækkes tilbage."))
def may_withdraw(actor, application) -> bool:
    check = TRANSITIONS.get(application.status, {}).get(S.WITHDRAWN)
    return check is not None and check(actor, application)


@rule(_("Sagen venter ikke på oplysninger fra dig."))
def may_answer(actor, application) -> bool:
    return is_applicant(actor, application) and application.status == S.AWAITING_INFO


@rule(_("Det er kun ansøgeren, der kan sende afrapporteringen."))
def may_report(actor, application) -> Verdict | bool:
    if not is_applicant(actor, application):
        return False
    return Verdict(*can_move(application, actor, S.REPORT_RECEIVED, TRANSITIONS))


@rule(_("Bilaget hører til en sag, du ikke har adgang til."))
def may_open_case_file(actor, application) -> bool:
    """An attachment or the report's receipts: the applicant and the case handlers."""
    return is_applicant_or_handler(actor, application)


DECISIONS = (S.APPROVED, S.PARTLY_APPROVED, S.REJECTED)

TRANSITIONS = {
    S.DRAFT: {S.SUBMITTED: is_applicant, S.WITHDRAWN: is_applicant},
    S.SUBMITTED: {S.IN_REVIEW: is_case_handler, S.AWAITING_INFO: is_case_handler, S.WITHDRAWN: is_applicant,
                  **{d: is_case_handler for d in DECISIONS}},
    S.IN_REVIEW: {S.AWAITING_INFO: is_case_handler, S.WITHDRAWN: is_applicant, **{d: is_case_handler for d in DECISIONS}},
    S.AWAITING_INFO: {S.IN_REVIEW: is_applicant_or_handler, S.WITHDRAWN: is_applicant},
    S.APPROVED: {S.PAID_OUT: is_case_handler},
    S.PARTLY_APPROVED: {S.PAID_OUT: is_case_handler},
    S.REJECTED: {},
    S.PAID_OUT: {S.REPORT_DUE: system, S.REPORT_RECEIVED: is_applicant},
    S.REPORT_DUE: {S.REPORT_RECEIVED: is_applicant},
    S.REPORT_RECEIVED: {S.CLOSED: is_case_handler},
    S.CLOSED: {},
    S.WITHDRAWN: {},
}
