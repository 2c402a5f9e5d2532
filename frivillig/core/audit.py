"""The access log: call ``log_access()`` in every staff view that shows a citizen's personal data."""

from django.db import connection
from django.utils import timezone


def log_access(*, actor, subjects, reason: str, request=None) -> int:
    """Record that ``actor`` saw the personal data of each user in ``subjects`` (a user or an iterable
    of users or user ids) for ``reason``. One row per person; the actor's own data is not logged.

    ``reason`` is the Danish text as written in the code, marked ``gettext_noop("…")``: the log keeps the portal's
    words whatever language the staff member reads, and the person's page translates them into theirs
    (``{% translate a.why %}``), so an English-reading case handler leaves no English in a Danish log."""
    if not getattr(actor, "is_authenticated", False):
        return 0
    if hasattr(subjects, "pk"):
        subjects = [subjects]
    ids = {getattr(s, "pk", s) for s in subjects if s is not None} - {actor.pk}
    path = request.get_full_path()[:300] if request is not None else ""
    if not ids:
        return 0
    # One INSERT over an array of ids: a staff list logs 20-50 people per request, and building and saving that
    # many model instances cost several times the statement itself. The rows are those bulk_create() wrote.
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_personaldataaccess (actor_id, subject_id, reason, path, at) "
            "SELECT %s, subject, %s, %s, %s FROM unnest(%s::bigint[]) AS subject",
            [actor.pk, str(reason)[:200], path, timezone.now(), sorted(ids)])
    return len(ids)
