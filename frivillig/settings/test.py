"""Tests: real PostgreSQL, real Celery task code run eagerly, e-mails kept in memory."""

import os

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES

DEBUG = False
PORTAL_ALLOW_DEMO_DATA = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
# Tests that need the second-factor rule turn it on themselves.
MFA_REQUIRED_FOR_PRIVILEGED_ROLES = False
CELERY_TASK_EAGER_PROPAGATES = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("TEST_CACHE_URL"):
    # The throughput benchmark serves through gunicorn workers that share Redis, as in production.
    CACHES = {"default": {"BACKEND": "frivillig.core.cache.FailOpenRedisCache",
                          "LOCATION": os.environ["TEST_CACHE_URL"]}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / os.environ.get("TEST_DB_NAME", "default")
# Parallel developers or CI jobs on one cluster give each run its own test database.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DB_NAME", "test_frivillig")}
# Django empties tables between transactional tests with TRUNCATE, which the access log otherwise refuses
# (frivillig/core/migrations/0006_access_log_no_truncate.py).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c frivillig.allow_truncate=on"
# Tests open a connection per request; the throughput benchmark's server keeps them, as production does.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("TEST_CONN_MAX_AGE", "0"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
