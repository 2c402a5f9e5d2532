"""Who may do what in the task bank: every who-may rule is a named check here answering (allowed, reason), and the
state machines are plain tables {from: {to: check}} of the same checks. Services call ``require(check, actor,
obj)``; views and templates ask ``{% may "taskbank.<name>" obj %}``. There is no "anyone"."""

from django.utils.translation import gettext_lazy as _

from frivillig.accounts.models import Organisation
from frivillig.accounts.roles import (
    is_culture_admin,
    is_task_poster,
    is_volunteer_centre,
    task_poster_ids,
)
from frivillig.core.workflow import Verdict, automatic, rule
from frivillig.organisations.workflow import represented_ids, represents

from .models import Idea, Task, TaskApplication

# --- who works in the task bank ------------------------------------------------------------------------------


@rule(_("Kun institutionernes medarbejdere, godkendte foreninger, Kulturområdet og Frivilligcentret har adgang."))
def works_in_task_bank(actor, obj=None) -> bool:
    """The staff area of the task bank: posters (institution staff, approved associations) and moderators."""
    return bool(is_task_poster(actor) or is_culture_admin(actor) or is_volunteer_centre(actor))


@rule(_("Du kan kun redigere opgaver for dine egne institutioner."))
def posts_for(actor, institution) -> bool:
    """Staff of the institution, or a representative of the (approved) association: may post and edit its tasks."""
    return institution is not None and institution.pk in task_poster_ids(actor)


@rule(_("Du kan kun redigere opgaver for dine egne institutioner."))
def is_task_staff(actor, task) -> bool:
    """Staff of the task's institution, or a representative of the (approved) association behind it."""
    return task.institution_id in task_poster_ids(actor)


def moderated_kinds(actor) -> set | None:
    """The kinds of organisation whose tasks the person moderates (None: every task). The one definition behind
    ``is_moderator`` and the moderators' queues: the Culture department moderates every task, the Volunteer Centre
    associations' tasks."""
    if is_culture_admin(actor):
        return None
    return {Organisation.Kind.ASSOCIATION} if is_volunteer_centre(actor) else set()


@rule(_("Du kan ikke moderere denne opgave."))
def is_moderator(actor, task=None) -> bool:
    kinds = moderated_kinds(actor)
    return kinds is None or (bool(kinds) and (task is None or task.institution.kind in kinds))


def needs_review(task) -> bool:
    """An association's first task is reviewed before it goes public: no task of theirs was published yet."""
    return (task.institution.kind == Organisation.Kind.ASSOCIATION
            and not Task.objects.filter(institution_id=task.institution_id, published_at__isnull=False).exists())


@rule(_("Foreningens første opgave skal godkendes, før den offentliggøres."))
def may_publish(actor, task) -> bool:
    return is_task_staff(actor, task) and not needs_review(task)


@rule(_("Opgaven kan offentliggøres uden godkendelse."))
def may_submit_for_review(actor, task) -> bool:
    return is_task_staff(actor, task) and needs_review(task)


@rule(_("Du kan ikke ændre denne opgave."))
def staff_or_moderator(actor, task) -> bool:
    return is_task_staff(actor, task) or is_moderator(actor, task)


@rule(_("Kun portalen selv tager dette skridt."))
def system(actor, obj=None) -> bool:
    """Transitions the portal itself makes (expiry); never offered to a person."""
    return actor is None


# --- moderation ----------------------------------------------------------------------------------------------

@rule(_("Opgaven venter ikke på godkendelse."))
def may_approve(actor, task):
    return is_moderator(actor, task) and (task.status == Task.Status.IN_REVIEW or Verdict(False, ""))


@rule(_("Opgaven kan ikke sendes tilbage nu."))
def may_send_back(actor, task):
    return is_moderator(actor, task) and (task.status in (Task.Status.IN_REVIEW, Task.Status.PUBLISHED)
                                          or Verdict(False, ""))


@rule(_("Kun en offentliggjort opgave kan tages af portalen."))
def may_unpublish(actor, task):
    return is_moderator(actor, task) and (task.status == Task.Status.PUBLISHED or Verdict(False, ""))


# --- citizens and a task -------------------------------------------------------------------------------------

@rule(_("Opgaven tager ikke imod ansøgninger lige nu."))
def takes_applications(actor, task):
    """A published task with places left; the person's own conditions (signed in, verified) are asked apart."""
    from .queries import places_left

    if task.status == Task.Status.FILLED or (task.status == Task.Status.PUBLISHED and places_left(task) == 0):
        return Verdict(False, _("Opgaven har fået de frivillige, den søgte."))
    return task.status == Task.Status.PUBLISHED


@rule(_("Opgaven tager ikke imod spørgsmål lige nu."))
def takes_questions(actor, task) -> bool:
    return task.status == Task.Status.PUBLISHED


@rule(_("Du kan kun søge på vegne af en godkendt forening, du repræsenterer."))
def may_apply_for(actor, organisation) -> bool:
    """Applying as a group: the one definition of representing an association (organisations.represents)."""
    return represents(actor, organisation)


# --- applications --------------------------------------------------------------------------------------------

@rule(_("Du behandler ikke ansøgninger til denne opgave."))
def is_application_staff(actor, application) -> bool:
    return is_task_staff(actor, application.task)


@rule(_("Det er ikke din ansøgning."))
def is_applicant(actor, application) -> bool:
    return getattr(actor, "pk", None) is not None and application.applicant_id == actor.pk


@rule(_("Ansøgningen er afgjort."))
def may_handle_application(actor, application):
    """Staff decide, ask and record certificates while the application is open."""
    return is_application_staff(actor, application) and (application.is_open or Verdict(False, ""))


@rule(_("Ansøgningen er afgjort, så du kan ikke skrive mere her."))
def may_reply(actor, application):
    return is_applicant(actor, application) and (application.is_open or Verdict(False, ""))


@rule(_("Du er ikke optaget på opgaven."))
def is_accepted_volunteer(actor, application) -> bool:
    return is_applicant(actor, application) and application.status == TaskApplication.Status.ACCEPTED


# --- ideas ---------------------------------------------------------------------------------------------------

@rule(_("Kun Kulturområdet behandler idéer."))
def is_triager(actor, idea=None) -> bool:
    return is_culture_admin(actor)


@rule(_("Du kan kun foreslå på vegne af en godkendt forening, du repræsenterer."))
def may_suggest_for(actor, organisation) -> bool:
    return represents(actor, organisation)


# --- events and gathering places -----------------------------------------------------------------------------

@rule(_("Kun Kulturområdet og godkendte foreninger står for arrangementer."))
def runs_events(actor, obj=None) -> bool:
    return bool(organises_for_anyone(actor)) or bool(represented_ids(actor))


@rule(_("Kun Kulturområdet står for arrangementer på alles vegne."))
def organises_for_anyone(actor, obj=None) -> bool:
    return is_culture_admin(actor)


@rule(_("Du kan kun oprette arrangementer for en godkendt forening, du repræsenterer."))
def may_organise_for(actor, organiser) -> bool:
    """The Culture department organises on behalf of anyone (or no one); a representative for their association."""
    return bool(organises_for_anyone(actor)) or represents(actor, organiser)


@rule(_("Du kan kun redigere arrangementer, du selv står for."))
def may_manage_event(actor, event) -> bool:
    return bool(organises_for_anyone(actor)) or (event.organiser_id is not None and represents(actor, event.organiser))


@rule(_("Kun Kulturområdet kan oprette og redigere samlingssteder."))
def manages_places(actor, place=None) -> bool:
    return is_culture_admin(actor)


@rule(_("Kun Kulturområdet og Frivilligcentret kan importere tilbud."))
def imports_offers(actor, obj=None) -> bool:
    return bool(is_culture_admin(actor) or is_volunteer_centre(actor))


@rule(_("Log ind for at tilmelde dig."))
def is_signed_in(actor, obj=None) -> bool:
    return getattr(actor, "is_authenticated", False)


# --- the state machines --------------------------------------------------------------------------------------

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
