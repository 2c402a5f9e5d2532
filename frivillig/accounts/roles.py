"""Role predicates (django-rules) and the querysets they imply. The one place that says who is who.

Apps build their object rules from these in one place each: the app's ``workflow.py`` (its transition tables
and the checks its services call). Views and templates ask the same functions (``workflow.can_move``)."""

import rules

from .models import Organisation, Role, RoleAssignment


def _role_set(user) -> set:
    """Roles of a user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = set(RoleAssignment.objects.filter(user=user).values_list("role", "organisation_id"))
        user._portal_roles = cached
    return cached


def has_role(user, role) -> bool:
    return any(r == role for r, _ in _role_set(user))


def organisation_ids(user, role) -> set[int]:
    return {org for r, org in _role_set(user) if r == role and org is not None}


def institution_ids(user) -> set[int]:
    """Institutions whose tasks and applications the user handles as staff."""
    return organisation_ids(user, Role.INSTITUTION_STAFF)


def association_ids(user) -> set[int]:
    return organisation_ids(user, Role.ASSOCIATION_REP)


def volunteer_centre_ids(user) -> set[int]:
    return organisation_ids(user, Role.VOLUNTEER_CENTRE)


def approved_association_ids(user) -> set[int]:
    """The user's associations that the Culture department or the Volunteer Centre has approved (one query,
    cached on the user for the request)."""
    ids = association_ids(user)
    if not ids:
        return set()
    cached = getattr(user, "_approved_associations", None)
    if cached is None:
        cached = set(Organisation.objects.filter(pk__in=ids, status=Organisation.Status.APPROVED)
                     .values_list("pk", flat=True))
        user._approved_associations = cached
    return cached


def task_poster_ids(user) -> set[int]:
    """Organisations whose tasks, applications and events the user handles: their municipal institutions and
    their approved associations."""
    return institution_ids(user) | approved_association_ids(user)


def posting_organisations_of(user):
    return Organisation.objects.filter(pk__in=task_poster_ids(user))


def institutions_of(user):
    return Organisation.objects.filter(pk__in=institution_ids(user))


def associations_of(user):
    return Organisation.objects.filter(pk__in=association_ids(user))


@rules.predicate
def is_culture_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, Role.CULTURE_ADMIN)


@rules.predicate
def is_steering_member(user) -> bool:
    return has_role(user, Role.STEERING_MEMBER)


@rules.predicate
def is_network_member(user) -> bool:
    return has_role(user, Role.NETWORK_MEMBER)


@rules.predicate
def is_institution_staff(user) -> bool:
    return has_role(user, Role.INSTITUTION_STAFF)


@rules.predicate
def is_association_rep(user) -> bool:
    return has_role(user, Role.ASSOCIATION_REP)


@rules.predicate
def is_volunteer_centre(user) -> bool:
    return has_role(user, Role.VOLUNTEER_CENTRE)


@rules.predicate
def is_task_poster(user) -> bool:
    """Staff of an institution or a representative of an approved association: may post tasks."""
    return bool(task_poster_ids(user))


@rules.predicate
def is_verified(user) -> bool:
    """Signed in with a verified e-mail address: required to apply or respond."""
    if not getattr(user, "is_authenticated", False):
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, verified=True).exists()


is_any_staff = (is_culture_admin | is_steering_member | is_network_member | is_institution_staff | is_association_rep
                | is_volunteer_centre)

STAFF_LINK_SECONDS = 300


def _staff_link_key(user_id) -> str:
    return f"portal:staff-link:{user_id}"


def shows_staff_link(user) -> bool:
    """Whether the header shows the staff link (is_any_staff), kept in the cache for minutes so that a page served
    from the signed-in page cache needs no role query. For display only: every staff page checks the roles itself.
    Dropped whenever the person's roles or account change (below)."""
    from django.core.cache import cache

    known = getattr(user, "_portal_staff_link", None)  # a person from the cache (frivillig/core/sessions.py)
    if known is not None:
        return known
    key = _staff_link_key(user.pk)
    flag = cache.get(key)
    if flag is None:
        flag = bool(is_any_staff(user))
        cache.set(key, flag, STAFF_LINK_SECONDS)
    return flag


def _forget_staff_link(user_id) -> None:
    """Also drops the cached signed-in person (frivillig/core/sessions.py), which carries the flag too."""
    from django.core.cache import cache
    from django.db import transaction

    from frivillig.core.sessions import person_changed

    person_changed(user_id)
    cache.delete(_staff_link_key(user_id))
    transaction.on_commit(lambda: cache.delete(_staff_link_key(user_id)))


def _connect_staff_link_signals() -> None:
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    def role_changed(sender, instance, **kwargs):
        _forget_staff_link(instance.user_id)

    def user_changed(sender, instance, **kwargs):
        _forget_staff_link(instance.pk)

    post_save.connect(role_changed, sender=RoleAssignment, dispatch_uid="roles.staff_link.role_saved", weak=False)
    post_delete.connect(role_changed, sender=RoleAssignment, dispatch_uid="roles.staff_link.role_deleted", weak=False)
    post_save.connect(user_changed, sender=get_user_model(), dispatch_uid="roles.staff_link.user_saved", weak=False)
    post_delete.connect(user_changed, sender=get_user_model(), dispatch_uid="roles.staff_link.user_deleted", weak=False)


_connect_staff_link_signals()



def invalidate(user) -> None:
    for attr in ("_portal_roles", "_approved_associations"):
        if hasattr(user, attr):
            delattr(user, attr)
