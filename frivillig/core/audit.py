"""The access log: call ``log_access()`` in every staff view that shows a citizen's personal data."""

from .models import PersonalDataAccess


def log_access(*, actor, subjects, reason: str, request=None) -> int:
    """Record that ``actor`` saw the personal data of each user in ``subjects`` (a user or an iterable
    of users or user ids) for ``reason``. One row per person; the actor's own data is not logged."""
    if not getattr(actor, "is_authenticated", False):
        return 0
    if hasattr(subjects, "pk"):
        subjects = [subjects]
    ids = {getattr(s, "pk", s) for s in subjects if s is not None} - {actor.pk}
    path = request.get_full_path()[:300] if request is not None else ""
    PersonalDataAccess.objects.bulk_create(
        [PersonalDataAccess(actor=actor, subject_id=i, reason=reason[:200], path=path) for i in sorted(ids)]
    )
    return len(ids)
