"""Sessions in the database with a copy in the cache (SESSION_ENGINE), so that a signed-in request reads its
session without a query; and the signed-in person kept in the cache beside it, so that it needs no user query
either.

Django's cached_db keeps the copy as long as the session lives. Here the copy lives at most CACHE_SECONDS: if
the cache does not answer when a session ends (sign-out, erasure; frivillig/core/cache.py drops the delete), a
stale copy could otherwise keep serving the ended session once the cache is back. Now it is gone within minutes,
and the database (where the session is already deleted) decides.

The person (``cached_user``, used by ``frivillig.accounts.middleware.CachedUserAuthenticationMiddleware``): the
user row as the authentication backend returned it, and their roles (``roles._role_set``: neither the header's staff
link nor a permission check nor the second-factor rule queries them), kept for CACHE_SECONDS under the person's
*generation*, a random token replaced on every save of the user (a new password, deactivation, erasure, a new name)
and every change of their roles (``person_changed``, from signals). A copy is
used only while its generation is the current one, and the generation is read before the database, so a copy
made from data older than a change is never used after it. Django's check of the session against the password
hash runs on every request as before: a password change still ends the person's other sessions at once. Changes
made with ``QuerySet.update()`` send no signal: call ``person_changed(pk)`` after them. (The signals are
connected in frivillig/accounts/roles.py, with those of the staff link.)

A worker that has served a session before knows whose it is (a session key never changes hands: signing in gives
a new key), so it asks the cache for the session, the person and the generation in one round trip (``load``: one
``get_many``, an MGET on Redis).

Django offers no public way to bound how long cached_db keeps its copy: ``_ShortLivedCopies`` wraps the store's
``_cache`` (the cache Django's cached_db writes through) and caps every timeout it is given.
"""

import copy
import threading
import uuid
from collections import OrderedDict

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.core.cache import cache

from .pagecache import release

CACHE_SECONDS = 300
KNOWN_SESSIONS = 20_000  # per process: session key -> user id, ~100 bytes each


class _ShortLivedCopies:
    def __init__(self, cache):
        self.cache = cache

    def set(self, key, value, timeout=None, version=None):
        timeout = CACHE_SECONDS if timeout is None else min(timeout, CACHE_SECONDS)
        return self.cache.set(key, value, timeout, version=version)

    async def aset(self, key, value, timeout=None, version=None):
        timeout = CACHE_SECONDS if timeout is None else min(timeout, CACHE_SECONDS)
        return await self.cache.aset(key, value, timeout, version=version)

    def __contains__(self, key):
        return key in self.cache

    def __getattr__(self, name):
        return getattr(self.cache, name)


class _KnownSessions:
    """Whose session is this, as this process last saw it: only a hint for which person to fetch alongside the
    session; the session's own data decides."""

    def __init__(self, size):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, session_key):
        return self.entries.get(session_key)

    def put(self, session_key, user_id):
        with self.lock:
            self.entries[session_key] = user_id
            self.entries.move_to_end(session_key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


known_sessions = _KnownSessions(KNOWN_SESSIONS)


def _person_key(user_id) -> str:
    # v1: the entry's layout; the release: a pickled user of another build (other fields) is never read
    return f"portal:person:v1:{release()}:{user_id}"


def _generation_key(user_id) -> str:
    return f"portal:person-gen:{user_id}"


class SessionStore(CachedDBStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _ShortLivedCopies(self._cache)
        self.prefetched_person = None

    def load(self):
        user_id = known_sessions.get(self.session_key) if self.session_key else None
        if user_id is None:
            return super().load()
        person_key, generation_key = _person_key(user_id), _generation_key(user_id)
        try:
            found = self._cache.get_many([self.cache_key, person_key, generation_key])  # one MGET
        except Exception:  # as Django's load(): a key the backend refuses means no session
            found = {}
        self.prefetched_person = (user_id, found.get(person_key), found.get(generation_key))
        data = found.get(self.cache_key)
        return super().load() if data is None else data


def person_changed(user_id) -> None:
    """Every cached copy of the person is dropped: now, and again when the current transaction commits."""

    def bump():
        cache.set(_generation_key(user_id), uuid.uuid4().hex, None)

    from django.db import transaction

    bump()
    transaction.on_commit(bump)


def cached_user(session, backend, backend_path, user_id):
    """``backend.get_user(user_id)`` from the cache while the person has not changed (see the module's docstring).
    The user comes with ``_portal_staff_link`` and ``_portal_roles`` set (read by ``roles``)."""
    from frivillig.accounts.roles import is_any_staff

    known_sessions.put(session.session_key, user_id)
    person_key, generation_key = _person_key(user_id), _generation_key(user_id)
    prefetched = getattr(session, "prefetched_person", None)
    if prefetched is not None and prefetched[0] == user_id:
        entry, generation = prefetched[1], prefetched[2]
    else:
        found = cache.get_many([person_key, generation_key])
        entry, generation = found.get(person_key), found.get(generation_key)
    if entry is not None and generation is not None and entry[0] == generation and entry[1] == backend_path:
        user = entry[2]  # a fresh object: the cache unpickles on every read
        user._portal_staff_link = entry[3]
        if entry[4] is not None:
            user._portal_roles = entry[4]  # roles._role_set: no role query in this request either
        return user
    if generation is None:
        cache.add(generation_key, uuid.uuid4().hex, None)
        generation = cache.get(generation_key)  # None: the cache does not answer; then nothing is kept
    user = backend.get_user(user_id)
    if user is None:
        return None
    row = copy.copy(user)  # as it came: before anything caches per-request state on it
    user._portal_staff_link = bool(is_any_staff(user))
    if generation is not None:
        roles = getattr(user, "_portal_roles", None)  # read by is_any_staff (not for a superuser)
        cache.set(person_key, (generation, backend_path, row, user._portal_staff_link, roles), CACHE_SECONDS)
    return user
