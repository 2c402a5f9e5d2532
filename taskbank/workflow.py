"""Who may do what in the task bank: the state machines as plain tables {from: {to: check(actor, obj)}}, and
the checks the services use for everything that is not a status change. Every check names who may act; there
is no "anyone"."""

from frivillig.accounts.roles import institution_ids, is_culture_admin
from frivillig.core.workflow import automatic

from .models import Idea, Task, TaskApplication


def is_task_staff(actor, task) -> bool:
    return task.institution_id in institution_ids(actor)


def is_application_staff(actor, application) -> bool:
    return is_task_staff(actor, application.task)


def is_applicant(actor, application) -> bool:
    return getattr(actor, "pk", None) is not None and application.applicant_id == actor.pk


def is_triager(actor, idea) -> bool:
    return is_culture_admin(actor)


def system(actor, obj) -> bool:
    """Transitions the portal itself makes (expiry); never offered to a person."""
    return actor is None


S = Task.Status
TASK_TRANSITIONS = {
    S.DRAFT: {S.PUBLISHED: is_task_staff, S.CLOSED: is_task_staff},
    S.PUBLISHED: {S.PAUSED: is_task_staff, S.CLOSED: is_task_staff, S.FILLED: automatic(is_task_staff),
                  S.EXPIRED: system},
    S.PAUSED: {S.PUBLISHED: is_task_staff, S.CLOSED: is_task_staff, S.EXPIRED: system},
    S.FILLED: {S.PUBLISHED: is_task_staff, S.CLOSED: is_task_staff, S.ARCHIVED: is_task_staff},
    S.EXPIRED: {S.PUBLISHED: is_task_staff, S.ARCHIVED: is_task_staff, S.CLOSED: is_task_staff},
    S.CLOSED: {S.ARCHIVED: is_task_staff},
    S.ARCHIVED: {},
}

A = TaskApplication.Status
APPLICATION_TRANSITIONS = {
    A.SUBMITTED: {A.IN_DIALOGUE: is_application_staff, A.ACCEPTED: is_application_staff,
                  A.DECLINED: is_application_staff, A.WITHDRAWN: is_applicant},
    A.IN_DIALOGUE: {A.ACCEPTED: is_application_staff, A.DECLINED: is_application_staff,
                    A.WITHDRAWN: is_applicant},
    A.ACCEPTED: {},
    A.DECLINED: {},
    A.WITHDRAWN: {},
}

I = Idea.Status  # noqa: E741
IDEA_TRANSITIONS = {
    I.SUBMITTED: {I.CONSIDERING: is_triager, I.BECAME_TASK: is_triager, I.ANSWERED: is_triager,
                  I.REJECTED: is_triager},
    I.CONSIDERING: {I.BECAME_TASK: is_triager, I.ANSWERED: is_triager, I.REJECTED: is_triager},
    I.BECAME_TASK: {},
    I.ANSWERED: {},
    I.REJECTED: {},
}
