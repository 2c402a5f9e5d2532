"""The shared cache (Redis) for a portal that keeps serving when Redis does not answer.

Everything the portal keeps in the cache can be computed again: shared pages, list counts, template fragments,
rate-limit counters. So when Redis is unreachable, reads miss and writes are dropped instead of failing the
request; pages are then computed as if nothing were cached, and rate limits count nothing (they fail open)
until Redis is back. The outage is logged (at most once a minute per process) and /healthz answers 503, so it is
seen. Sessions are kept in the database (the cache holds only a copy) and e-mails are queued through the database,
so neither is lost.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
REPORT_EVERY_SECONDS = 60


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis object for every cache operation; building one costs more than the round
    trip itself (about 1 ms in redis-py 5), which a signed-in page served from the cache pays twice. Clients share
    their pool's connections and are thread-safe, so one per pool is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    _last_report = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def validate_key(self, key):
        """Redis takes any key: no memcached-compatibility check on every key (Django's documented way to drop it,
        "Cache key warnings"). A signed-in request reads three keys through get_many."""

    def _unavailable(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        if now - FailOpenRedisCache._last_report >= REPORT_EVERY_SECONDS:
            FailOpenRedisCache._last_report = now
            log.warning("Cache unavailable (%s: %s); serving without it", operation, exc.__class__.__name__)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE as exc:
            self._unavailable("get", exc)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE as exc:
            self._unavailable("get_many", exc)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNAVAILABLE as exc:
            self._unavailable("has_key", exc)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("set", exc)
            return None

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("add", exc)
            return False

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("set_many", exc)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable("touch", exc)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNAVAILABLE as exc:
            self._unavailable("delete", exc)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except UNAVAILABLE as exc:
            self._unavailable("delete_many", exc)
            return None

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as exc:
            self._unavailable("incr", exc)
            raise ValueError("The cache is unavailable") from exc
