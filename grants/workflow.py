"""Who may do what with a grant application: the state machine as a plain table {from: {to: check(actor,
application)}}, and the checks the services use for the steps that are not status changes. There is no "anyone"."""

from frivillig.accounts.roles import is_culture_admin

from .models import Status as S


def is_applicant(actor, application) -> bool:
    return getattr(actor, "pk", None) is not None and application.applicant_id == actor.pk


def is_case_handler(actor, application) -> bool:
    return is_culture_admin(actor)


def is_applicant_or_handler(actor, application) -> bool:
    """Back to review from "awaiting information": the applicant answers, or the handler resumes without it."""
    return is_applicant(actor, application) or is_case_handler(actor, application)


def system(actor, application) -> bool:
    return actor is None


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
