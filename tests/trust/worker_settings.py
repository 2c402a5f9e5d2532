"""Settings for the real Celery worker started by test_worker_crash.py: the test database, a Redis database of
its own, no eager mode, and an e-mail backend that writes each message to a file (slowly, so that the test can
kill the worker in the middle of a batch)."""

import os

from frivillig.settings.test import *  # noqa: F401,F403
from frivillig.settings.test import DATABASES

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_URL = os.environ["CRASH_TEST_BROKER"]
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 4, "unacked_restore_interval": 1}
DATABASES["default"]["NAME"] = os.environ["CRASH_TEST_DB"]
EMAIL_BACKEND = "tests.trust.slow_file_backend.EmailBackend"
EMAIL_FILE_PATH = os.environ["CRASH_TEST_MAILDIR"]
