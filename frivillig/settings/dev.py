"""Development: the embedded PostgreSQL and Redis from scripts/devservices.sh, e-mails to the console."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Demo accounts may be created here (make run); never in production.
PORTAL_ALLOW_DEMO_DATA = True
