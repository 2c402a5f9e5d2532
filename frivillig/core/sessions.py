"""Sessions in the database with a copy in the cache (SESSION_ENGINE), so that a signed-in request reads its
session without a query.

Django's cached_db keeps the copy as long as the session lives. Here the copy lives at most CACHE_SECONDS: if
the cache does not answer when a session ends (sign-out, erasure; frivillig/core/cache.py drops the delete), a
stale copy could otherwise keep serving the ended session once the cache is back. Now it is gone within minutes,
and the database (where the session is already deleted) decides.
"""

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

CACHE_SECONDS = 300


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


class SessionStore(CachedDBStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _ShortLivedCopies(self._cache)
