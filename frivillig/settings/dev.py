"""Development: the embedded PostgreSQL and Redis from scripts/devservices.sh, e-mails to the console."""

from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Demo accounts may be created here (make run); never in production.
PORTAL_ALLOW_DEMO_DATA = True
# Demo users have no authenticator; set MFA_REQUIRED_FOR_PRIVILEGED_ROLES=true to try the rule locally.
MFA_REQUIRED_FOR_PRIVILEGED_ROLES = env_bool("MFA_REQUIRED_FOR_PRIVILEGED_ROLES", False)
