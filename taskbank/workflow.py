"""Who may do what in the task bank: the state machines as plain tables {from: {to: check(actor, obj)}}, and
the checks the services use for everything that is not a status change. Every check names who may act; there
is no "anyone"."""

from frivillig.accounts.models import Organisation
from frivillig.accounts.roles import is_culture_admin, is_volunteer_centre, task_poster_ids
from frivillig.core.workflow import automatic

from .models import Idea, Task, TaskApplication


def is_task_staff(actor, task) -> bool:
    """Staff of the task's institution, or a representative of the (approved) association behind it."""
    return task.institution_id in task_poster_ids(actor)


def is_moderator(actor, task) -> bool:
    """The Culture department moderates every task; the Volunteer Centre moderates associations' tasks."""
    return bool(is_culture_admin(actor)) or (task.institution.kind == Organisation.Kind.ASSOCIATION
                                             and bool(is_volunteer_centre(actor)))


def needs_review(task) -> bool:
    """An association's first task is reviewed before it goes public: no task of theirs was published yet."""
    return (task.institution.kind == Organisation.Kind.ASSOCIATION
            and not Task.objects.filter(institution_id=task.institution_id, published_at__isnull=False).exists())


def may_publish(actor, task) -> bool:
    return is_task_staff(actor, task) and not needs_review(task)


def may_submit_for_review(actor, task) -> bool:
    return is_task_staff(actor, task) and needs_review(task)


def staff_or_moderator(actor, task) -> bool:
    return is_task_staff(actor, task) or is_moderator(actor, task)


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
# Moderation: a moderator sends a task back to draft (with a reason) or unpublishes it (closed).
TASK_TRANSITIONS = {
    S.DRAFT: {S.PUBLISHED: may_publish, S.IN_REVIEW: may_submit_for_review, S.CLOSED: is_task_staff},
    S.IN_REVIEW: {S.PUBLISHED: is_moderator, S.DRAFT: staff_or_moderator},
    S.PUBLISHED: {S.PAUSED: is_task_staff, S.CLOSED: staff_or_moderator, S.DRAFT: is_moderator,
                  S.FILLED: automatic(is_task_staff),
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
